package org.crmkit.models.clv;

import java.util.Locale;
import org.apache.commons.math3.special.Gamma;

/**
 * The upper incomplete gamma function Γ(a, z) = ∫_z^∞ t^(a−1) e^(−t) dt for every real a
 * (negative, zero and non-integer included) and z &gt; 0, and the Tricomi function U(s, s, z) =
 * e^z Γ(1 − s, z) that the Pareto/NBD discounted expected residual transactions need.
 *
 * <p>Everything is computed as the scaled value G(a, z) = e^z z^(−a) Γ(a, z), which is of
 * moderate size for all arguments (it tends to 1/z as z → ∞, and for a &lt; 0 to 1/(−a) as
 * z → 0), so neither a large |a| nor an extreme z overflows:
 *
 * <ul>
 *   <li>z ≥ 1 (and z ≥ a + 1 when a &gt; 0): Legendre's continued fraction G(a, z) =
 *       1/(z+1−a− 1(1−a)/(z+3−a− 2(2−a)/(z+5−a− …))), evaluated by the modified Lentz
 *       method (DLMF 8.9.2).
 *   <li>z small and a &gt; ½: Γ(a, z) = Γ(a) (1 − P(a, z)), P by its power series
 *       P(a, z) = z^a e^(−z)/Γ(a+1) Σ_k z^k / ((a+1)…(a+k)) (DLMF 8.7.1); no cancellation
 *       since P ≤ P(a, a+1) &lt; 1 there.
 *   <li>z small and |a| ≤ ½: Γ(a, z) = (Γ(1+a) − 1)/a − (z^a − 1)/a − Σ_{k≥1} (−1)^k
 *       z^(a+k) / (k! (a+k)) (DLMF 8.7.3 with the k = 0 term split off), where both quotients
 *       are evaluated with expm1 (ln Γ(1+a) by Commons Math's {@code logGamma1p}), so a → 0 is
 *       a regular point: at a = 0 the formula is the exponential integral E₁(z) = −γ − ln z −
 *       Σ_{k≥1} (−z)^k / (k · k!).
 *   <li>z small and a &lt; −½: the recurrence Γ(b−1, z) = (z^(b−1) e^(−z) − Γ(b, z))/(1 − b)
 *       (DLMF 8.8.2) taken down from b ∈ [−½, ½), in the scaled form G(b−1, z) = (1 − z
 *       G(b, z))/(1 − b). Both terms are positive and z G(b, z) &lt; 1 for b &lt; 1, so each step
 *       subtracts a smaller positive number from a larger and loses at most a fraction of a
 *       digit, less as b falls.
 * </ul>
 *
 * <p>Relative accuracy is about 1e-14 over a ∈ [−50, 30] and z ∈ [1e-12, 1e5] (checked against
 * mpmath's {@code gammainc} at 50 digits). Non-finite input, or z ≤ 0, is an
 * {@link IllegalArgumentException}; a continued fraction that does not converge in
 * {@value #MAX_ITERATIONS} steps an {@link ArithmeticException}. NaN is never returned.
 *
 * <p>Sources: NIST Digital Library of Mathematical Functions, ch. 8 (https://dlmf.nist.gov/8);
 * Abramowitz &amp; Stegun (1964), 6.5 and 13.6.28 (U(a, a, z) = e^z Γ(1−a, z)).
 */
final class IncompleteGamma {

  /** The most terms of any series or continued fraction. */
  static final int MAX_ITERATIONS = 100_000;

  private static final double EULER = 0.57721566490153286061;
  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;

  private IncompleteGamma() {}

  /**
   * ln Γ(a, z).
   *
   * @throws IllegalArgumentException if a is not finite or z is not finite and &gt; 0
   */
  static double logUpper(double a, double z) {
    return logScaled(a, z) - z + a * Math.log(z);
  }

  /**
   * Γ(a, z) (+∞ where it overflows).
   *
   * @throws IllegalArgumentException if a is not finite or z is not finite and &gt; 0
   */
  static double upper(double a, double z) {
    return Math.exp(logUpper(a, z));
  }

  /**
   * Tricomi's confluent hypergeometric function U(s, s, z) = e^z Γ(1 − s, z) (A&amp;S 13.6.28),
   * for s and z &gt; 0 finite.
   */
  static double tricomiU(double s, double z) {
    return Math.exp(logScaled(1 - s, z) + (1 - s) * Math.log(z));
  }

  /**
   * K(s, z) = z^s U(s, s, z) = z^s e^z Γ(1 − s, z) = E[z / (G + z)] for G ~ Gamma(s, 1): a
   * number in (0, 1), tending to 0 as z → 0 and to 1 as z → ∞. (With G = μ/δ this is what
   * discounting at rate δ keeps of a gamma-distributed dropout rate μ; see
   * {@link ParetoNbd}.)
   */
  static double discountShare(double s, double z) {
    if (z > 1e8 * (s + 2)) {
      // E[z/(G+z)] = 1 − s/z + s(s+1)/z² − …: the third term is below 1e-16 of the first
      return 1 - s / z * (1 - (s + 1) / z);
    }
    double k = z * scaled(1 - s, z);
    return Math.min(1, k);
  }

  /**
   * G(a, z) = e^z z^(−a) Γ(a, z), see the class description (+∞ where it overflows, which only
   * a &gt; 0 with z ≪ 1 can do).
   *
   * @throws IllegalArgumentException if a is not finite or z is not finite and &gt; 0
   */
  static double scaled(double a, double z) {
    return a > 0.5 && z < 1 ? Math.exp(logScaled(a, z)) : scaledDirect(a, z);
  }

  /** ln G(a, z). */
  static double logScaled(double a, double z) {
    if (a > 0.5 && !(z >= a + 1)) {
      check(a, z);
      return logViaLowerSeries(a, z);
    }
    return Math.log(scaledDirect(a, z));
  }

  private static void check(double a, double z) {
    if (!Double.isFinite(a) || !(z > 0 && z < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "incomplete gamma needs a finite a and a finite z > 0: a=%s z=%s", a, z));
    }
  }

  private static double scaledDirect(double a, double z) {
    check(a, z);
    if (z >= 1 && !(a > 0 && z < a + 1)) {
      return continuedFraction(a, z);
    }
    if (a > 0.5) {
      return Math.exp(logViaLowerSeries(a, z));
    }
    // a <= 0.5 and z < 1.5
    int n = a < -0.5 ? (int) Math.ceil(-a - 0.5) : 0;
    double b = a + n; // in [−½, ½]
    double lz = Math.log(z);
    double g = smallA(b, z, lz) * Math.exp(z - b * lz);
    for (int m = 0; m < n; m++) {
      g = (1 - z * g) / (1 - b);
      b -= 1;
    }
    return g;
  }

  /** Legendre's continued fraction for G(a, z) by the modified Lentz method. */
  private static double continuedFraction(double a, double z) {
    double b = z + 1 - a;
    double c = 1 / TINY;
    double d = Math.abs(b) < TINY ? 1 / TINY : 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException(String.format(Locale.ROOT,
        "incomplete gamma continued fraction did not converge: a=%s z=%s", a, z));
  }

  /** ln G(a, z) from Γ(a)(1 − P(a, z)), a &gt; ½, z &lt; max(1, a + 1). */
  private static double logViaLowerSeries(double a, double z) {
    double lz = Math.log(z);
    double sum = 1;
    double term = 1;
    for (int k = 1; k < MAX_ITERATIONS; k++) {
      term *= z / (a + k);
      sum += term;
      if (term < EPS * sum) {
        break;
      }
    }
    double lgA1 = Gamma.logGamma(a + 1);
    double p = Math.exp(a * lz - z - lgA1 + Math.log(sum));
    // G = e^z z^-a Γ(a) (1 − P)
    return z - a * lz + lgA1 - Math.log(a) + Math.log1p(-Math.min(p, 1));
  }

  /** Γ(b, z) for |b| ≤ ½ and z &lt; 1.5 (DLMF 8.7.3 with the k = 0 term split off). */
  private static double smallA(double b, double z, double lz) {
    double d1 = b == 0 ? -EULER : Math.expm1(Gamma.logGamma1p(b)) / b;
    double d2 = b == 0 ? lz : Math.expm1(b * lz) / b;
    double sum = 0;
    double power = 1; // (−z)^k / k!
    for (int k = 1; k < MAX_ITERATIONS; k++) {
      power *= -z / k;
      double term = power / (b + k);
      sum += term;
      if (Math.abs(term) < EPS * Math.abs(sum)) {
        break;
      }
    }
    double zb = b == 0 ? 1 : Math.exp(b * lz);
    return d1 - d2 - zb * sum;
  }
}
