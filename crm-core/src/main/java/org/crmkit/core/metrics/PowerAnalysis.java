package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * Sample size, minimum detectable effect and power for two equal groups, two-sided tests,
 * normal approximation.
 *
 * <p><b>Two proportions</b> (baseline p₁, target p₂ = p₁ + δ, q = 1 − p, p̄ = (p₁ + p₂)/2):
 *
 * <pre>
 *   n per group = ( z_{1−α/2}·sqrt(2·p̄·q̄) + z_{power}·sqrt(p₁q₁ + p₂q₂) )² / δ²
 *   power(n)    = Φ( (|δ|·√n − z_{1−α/2}·sqrt(2·p̄·q̄)) / sqrt(p₁q₁ + p₂q₂) )
 * </pre>
 *
 * the pooled variance under H₀ and the unpooled one under H₁, without continuity correction
 * (Fleiss, Levin &amp; Paik 2003, ch. 4); R's {@code power.prop.test} (strict = FALSE) uses the
 * same equations, ignoring the rejection region on the far side. The minimum detectable effect
 * is the δ &gt; 0 whose power with n per group equals the target, found by bisection.
 *
 * <p><b>Two means</b> (common standard deviation σ): n per group = 2·(z_{1−α/2} + z_{power})²·σ²/δ²
 * and δ = (z_{1−α/2} + z_{power})·σ·sqrt(2/n) (a z approximation: for small n the t test needs a
 * few more).
 *
 * <pre>{@code
 * SampleSize n = PowerAnalysis.withDefaults().sampleSize(0.10, 0.02);      // α 0.05, power 0.8
 * double mde = PowerAnalysis.withDefaults().withPower(0.9).minimumDetectableEffect(0.10, 5000);
 * }</pre>
 *
 * @param alpha the two-sided significance level, in (0, 1)
 * @param power the power, in (alpha/2, 1): below alpha/2 even a zero effect "reaches" it
 */
public record PowerAnalysis(double alpha, double power) {

  private static final PowerAnalysis DEFAULTS = new PowerAnalysis(0.05, 0.80);

  /** Validates alpha in (0, 1) and power in (alpha/2, 1). */
  public PowerAnalysis {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
    }
    if (!(power > alpha / 2 && power < 1)) {
      throw new IllegalArgumentException("power must be in (alpha/2, 1) = (" + alpha / 2
          + ", 1): " + power);
    }
  }

  /** α = 0.05 (two-sided), power 0.80. */
  public static PowerAnalysis withDefaults() {
    return DEFAULTS;
  }

  /** A copy with this two-sided significance level. */
  public PowerAnalysis withAlpha(double a) {
    return new PowerAnalysis(a, power);
  }

  /** A copy with this power. */
  public PowerAnalysis withPower(double p) {
    return new PowerAnalysis(alpha, p);
  }

  private double zAlpha() {
    return Stats.normalQuantile(1 - alpha / 2);
  }

  private double zPower() {
    return Stats.normalQuantile(power);
  }

  /**
   * The sample size per group to detect the change of a conversion rate from {@code baseline}
   * to {@code baseline + effect}; see the class description.
   *
   * @param baseline the control rate p₁, in (0, 1)
   * @param effect the absolute change δ, not 0, with p₁ + δ in [0, 1]
   */
  public SampleSize sampleSize(double baseline, double effect) {
    double p1 = checkBaseline(baseline);
    double p2 = target(p1, effect);
    double a = zAlpha() * pooledSd(p1, p2) + zPower() * unpooledSd(p1, p2);
    double n = a * a / (effect * effect);
    return new SampleSize((long) Math.ceil(n - 1e-9 * n), n, effect, alpha, power);
  }

  /**
   * The power of the two-sided pooled z test with {@code perGroup} users per group when the
   * rate moves from {@code baseline} to {@code baseline + effect}; see the class description.
   */
  public double powerAt(double baseline, double effect, long perGroup) {
    double p1 = checkBaseline(baseline);
    double p2 = target(p1, effect);
    if (perGroup < 1) {
      throw new IllegalArgumentException("perGroup must be >= 1: " + perGroup);
    }
    return powerOf(p1, p2, perGroup);
  }

  private double powerOf(double p1, double p2, double n) {
    double sd1 = unpooledSd(p1, p2);
    double num = Math.abs(p2 - p1) * Math.sqrt(n) - zAlpha() * pooledSd(p1, p2);
    if (sd1 == 0) {
      return num > 0 ? 1 : num < 0 ? 0 : 0.5;
    }
    return Stats.normalCdf(num / sd1);
  }

  /**
   * The minimum detectable (absolute, upward) effect δ &gt; 0 for a baseline rate and a sample
   * size per group: the δ at which {@link #powerAt} equals this power, within 1e-10.
   *
   * @throws IllegalArgumentException if even δ = 1 − baseline does not reach the power
   */
  public double minimumDetectableEffect(double baseline, long perGroup) {
    double p1 = checkBaseline(baseline);
    if (perGroup < 1) {
      throw new IllegalArgumentException("perGroup must be >= 1: " + perGroup);
    }
    double hi = 1 - p1;
    double best = powerOf(p1, 1, perGroup);
    if (best < power) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "with %d per group even a rise from %s to 1 has power %s < %s", perGroup,
          Stats.num(p1), Stats.num(best), Stats.num(power)));
    }
    double lo = 0;
    while (hi - lo > 1e-12) {
      double mid = (lo + hi) / 2;
      if (powerOf(p1, p1 + mid, perGroup) < power) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /**
   * The sample size per group to detect a difference of means δ with standard deviation σ:
   * 2·(z_{1−α/2} + z_{power})²·σ²/δ².
   */
  public SampleSize sampleSizeForMeans(double standardDeviation, double effect) {
    Checks.positive("standardDeviation", standardDeviation);
    Checks.finite("effect", effect);
    if (effect == 0) {
      throw new IllegalArgumentException("effect must not be 0");
    }
    double z = zAlpha() + zPower();
    double n = 2 * z * z * standardDeviation * standardDeviation / (effect * effect);
    return new SampleSize(Math.max(1, (long) Math.ceil(n - 1e-9 * n)), n, effect, alpha, power);
  }

  /** The minimum detectable difference of means: (z_{1−α/2} + z_{power})·σ·sqrt(2/n). */
  public double minimumDetectableEffectForMeans(double standardDeviation, long perGroup) {
    Checks.positive("standardDeviation", standardDeviation);
    if (perGroup < 1) {
      throw new IllegalArgumentException("perGroup must be >= 1: " + perGroup);
    }
    return (zAlpha() + zPower()) * standardDeviation * Math.sqrt(2.0 / perGroup);
  }

  private static double checkBaseline(double baseline) {
    if (!(baseline > 0 && baseline < 1)) {
      throw new IllegalArgumentException("baseline rate must be in (0, 1): " + baseline);
    }
    return baseline;
  }

  private static double target(double p1, double effect) {
    Checks.finite("effect", effect);
    if (effect == 0) {
      throw new IllegalArgumentException("effect must not be 0");
    }
    double p2 = p1 + effect;
    if (p2 < 0 || p2 > 1) {
      throw new IllegalArgumentException("baseline + effect = " + p2 + " is not a rate in [0, 1]");
    }
    return p2;
  }

  private static double pooledSd(double p1, double p2) {
    double m = (p1 + p2) / 2;
    return Math.sqrt(2 * m * (1 - m));
  }

  private static double unpooledSd(double p1, double p2) {
    return Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  }
}
