package org.crmkit.core.value;

import java.time.Period;
import org.crmkit.core.Checks;

/**
 * Simple customer lifetime value formulas, as CRM practice quotes them: the historic
 * "average order value × purchase frequency × lifespan" product, with or without a margin, and
 * the retention-based discounted value with constant margin, retention and discount rate.
 * Amounts are in one currency; every result is a value per customer.
 *
 * <p><b>When they mislead.</b> All of them describe an <i>average</i> customer with constant
 * behaviour:
 *
 * <ul>
 *   <li>Customer value is skewed: the mean of a few heavy buyers and many one-time buyers
 *       describes almost nobody, and the product of three averages is not the average of the
 *       products when order value, frequency and lifespan are correlated.
 *   <li>Retention measured on a whole base rises as the least loyal customers leave
 *       (heterogeneity): a constant r taken from one year undervalues the customers who remain
 *       and overvalues new cohorts (Fader &amp; Hardie 2010). Use a fitted model (sBG, BG/NBD,
 *       Pareto/NBD in crm-models) when the data allow it.
 *   <li>The historic product ignores discounting and churn timing; a lifespan estimated as
 *       1 / churn rate inherits both problems of a constant rate.
 *   <li>Revenue is not value: without a margin the formulas overstate what a customer is worth
 *       and must not be compared with an acquisition cost.
 * </ul>
 *
 * <p><b>Discounting.</b> Discount rates are stated per year, as elsewhere in crmkit, and turned
 * into a rate per period inside: d = (1 + d_year)^(length of the period in years) − 1, with a
 * month counted as 1/12 year and a day as 1/365.2425 year.
 *
 * <p>Sources: Gupta, S. &amp; Lehmann, D. R. (2003), Customers as assets, Journal of
 * Interactive Marketing 17(1), 9–24, doi:10.1002/dir.10045 (m·r/(1 + i − r)); Berger, P. D. &amp;
 * Nasr, N. I. (1998), Customer lifetime value: marketing models and applications, Journal of
 * Interactive Marketing 12(1), 17–30; Fader, P. S. &amp; Hardie, B. G. S. (2010), Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity, Marketing Science
 * 29(1), 85–93, doi:10.1287/mksc.1080.0482.
 */
public final class SimpleClv {

  private SimpleClv() {}

  /**
   * When the first margin of a retention-based value is received, and so whether it is
   * discounted and whether it depends on retention.
   */
  public enum Timing {
    /**
     * Margins at the end of each period t = 1, 2, …, each received only if the customer is
     * retained to then (probability r^t) and discounted t periods: Σ_{t=1} m·r^t/(1 + d)^t. Its
     * infinite sum is Gupta &amp; Lehmann's (2003) m·r/(1 + d − r). This is the convention of
     * the perpetuity formula quoted in the CRM sources.
     */
    END_OF_PERIOD,

    /**
     * The first margin now, certain and undiscounted (t = 0), then one per period:
     * Σ_{t=0} m·r^t/(1 + d)^t, whose infinite sum is m·(1 + d)/(1 + d − r) = m +
     * m·r/(1 + d − r). Use it for a customer who has just been acquired and pays now.
     */
    START_OF_PERIOD
  }

  /**
   * The historic CLV as the CRM sources state it: average order value × purchases per year ×
   * expected lifespan in years. A revenue figure; see {@link #historic(double, double, double,
   * double)} for a margin.
   *
   * <p>Example: 50 per order, 4 orders a year, 3 years: 50 × 4 × 3 = 600.
   *
   * @param averageOrderValue average revenue per order, finite and &ge; 0
   * @param purchasesPerYear purchases per customer per year, finite and &ge; 0
   * @param lifespanYears expected customer lifespan in years, finite and &ge; 0
   */
  public static double historic(double averageOrderValue, double purchasesPerYear,
      double lifespanYears) {
    Checks.nonNegative("averageOrderValue", averageOrderValue);
    Checks.nonNegative("purchasesPerYear", purchasesPerYear);
    Checks.nonNegative("lifespanYears", lifespanYears);
    return averageOrderValue * purchasesPerYear * lifespanYears;
  }

  /**
   * The historic CLV with a gross margin rate: AOV × purchases per year × lifespan in years ×
   * margin. Example: 50 × 4 × 3 × 0.3 = 180.
   *
   * @param marginRate the gross margin as a fraction of revenue, in [−1, 1] (negative for a
   *     loss-making customer)
   */
  public static double historic(double averageOrderValue, double purchasesPerYear,
      double lifespanYears, double marginRate) {
    Checks.inRange("marginRate", marginRate, -1, 1);
    return historic(averageOrderValue, purchasesPerYear, lifespanYears) * marginRate;
  }

  /**
   * The discount rate per period from an annual rate: (1 + annual)^(years per period) − 1.
   *
   * @param annualDiscountRate the annual rate, finite and &gt; −1 (0.10 for 10 %)
   * @param period the length of one period, positive, without negative parts (one year,
   *     {@code Period.ofMonths(1)}, {@code Period.ofWeeks(1)}, ...)
   */
  public static double periodRate(double annualDiscountRate, Period period) {
    Checks.finite("annualDiscountRate", annualDiscountRate);
    if (annualDiscountRate <= -1) {
      throw new IllegalArgumentException("annualDiscountRate must be > -1: "
          + annualDiscountRate);
    }
    double years = years(period);
    if (years == 1) {
      return annualDiscountRate;   // exact for the common yearly period
    }
    return Math.expm1(years * Math.log1p(annualDiscountRate));
  }

  static double years(Period period) {
    Checks.notNull("period", period);
    if (period.isNegative() || period.isZero() || period.getYears() < 0
        || period.getMonths() < 0 || period.getDays() < 0) {
      throw new IllegalArgumentException("period must be positive with no negative part: "
          + period);
    }
    return period.toTotalMonths() / 12.0 + period.getDays() / 365.2425;
  }

  /**
   * The retention-based CLV over an infinite horizon with constant margin m, retention r and
   * discount rate d per period.
   *
   * <ul>
   *   <li>{@link Timing#END_OF_PERIOD}: m·r/(1 + d − r) (Gupta &amp; Lehmann 2003). Example:
   *       m = 100, r = 0.8, d = 0.1 per year: 100·0.8/0.3 = 266.67.
   *   <li>{@link Timing#START_OF_PERIOD}: m·(1 + d)/(1 + d − r); example: 100·1.1/0.3 = 366.67.
   * </ul>
   *
   * <p>The "lifetime" implied by r is 1/(1 − r) periods (5 at r = 0.8), but the value is not
   * m × lifetime: discounting and the chance of leaving early lower it.
   *
   * @param marginPerPeriod the margin per retained customer and period, finite
   * @param retentionPerPeriod the probability of staying one more period, in [0, 1], below
   *     1 + d
   * @param annualDiscountRate the annual discount rate, &gt; −1; see
   *     {@link #periodRate(double, Period)}
   * @param period the length of one period (of the margin and the retention rate)
   * @param timing when the first margin comes
   * @throws IllegalArgumentException if r &ge; 1 + d (the sum diverges) or an argument is
   *     out of range
   */
  public static double retention(double marginPerPeriod, double retentionPerPeriod,
      double annualDiscountRate, Period period, Timing timing) {
    Checks.finite("marginPerPeriod", marginPerPeriod);
    checkRetention(retentionPerPeriod);
    Checks.notNull("timing", timing);
    double d = periodRate(annualDiscountRate, period);
    double denom = 1 + d - retentionPerPeriod;
    if (!(denom > 0)) {
      throw new IllegalArgumentException("retention " + retentionPerPeriod + " is not below 1 + "
          + "the discount rate per period " + d + ": the infinite sum diverges; use a finite "
          + "horizon");
    }
    double first = timing == Timing.END_OF_PERIOD ? retentionPerPeriod : 1 + d;
    return marginPerPeriod * first / denom;
  }

  /**
   * The retention-based CLV over {@code periods} periods (a finite horizon):
   *
   * <ul>
   *   <li>{@link Timing#START_OF_PERIOD}: Σ_{t=0}^{T−1} m·r^t/(1 + d)^t = m·(1 − q^T)/(1 − q),
   *       q = r/(1 + d) (m·T when q = 1). Example: m = 100, r = 0.8, d = 0.1, T = 3:
   *       100·(1 + 0.72727 + 0.52893) = 225.62.
   *   <li>{@link Timing#END_OF_PERIOD}: Σ_{t=1}^{T} m·r^t/(1 + d)^t = m·q·(1 − q^T)/(1 − q).
   *       Same example: 100·(0.72727 + 0.52893 + 0.38468) = 164.09.
   * </ul>
   *
   * <p>As T grows, each converges to {@link #retention} with the same timing; the two differ
   * by m·(1 − q^T): the first margin, and the last one discounted.
   *
   * @param periods the horizon T in periods, &ge; 0 (0 gives 0)
   */
  public static double retention(double marginPerPeriod, double retentionPerPeriod,
      double annualDiscountRate, Period period, int periods, Timing timing) {
    Checks.finite("marginPerPeriod", marginPerPeriod);
    checkRetention(retentionPerPeriod);
    Checks.nonNegative("periods", periods);
    Checks.notNull("timing", timing);
    double d = periodRate(annualDiscountRate, period);
    double q = retentionPerPeriod / (1 + d);
    double sum;   // Σ_{t=0}^{T-1} q^t
    if (periods == 0) {
      sum = 0;
    } else if (q == 0) {
      sum = 1;
    } else if (Math.abs(1 - q) < 1e-12) {
      sum = periods;
    } else {
      sum = -Math.expm1(periods * Math.log(q)) / (1 - q);
    }
    double first = timing == Timing.END_OF_PERIOD ? q : 1;
    return marginPerPeriod * first * sum;
  }

  private static void checkRetention(double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException("retentionPerPeriod must be in [0, 1]: " + r);
    }
  }
}
