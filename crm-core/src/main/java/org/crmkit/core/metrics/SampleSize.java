package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * The sample size per group of a two-group test.
 *
 * @param perGroup the exact size rounded up: what to plan for, &ge; 1
 * @param exact the size the formula gives before rounding, &gt; 0
 * @param effect the absolute effect to detect (difference of rates or of means)
 * @param alpha the two-sided significance level
 * @param power the power
 */
public record SampleSize(long perGroup, double exact, double effect, double alpha, double power) {

  /** Checks the components. */
  public SampleSize {
    if (perGroup < 1) {
      throw new IllegalArgumentException("perGroup must be >= 1: " + perGroup);
    }
    Checks.positive("exact", exact);
    Checks.finite("effect", effect);
    Stats.level(alpha);
    Stats.level(power);
  }

  /** Both groups together: 2·perGroup. */
  public long total() {
    return 2 * perGroup;
  }

  /** {@code 3,841 per group (exact 3840.6), 7,682 in all; effect 0.02, alpha 0.05, power 0.8}. */
  @Override
  public String toString() {
    return Stats.count(perGroup) + " per group (exact " + Stats.num(exact) + "), "
        + Stats.count(total()) + " in all; effect " + Stats.num(effect) + ", alpha "
        + Stats.num(alpha) + ", power " + Stats.num(power);
  }
}
