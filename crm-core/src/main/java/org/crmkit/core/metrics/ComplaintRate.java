package org.crmkit.core.metrics;

import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.crmkit.core.Checks;

/**
 * Complaint rate: tickets per customer or per order over one period, with the denominator
 * given explicitly by the caller.
 *
 * <p><b>Definitions.</b> Every ticket given counts as a complaint: if your system also logs
 * questions or requests as tickets, pass only the complaint tickets (filter by category first).
 * The tickets and the denominator must cover the same period and population; the rate cannot
 * check that.
 *
 * <ul>
 *   <li>{@link Basis#CUSTOMERS}: rate = tickets ÷ customers in the base (all customers served in
 *       the period, not only those who complained). One customer may complain several times,
 *       so the rate can exceed 1; the share of customers who complained at least once,
 *       complaining customers ÷ customers, is a proportion with a Wilson interval
 *       ({@link #complainingShare()}).
 *   <li>{@link Basis#ORDERS}: rate = tickets ÷ orders of the period. Tickets are not tied to
 *       orders, so this too is a rate, not a share.
 * </ul>
 *
 * <p><b>Interval.</b> The ticket count is treated as Poisson; its exact (Garwood 1936) interval
 * [χ²_{2x, α/2}/2, χ²_{2x+2, 1−α/2}/2] (lower bound 0 when x = 0) is divided by the
 * denominator. For x = 0 the 95% upper bound is −ln(0.025) = 3.689 tickets. Garwood, F. (1936),
 * Fiducial limits for the Poisson distribution, Biometrika 28(3/4), 437–442,
 * doi:10.1093/biomet/28.3-4.437.
 *
 * @param tickets the number of complaint tickets, &ge; 0
 * @param complainingCustomers the number of distinct customers with a ticket, &le; tickets
 * @param base the denominator: customers or orders of the period, &gt; 0
 * @param basis what the denominator counts
 */
public record ComplaintRate(long tickets, long complainingCustomers, long base, Basis basis) {

  /** What the denominator of a complaint rate counts. */
  public enum Basis {
    /** Customers served in the period. */
    CUSTOMERS,
    /** Orders of the period. */
    ORDERS
  }

  /** Checks the counts; for a customer basis, complaining customers must fit in the base. */
  public ComplaintRate {
    Checks.nonNegative("tickets", tickets);
    Checks.nonNegative("complainingCustomers", complainingCustomers);
    Checks.notNull("basis", basis);
    if (base <= 0) {
      throw new IllegalArgumentException("base (" + basis + ") must be > 0: " + base);
    }
    if (complainingCustomers > tickets) {
      throw new IllegalArgumentException("complainingCustomers (" + complainingCustomers
          + ") exceed tickets (" + tickets + ")");
    }
    if (basis == Basis.CUSTOMERS && complainingCustomers > base) {
      throw new IllegalArgumentException(complainingCustomers + " customers complained, more "
          + "than the " + base + " customers of the base: the base must count every customer "
          + "served in the period");
    }
  }

  /** Tickets ÷ base. */
  public double rate() {
    return (double) tickets / base;
  }

  /** Tickets per {@code per} units of the base (for example per 1,000 orders). */
  public double ratePer(long per) {
    if (per <= 0) {
      throw new IllegalArgumentException("per must be > 0: " + per);
    }
    return rate() * per;
  }

  /** The 95% exact Poisson interval of the rate. */
  public Interval interval() {
    return interval(0.95);
  }

  /** The exact Poisson (Garwood) interval of the rate at this level; see the class notes. */
  public Interval interval(double level) {
    Stats.level(level);
    double alpha = 1 - level;
    double lo = tickets == 0 ? 0
        : new ChiSquaredDistribution(null, 2.0 * tickets)
            .inverseCumulativeProbability(alpha / 2) / 2;
    double hi = new ChiSquaredDistribution(null, 2.0 * tickets + 2)
        .inverseCumulativeProbability(1 - alpha / 2) / 2;
    double r = rate();
    return new Interval(Math.min(lo / base, r), Math.max(hi / base, r), level);
  }

  /**
   * The share of the base's customers who complained at least once, with its Wilson interval.
   *
   * @throws IllegalStateException for an order basis, where it is not defined
   */
  public Proportion complainingShare() {
    if (basis != Basis.CUSTOMERS) {
      throw new IllegalStateException("the share of complaining customers needs a customer "
          + "base; this rate is per " + basis);
    }
    return Proportion.of(complainingCustomers, base);
  }

  /** {@code complaint rate 0.0200 per order (20 tickets / 1,000 orders), Poisson [..] 95%}. */
  @Override
  public String toString() {
    String unit = basis == Basis.CUSTOMERS ? "customer" : "order";
    String s = String.format(Locale.ROOT, "complaint rate %s per %s (%s tickets / %s %ss), "
        + "exact Poisson %s", Stats.num(rate()), unit, Stats.count(tickets), Stats.count(base),
        unit, interval());
    if (basis == Basis.CUSTOMERS) {
      s += "; customers who complained " + complainingShare();
    }
    return s;
  }
}
