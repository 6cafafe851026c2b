// crmkit JShell startup: imports and the bundled sample data.
// Opened by: ./mvnw -q -pl examples -am -DskipTests package exec:exec@jshell
import java.time.*;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.customer.*;
import org.crmkit.core.log.*;
import org.crmkit.core.summary.*;
import org.crmkit.core.rfm.*;
import org.crmkit.core.metrics.*;
import org.crmkit.core.value.*;
import org.crmkit.examples.SampleData;
