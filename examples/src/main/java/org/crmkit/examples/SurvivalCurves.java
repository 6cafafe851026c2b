package org.crmkit.examples;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.models.survival.LogRank;
import org.crmkit.models.survival.RetentionCurve;

/**
 * Retention curves of the repeat buyers of the bundled CDNOW sample (customers with purchases on
 * two days or more; most one-off buyers never return, which would put half the mass at zero). A
 * customer counts as lost when 26 weeks pass without a purchase before the end of the data
 * (1998-06-30); the tenure runs from the first to the last purchase, and customers still active
 * at the end are censored. The curve of customers
 * whose first purchase was above the median is compared with the others by a log-rank test.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.SurvivalCurves}.
 */
public final class SurvivalCurves {

  /** Weeks without a purchase after which a customer counts as lost. */
  public static final int INACTIVE_WEEKS = 26;

  private SurvivalCurves() {}

  /** Prints the curves and the test to standard output. */
  public static void main(String[] args) {
    TransactionLog all = SampleData.cdnowSample();
    LocalDate end = SampleData.CDNOW_END;
    var repeat = TransactionLog.builder();
    for (int c = 0; c < all.customerCount(); c++) {
      if (all.epochDay(all.end(c) - 1) > all.epochDay(all.start(c))) {
        for (int row = all.start(c); row < all.end(c); row++) {
          repeat.add(all.customerId(c), all.date(row), all.amount(row));
        }
      }
    }
    TransactionLog log = repeat.build();
    int n = log.customerCount();
    LocalDate[] starts = new LocalDate[n];
    LocalDate[] ends = new LocalDate[n];
    double[] firstAmount = new double[n];
    for (int c = 0; c < n; c++) {
      starts[c] = log.date(log.start(c));
      LocalDate lastPurchase = log.date(log.end(c) - 1);
      ends[c] = lastPurchase.plusWeeks(INACTIVE_WEEKS).isBefore(end) ? lastPurchase : null;
      firstAmount[c] = log.amount(log.start(c));
    }
    RetentionCurve curve = RetentionCurve.fromDates(starts, ends, end, ChronoUnit.WEEKS);
    System.out.printf(java.util.Locale.ROOT,
        "%,d repeat buyers, lost after %d weeks without a purchase:%n", n, INACTIVE_WEEKS);
    System.out.println(curve.toString().lines().findFirst().orElse(""));
    for (int weeks : new int[] {13, 26, 39, 52}) {
      System.out.printf(java.util.Locale.ROOT, "  retained after %2d weeks: %.3f%n", weeks,
          curve.retentionAt(weeks, ChronoUnit.WEEKS));
    }
    System.out.println("  (the data cover 78 weeks and a loss needs 26 silent weeks inside them: "
        + "past 52 weeks of tenure every customer is censored, so the curve stops falling)");

    double median = java.util.Arrays.stream(firstAmount).sorted().toArray()[n / 2];
    double[] t = new double[n];
    int[] e = new int[n];
    for (int c = 0; c < n; c++) {
      t[c] = ChronoUnit.DAYS.between(starts[c], ends[c] != null ? ends[c] : end) / 7.0;
      e[c] = ends[c] != null ? 1 : 0;
    }
    int big = 0;
    for (double a : firstAmount) {
      if (a > median) {
        big++;
      }
    }
    double[] tBig = new double[big];
    int[] eBig = new int[big];
    double[] tSmall = new double[n - big];
    int[] eSmall = new int[n - big];
    for (int c = 0, i = 0, j = 0; c < n; c++) {
      if (firstAmount[c] > median) {
        tBig[i] = t[c];
        eBig[i++] = e[c];
      } else {
        tSmall[j] = t[c];
        eSmall[j++] = e[c];
      }
    }
    System.out.println();
    System.out.printf(java.util.Locale.ROOT,
        "First purchase above the median ($%.2f) vs the others:%n", median);
    System.out.println(LogRank.test(tBig, eBig, tSmall, eSmall));
  }
}
