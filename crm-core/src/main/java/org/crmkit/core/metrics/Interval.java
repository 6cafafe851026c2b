package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * A confidence interval [lower, upper] at a confidence level.
 *
 * <p>Bounds may be infinite where the method gives no finite bound (for example the t interval
 * of a mean from a single observation), never NaN.
 *
 * @param lower the lower bound
 * @param upper the upper bound, &ge; lower
 * @param level the confidence level, in (0, 1), for example 0.95
 */
public record Interval(double lower, double upper, double level) {

  /**
   * Validates the bounds and the level.
   *
   * @throws IllegalArgumentException if a bound is NaN, lower &gt; upper, or the level is not
   *     in (0, 1)
   */
  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper)) {
      throw new IllegalArgumentException(
          "interval bounds must not be NaN: [" + lower + ", " + upper + "]");
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "interval lower bound " + lower + " is above its upper bound " + upper);
    }
    Stats.level(level);
  }

  /** The interval estimate ± halfWidth, clipped to [min, max]. */
  static Interval around(double estimate, double halfWidth, double level, double min,
      double max) {
    return new Interval(Math.max(min, estimate - halfWidth), Math.min(max, estimate + halfWidth),
        level);
  }

  /** True when lower &le; value &le; upper. */
  public boolean contains(double value) {
    Checks.finite("value", value);
    return lower <= value && value <= upper;
  }

  /** upper − lower (infinite when a bound is). */
  public double width() {
    return upper - lower;
  }

  /** The interval of the negated quantity: [−upper, −lower]. */
  public Interval negate() {
    return new Interval(-upper, -lower, level);
  }

  /** The interval with both bounds multiplied by a factor &gt; 0 (for example 100 for points). */
  public Interval scale(double factor) {
    Checks.positive("factor", factor);
    return new Interval(lower * factor, upper * factor, level);
  }

  /** {@code [0.1469, 0.4531] 95%}. */
  @Override
  public String toString() {
    return "[" + Stats.num(lower) + ", " + Stats.num(upper) + "] " + Stats.percent(level);
  }
}
