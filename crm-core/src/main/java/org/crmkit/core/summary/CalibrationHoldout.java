package org.crmkit.core.summary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * A calibration / holdout split: customer summaries at the calibration end, and per customer the
 * purchases in the holdout period (calibrationEnd, holdoutEnd].
 *
 * <p>Holdout purchases count purchase days, as x does: several transactions of one customer on
 * one day are one purchase. Holdout spend sums the amounts. Customers whose first purchase falls
 * in the holdout period are not part of the calibration summaries; they are counted in
 * {@link #customersFirstSeenInHoldout()}. Arrays are indexed like {@link #calibration()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibrationHoldout {

  private final CustomerSummaries calibration;
  private final LocalDate holdoutEnd;
  private final double holdoutLength;
  private final int[] purchases;
  private final double[] spend;
  private final int firstSeenInHoldout;

  private CalibrationHoldout(CustomerSummaries calibration, LocalDate holdoutEnd,
      double holdoutLength, int[] purchases, double[] spend, int firstSeenInHoldout) {
    this.calibration = calibration;
    this.holdoutEnd = holdoutEnd;
    this.holdoutLength = holdoutLength;
    this.purchases = purchases;
    this.spend = spend;
    this.firstSeenInHoldout = firstSeenInHoldout;
  }

  /**
   * Splits {@code log} at {@code calibrationEnd}.
   *
   * @param log the transactions (no refunds; see {@link CustomerSummaries})
   * @param calibrationEnd last day of the calibration period (inclusive)
   * @param holdoutEnd last day of the holdout period (inclusive), after the calibration end
   * @param unit time unit of the summaries
   */
  public static CalibrationHoldout of(TransactionLog log, LocalDate calibrationEnd,
      LocalDate holdoutEnd, ChronoUnit unit) {
    Checks.notNull("calibrationEnd", calibrationEnd);
    Checks.notNull("holdoutEnd", holdoutEnd);
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "holdoutEnd (%s) must be after calibrationEnd (%s)", holdoutEnd, calibrationEnd));
    }
    CustomerSummaries cal = CustomerSummaries.of(log, calibrationEnd, unit);
    long calEnd = calibrationEnd.toEpochDay();
    long hoEnd = holdoutEnd.toEpochDay();
    int[] purchases = new int[cal.size()];
    double[] spend = new double[cal.size()];
    int k = 0;
    int firstSeenInHoldout = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      int from = log.start(c);
      long firstDay = log.epochDay(from);
      if (firstDay > calEnd) {
        if (firstDay <= hoEnd) {
          firstSeenInHoldout++;
        }
        continue;
      }
      long day = Long.MIN_VALUE;
      int n = 0;
      double s = 0;
      for (int row = from; row < log.end(c); row++) {
        long d = log.epochDay(row);
        if (d <= calEnd) {
          continue;
        }
        if (d > hoEnd) {
          break;
        }
        if (d != day) {
          n++;
          day = d;
        }
        s += log.amount(row);
      }
      purchases[k] = n;
      spend[k] = s;
      k++;
    }
    double length = (hoEnd - calEnd) / TimeUnits.days(unit);
    return new CalibrationHoldout(cal, holdoutEnd, length, purchases, spend, firstSeenInHoldout);
  }

  /** Summaries at the calibration end. */
  public CustomerSummaries calibration() {
    return calibration;
  }

  /** The last day of the holdout period (inclusive). */
  public LocalDate holdoutEnd() {
    return holdoutEnd;
  }

  /** The holdout length (holdout end − calibration end) in the summaries' unit. */
  public double holdoutLength() {
    return holdoutLength;
  }

  /** Customers left out of the calibration summaries because they first bought in the holdout. */
  public int customersFirstSeenInHoldout() {
    return firstSeenInHoldout;
  }

  /** The number of customers (of the calibration summaries). */
  public int size() {
    return calibration.size();
  }

  /** Purchase days of customer {@code i} in the holdout period. */
  public int holdoutPurchases(int i) {
    return purchases[i];
  }

  /** Spend of customer {@code i} in the holdout period. */
  public double holdoutSpend(int i) {
    return spend[i];
  }

  /** A copy of the holdout purchase column. */
  public int[] holdoutPurchases() {
    return purchases.clone();
  }

  /** A copy of the holdout spend column. */
  public double[] holdoutSpend() {
    return spend.clone();
  }

  /** Σ holdout purchases over all customers. */
  public long totalHoldoutPurchases() {
    long s = 0;
    for (int v : purchases) {
      s += v;
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "CalibrationHoldout: %,d customers, calibration to %s, holdout to %s (%.2f %s), "
            + "Σx = %,d calibration repeat purchases, %,d holdout purchases",
        size(), calibration.observationEnd(), holdoutEnd, holdoutLength,
        calibration.unit().toString().toLowerCase(Locale.ROOT),
        calibration.totalRepeatPurchases(), totalHoldoutPurchases());
  }

}
