package org.crmkit.examples;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.models.clv.BgNbd;
import org.crmkit.models.clv.Diagnostics;
import org.crmkit.models.clv.MbgNbd;

/**
 * A CLV forecast on the bundled CDNOW sample: BG/NBD and MBG/NBD fitted on the 39-week
 * calibration period, compared by AIC and BIC, checked on the 39-week holdout (purchases by
 * calibration frequency, and the weekly cumulative tracking of repeat purchases).
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.ClvForecast}.
 */
public final class ClvForecast {

  private ClvForecast() {}

  /** Prints the fits and the holdout checks to standard output. */
  public static void main(String[] args) {
    TransactionLog log = SampleData.cdnowSample();
    LocalDate calibrationEnd = SampleData.CDNOW_CALIBRATION_END;
    CalibrationHoldout split = CalibrationHoldout.of(log, calibrationEnd, SampleData.CDNOW_END,
        ChronoUnit.WEEKS);
    CustomerSummaries cal = split.calibration();
    BgNbd bg = BgNbd.fit(cal);
    MbgNbd mbg = MbgNbd.fit(cal);
    System.out.println(bg);
    System.out.println(mbg);
    System.out.println(Diagnostics.informationCriteria(List.of(bg.state(), mbg.state())));
    System.out.println();
    System.out.println(Diagnostics.of(bg).frequencyHistogram(cal, 7));
    System.out.println();
    System.out.println(Diagnostics.of(bg).conditionalExpectation(split, 7));
    System.out.println();
    System.out.println(Diagnostics.of(bg).tracking(log, calibrationEnd, SampleData.CDNOW_END,
        ChronoUnit.WEEKS));
  }
}
