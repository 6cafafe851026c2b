package org.crmkit.examples;

import org.crmkit.core.metrics.CohortMatrix;
import org.crmkit.core.metrics.DateRange;
import org.crmkit.core.metrics.Retention;
import org.crmkit.core.log.TransactionLog;

/**
 * Cohort retention on the bundled CDNOW sample: customers by acquisition month and months since,
 * with counts, rates and revenue retention, and the retention, churn and repeat-purchase rates of
 * 1998's first half against 1997's second half.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.CohortRetention}.
 */
public final class CohortRetention {

  private CohortRetention() {}

  /** Prints the cohort matrix and the period rates to standard output. */
  public static void main(String[] args) {
    TransactionLog log = SampleData.cdnowSample();
    System.out.println(CohortMatrix.of(log));
    System.out.println();
    System.out.println(Retention.of(log,
        DateRange.of(java.time.LocalDate.of(1997, 7, 1), java.time.LocalDate.of(1997, 12, 31)),
        DateRange.of(java.time.LocalDate.of(1998, 1, 1), SampleData.CDNOW_END)));
  }
}
