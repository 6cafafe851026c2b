package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * The comparison of a metric between two groups or periods, a and b: the difference a − b, its
 * standard error, the test statistic (z or t), the two-sided p-value of "no difference", and a
 * confidence interval for the difference.
 *
 * <p>A z test has {@code degreesOfFreedom} = +∞ (the normal distribution is the t distribution
 * with infinite degrees of freedom). Where a method's interval is not the inversion of its test
 * (the pooled two-proportion z test with the Newcombe interval), {@code standardError} is the one
 * in the statistic, and {@code method} names both. When the standard error is 0 the statistic is
 * 0 (no difference, p = 1) or ±∞ (p = 0).
 *
 * @param method how the comparison was made, for example "Welch t"
 * @param difference a − b, with its sign
 * @param standardError the standard error used in the statistic, finite and &ge; 0
 * @param statistic difference / standardError (z or t), not NaN
 * @param degreesOfFreedom the t distribution's degrees of freedom, +∞ for a z test
 * @param pValue the two-sided p-value, in [0, 1]
 * @param interval the confidence interval for a − b
 */
public record Comparison(String method, double difference, double standardError,
    double statistic, double degreesOfFreedom, double pValue, Interval interval) {

  /** Validates every component. */
  public Comparison {
    Checks.notBlank("method", method);
    Checks.finite("difference", difference);
    Checks.nonNegative("standardError", standardError);
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException("statistic must not be NaN");
    }
    if (!(degreesOfFreedom > 0)) {
      throw new IllegalArgumentException("degreesOfFreedom must be > 0: " + degreesOfFreedom);
    }
    Checks.inRange("pValue", pValue, 0, 1);
    Checks.notNull("interval", interval);
  }

  /** True for a z test (infinite degrees of freedom). */
  public boolean isZ() {
    return degreesOfFreedom == Double.POSITIVE_INFINITY;
  }

  /** "z" or "t". */
  public String statisticName() {
    return isZ() ? "z" : "t";
  }

  /** True when the p-value is below {@code alpha}. */
  public boolean significantAt(double alpha) {
    Stats.level(alpha);
    return pValue < alpha;
  }

  /**
   * The same comparison with the groups swapped (b − a): the difference, the statistic and the
   * interval change sign; the standard error and the p-value stay.
   */
  public Comparison reversed() {
    return new Comparison(method, -difference, standardError, -statistic, degreesOfFreedom,
        pValue, interval.negate());
  }

  /**
   * {@code Welch t: difference 0.2000, SE 0.1034, t = 1.934 (df 45.6), p = 0.0532,
   * 95% CI [-0.0027, 0.4027]}.
   */
  @Override
  public String toString() {
    String df = isZ() ? "" : " (df " + Stats.num(degreesOfFreedom) + ")";
    return method + ": difference " + Stats.num(difference) + ", SE " + Stats.num(standardError)
        + ", " + statisticName() + " = " + Stats.num(statistic) + df + ", p = "
        + Stats.num(pValue) + ", CI " + interval;
  }
}
