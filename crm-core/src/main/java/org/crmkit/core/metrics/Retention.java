package org.crmkit.core.metrics;

import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Retention, churn and repeat purchase between a base period and a later period, from a
 * transaction log.
 *
 * <p>A purchase is a row with amount &ge; 0 (refunds are not purchases); dates are read in the
 * log's zone. Definitions:
 *
 * <ul>
 *   <li>base customers S: customers with a purchase in the base period;
 *   <li>retained R: base customers with a purchase in the period;
 *   <li>retention rate R / S; churn rate 1 − R / S;
 *   <li>new customers N: their first purchase in the log lies in the period;
 *   <li>reactivated: a purchase in the period, none in the base period, and a first purchase
 *       before the period; so period customers = R + N + reactivated;
 *   <li>repeat-purchase rate: period customers with purchases on at least 2 distinct days of the
 *       period ÷ period customers (same-day purchases merge, as in the customer summaries).
 * </ul>
 *
 * <p>The classic formula (E − N)/S counts customers at the end E; with purchase data "customer
 * at the end" means "bought in the period", and (E − N)/S then also counts the reactivated as
 * retained. Here they are reported apart.
 *
 * @param base the base period
 * @param period the later period, starting after the base period ends
 * @param baseCustomers S
 * @param retained R
 * @param newCustomers N
 * @param reactivated customers back in the period after a gap
 * @param repeatCustomers period customers with purchases on 2 or more days of the period
 */
public record Retention(DateRange base, DateRange period, long baseCustomers, long retained,
    long newCustomers, long reactivated, long repeatCustomers) {

  /** Checks the components and their relations. */
  public Retention {
    Checks.notNull("base", base);
    Checks.notNull("period", period);
    if (!period.from().isAfter(base.to())) {
      throw new IllegalArgumentException(
          "the period (" + period + ") must start after the base period (" + base + ") ends");
    }
    Checks.nonNegative("baseCustomers", baseCustomers);
    Checks.nonNegative("retained", retained);
    Checks.nonNegative("newCustomers", newCustomers);
    Checks.nonNegative("reactivated", reactivated);
    Checks.nonNegative("repeatCustomers", repeatCustomers);
    if (retained > baseCustomers) {
      throw new IllegalArgumentException(
          "retained (" + retained + ") exceeds baseCustomers (" + baseCustomers + ")");
    }
    if (repeatCustomers > retained + newCustomers + reactivated) {
      throw new IllegalArgumentException("repeatCustomers (" + repeatCustomers
          + ") exceeds the period's customers");
    }
  }

  /**
   * Counts retention between two periods of a log.
   *
   * @throws IllegalArgumentException if the period does not start after the base period ends
   */
  public static Retention of(TransactionLog log, DateRange base, DateRange period) {
    Checks.notNull("log", log);
    Checks.notNull("base", base);
    Checks.notNull("period", period);
    if (!period.from().isAfter(base.to())) {
      throw new IllegalArgumentException(
          "the period (" + period + ") must start after the base period (" + base + ") ends");
    }
    long periodStart = period.from().toEpochDay();
    long s = 0;
    long r = 0;
    long n = 0;
    long back = 0;
    long repeat = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      long first = Long.MAX_VALUE;
      boolean inBase = false;
      long daysInPeriod = 0;
      long lastDay = Long.MIN_VALUE;
      for (int row = log.start(c); row < log.end(c); row++) {
        if (log.amount(row) < 0) {
          continue;
        }
        long d = log.epochDay(row);
        first = Math.min(first, d);
        inBase |= base.containsEpochDay(d);
        if (period.containsEpochDay(d) && d != lastDay) {
          daysInPeriod++;
          lastDay = d;        // rows are sorted by time: equal days are adjacent
        }
      }
      s += inBase ? 1 : 0;
      if (daysInPeriod > 0) {
        if (inBase) {
          r++;
        } else if (first >= periodStart) {
          n++;
        } else {
          back++;
        }
        repeat += daysInPeriod >= 2 ? 1 : 0;
      }
    }
    return new Retention(base, period, s, r, n, back, repeat);
  }

  /** Customers with a purchase in the period: retained + new + reactivated. */
  public long periodCustomers() {
    return retained + newCustomers + reactivated;
  }

  /**
   * R / S as a proportion (with its Wilson interval).
   *
   * @throws IllegalStateException if the base period has no customer
   */
  public Proportion retention() {
    if (baseCustomers == 0) {
      throw new IllegalStateException("no customer bought in the base period " + base);
    }
    return Proportion.of(retained, baseCustomers);
  }

  /** R / S. */
  public double retentionRate() {
    return retention().estimate();
  }

  /** 1 − R / S. */
  public double churnRate() {
    return 1 - retentionRate();
  }

  /**
   * Period customers with 2 or more purchase days ÷ period customers, as a proportion.
   *
   * @throws IllegalStateException if no customer bought in the period
   */
  public Proportion repeatPurchase() {
    if (periodCustomers() == 0) {
      throw new IllegalStateException("no customer bought in the period " + period);
    }
    return Proportion.of(repeatCustomers, periodCustomers());
  }

  /** The repeat-purchase rate. */
  public double repeatPurchaseRate() {
    return repeatPurchase().estimate();
  }

  /** Two lines: the counts, then the rates. */
  @Override
  public String toString() {
    String rates = (baseCustomers > 0 ? "retention " + Stats.dec(retentionRate()) + ", churn "
        + Stats.dec(churnRate()) : "no base customer")
        + (periodCustomers() > 0 ? ", repeat purchase " + Stats.dec(repeatPurchaseRate()) : "");
    return String.format(Locale.ROOT,
        "retention %s -> %s: base %,d, retained %,d, new %,d, reactivated %,d%n  %s", base,
        period, baseCustomers, retained, newCustomers, reactivated, rates);
  }
}
