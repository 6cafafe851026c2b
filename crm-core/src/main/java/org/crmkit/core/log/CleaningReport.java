package org.crmkit.core.log;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * What {@link LogCleaner#clean(TransactionLog)} changed, in counts.
 *
 * <p>Every input row is accounted for:
 * {@code rowsOut = rowsIn − duplicatesRemoved − rowsMergedAway − nonPositiveDaysRemoved}.
 * The constructor checks this identity.
 *
 * @param rowsIn the rows of the input log
 * @param duplicatesRemoved exact duplicate rows removed ({@link Duplicates#REMOVE})
 * @param rowsMergedAway rows summed into another row of the same customer and day by same-day
 *     merging: a day of k merged rows contributes k − 1
 * @param refundRows refund rows (amount &lt; 0) left after duplicate removal: the rows the refund
 *     policy acted on
 * @param refundsNetted refund rows summed into their day's total ({@link Refunds#NET_AGAINST_DAY});
 *     0 under the other policies
 * @param nonPositiveDaysRemoved customer-days that held a refund and whose net amount was
 *     &le; 0, removed ({@link Refunds#NET_AGAINST_DAY}); each was one row after merging
 * @param rowsOut the rows of the cleaned log
 * @param customersIn the customers of the input log
 * @param customersOut the customers of the cleaned log (a customer all of whose days were removed
 *     leaves the log)
 */
public record CleaningReport(long rowsIn, long duplicatesRemoved, long rowsMergedAway,
    long refundRows, long refundsNetted, long nonPositiveDaysRemoved, long rowsOut,
    long customersIn, long customersOut) {

  /**
   * Checks that the counts are non-negative and consistent.
   *
   * @throws IllegalArgumentException if a count is negative, the rows do not add up, more
   *     refunds were netted than seen, or customers were added
   */
  public CleaningReport {
    Checks.nonNegative("rowsIn", rowsIn);
    Checks.nonNegative("duplicatesRemoved", duplicatesRemoved);
    Checks.nonNegative("rowsMergedAway", rowsMergedAway);
    Checks.nonNegative("refundRows", refundRows);
    Checks.nonNegative("refundsNetted", refundsNetted);
    Checks.nonNegative("nonPositiveDaysRemoved", nonPositiveDaysRemoved);
    Checks.nonNegative("rowsOut", rowsOut);
    Checks.nonNegative("customersIn", customersIn);
    Checks.nonNegative("customersOut", customersOut);
    if (rowsOut != rowsIn - duplicatesRemoved - rowsMergedAway - nonPositiveDaysRemoved) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rows do not add up: rowsOut %d != rowsIn %d - duplicatesRemoved %d - rowsMergedAway %d"
              + " - nonPositiveDaysRemoved %d",
          rowsOut, rowsIn, duplicatesRemoved, rowsMergedAway, nonPositiveDaysRemoved));
    }
    if (refundsNetted > refundRows) {
      throw new IllegalArgumentException("refundsNetted (" + refundsNetted
          + ") exceeds refundRows (" + refundRows + ")");
    }
    if (customersOut > customersIn) {
      throw new IllegalArgumentException("customersOut (" + customersOut
          + ") exceeds customersIn (" + customersIn + ")");
    }
  }

  /** The rows removed, for any reason: {@code rowsIn − rowsOut}. */
  public long rowsRemoved() {
    return rowsIn - rowsOut;
  }

  /**
   * True when cleaning changed nothing: no row was removed or merged, so the cleaned log equals
   * the input (refunds may still have been seen and kept).
   */
  public boolean unchanged() {
    return rowsOut == rowsIn;
  }

  /**
   * A small table for JShell, {@link Locale#ROOT}; for the CDNOW sample with duplicates removed and
   * same-day purchases merged:
   *
   * <pre>
   * CleaningReport: 6,919 rows in, 6,696 out; 2,357 customers in, 2,357 out
   *   exact duplicates removed                21
   *   rows merged into same-day rows         202
   *   refund rows                              0
   *   refunds netted against their day         0
   *   days removed, net &lt;= 0                   0</pre>
   */
  @Override
  public String toString() {
    String row = "\n  %-34s %,7d";
    return String.format(Locale.ROOT,
        "CleaningReport: %,d rows in, %,d out; %,d customers in, %,d out"
            + row + row + row + row + row,
        rowsIn, rowsOut, customersIn, customersOut,
        "exact duplicates removed", duplicatesRemoved,
        "rows merged into same-day rows", rowsMergedAway,
        "refund rows", refundRows,
        "refunds netted against their day", refundsNetted,
        "days removed, net <= 0", nonPositiveDaysRemoved);
  }
}
