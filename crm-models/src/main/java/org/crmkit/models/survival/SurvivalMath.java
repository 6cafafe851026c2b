package org.crmkit.models.survival;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.crmkit.core.Checks;

/** Distribution helpers shared by the estimators. Package-private. */
final class SurvivalMath {

  private SurvivalMath() {}

  /**
   * The two-sided normal quantile for a confidence level: z = Φ⁻¹(1 − (1 − level)/2) =
   * √2 erf⁻¹(level); 1.959964 for 0.95.
   */
  static double z(double level) {
    checkLevel(level);
    return Math.sqrt(2.0) * Erf.erfInv(level);
  }

  static double checkLevel(double level) {
    if (level > 0 && level < 1) {
      return level;
    }
    throw new IllegalArgumentException("confidence level must be in (0, 1): "
        + Checks.format(level));
  }

  /**
   * Upper tail of the chi-square distribution, P(X &gt; x) for X ~ χ²(df) = Q(df/2, x/2), the
   * regularized upper incomplete gamma function. This is the survival function of commons-math3's
   * {@code ChiSquaredDistribution}, computed directly instead of as 1 − cdf so that p-values
   * below 1e-16 do not round to 0. Returns 1 for x &le; 0.
   */
  static double chiSquareSf(double x, int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1: " + df);
    }
    if (!(x > 0)) {
      return 1.0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
  }

  /** Two-sided normal p-value P(|Z| &gt; |z|) = erfc(|z|/√2). */
  static double twoSidedP(double z) {
    return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
  }
}
