package org.crmkit.models.churn;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Cut points that turn a churn probability into a {@link RiskTier}: HIGH when p &ge; high,
 * MEDIUM when medium &le; p &lt; high, LOW otherwise.
 *
 * @param medium the lower edge of MEDIUM, in [0, 1]
 * @param high the lower edge of HIGH, in [medium, 1]
 */
public record RiskTiers(double medium, double high) {

  /** Checks 0 &le; medium &le; high &le; 1. */
  public RiskTiers {
    Checks.inRange("medium", medium, 0, 1);
    Checks.inRange("high", high, 0, 1);
    if (high < medium) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "high (%s) must not be below medium (%s)", Checks.format(high), Checks.format(medium)));
    }
  }

  /** Fixed cut points. */
  public static RiskTiers of(double medium, double high) {
    return new RiskTiers(medium, high);
  }

  /** The default cut points: MEDIUM from 0.4, HIGH from 0.7. */
  public static RiskTiers defaults() {
    return new RiskTiers(0.4, 0.7);
  }

  /**
   * Cut points that put about {@code highShare} of these customers in HIGH and
   * {@code mediumShare} in MEDIUM: high = the (1 − highShare) empirical quantile of the
   * probabilities, medium = the (1 − highShare − mediumShare) quantile, where the q quantile is the
   * value at 0-based index ⌈q·n⌉ of the sorted probabilities (0 when that index is 0, 1 when it is
   * n). Ties at a cut point put all of them in the higher tier.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1] or they sum above 1
   */
  public static RiskTiers byShare(ChurnScores scores, double mediumShare, double highShare) {
    Checks.notNull("scores", scores);
    Checks.inRange("mediumShare", mediumShare, 0, 1);
    Checks.inRange("highShare", highShare, 0, 1);
    if (mediumShare + highShare > 1) {
      throw new IllegalArgumentException("mediumShare + highShare must not exceed 1: "
          + (mediumShare + highShare));
    }
    double[] p = scores.probabilities();
    Arrays.sort(p);
    return new RiskTiers(quantile(p, 1 - highShare - mediumShare), quantile(p, 1 - highShare));
  }

  private static double quantile(double[] sorted, double q) {
    int idx = (int) Math.ceil(q * sorted.length - 1e-9);
    if (idx <= 0) {
      return 0;
    }
    if (idx >= sorted.length) {
      return 1;
    }
    return sorted[idx];
  }

  /** The tier of probability {@code p}. */
  public RiskTier tierOf(double p) {
    Checks.inRange("probability", p, 0, 1);
    return p >= high ? RiskTier.HIGH : p >= medium ? RiskTier.MEDIUM : RiskTier.LOW;
  }
}
