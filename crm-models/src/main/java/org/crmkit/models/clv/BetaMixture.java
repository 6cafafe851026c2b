package org.crmkit.models.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * E[g(p)] for p ~ Beta(a, b), by quadrature over p: the route the BG/NBD and MBG/NBD predictions
 * take where the hypergeometric series of their closed forms fail — a large first shape a (terms
 * in (a−1)_k that overflow or cancel), or a huge first 2F1 parameter near z = 1 — instead of
 * throwing or returning NaN.
 *
 * <ul>
 *   <li>The integral runs over y = ln(p/(1−p)), where the beta density becomes p^a (1−p)^b dy:
 *       smooth, log-concave and unimodal for every a, b &gt; 0 (the endpoint singularities of
 *       p^(a−1) and (1−p)^(b−1) are gone), with its mode at p = m = a/(a+b), the beta's mean.
 *   <li>Relative to the mode the log-density is a φ(p/m − 1) + b φ((1−p)/(1−m) − 1), φ(x) =
 *       ln(1+x) − x: the linear terms cancel exactly at the mode, so the two non-positive terms
 *       are summed without cancellation, and ln p, ln(1−p) are taken from y directly (no
 *       underflow in the tails). The density is therefore exact to rounding even for a, b near
 *       1e12. Up to a + b = 1e4 the result is ∫ g f divided by B(a, b) in closed form; beyond,
 *       where ln B(a, b) loses digits to cancellation but the density is narrow, it is the ratio
 *       ∫ g f / ∫ f over the same Gauss–Kronrod nodes.
 *   <li>The window extends from the mode in steps that double until the log-density is below
 *       −50 on both sides (concavity makes that a bound for everything beyond).
 *   <li>When the standard deviation σ of p is below 1e-5 of min(m, 1−m) (a and b beyond about
 *       1e10) the beta is a point mass to double precision: E[g] = g(m) + g''(m) σ²/2, the next
 *       term being relatively 1e-20.
 * </ul>
 *
 * <p>Adaptive Gauss–Kronrod to relative 1e-11 ({@link ClvQuadrature}); g must be finite and
 * smooth on [0, 1], and is given 0 for p below the smallest normal double (a subnormal p has too
 * few digits for a formula such as (1 − (1+pu)^−R)/p). Independent of the series it replaces, so tests compare the two where both
 * converge.
 */
final class BetaMixture {

  /** The first beta shape from which the BG predictions integrate over p instead of summing. */
  static final double LARGE_A = 20;

  /**
   * a + b up to which the density's integral is taken from ln B(a, b) (accurate to 1e-12 there);
   * beyond, where ln B loses digits, it is integrated on the same nodes and divided out.
   */
  private static final double EXACT_NORMALISER = 1e4;

  /**
   * The relative spread σ/min(m, 1−m) of p below which the beta is treated as a point mass
   * (a, b beyond about 1e10, where the density's rounding noise defeats the quadrature).
   */
  private static final double POINT_MASS = 1e-5;

  /** The log-density (relative to the mode) beyond which the window ends. */
  private static final double TAIL = -50;

  private BetaMixture() {}

  /**
   * E[g(p)], p ~ Beta(a, b), a, b &gt; 0.
   *
   * @throws ArithmeticException if the quadrature does not converge (never NaN)
   */
  static double expectation(double a, double b, DoubleUnaryOperator g) {
    double n = a + b;
    double m = a / n;
    double m1 = b / n;
    double lnM = Math.log(a) - Math.log(n);
    double lnM1 = Math.log(b) - Math.log(n);
    double mode = Math.log(a) - Math.log(b);
    double step = Math.sqrt(n / a / b); // the standard deviation of y near the mode
    double sd = m * m1 * step; // of p
    if (sd < POINT_MASS * Math.min(m, m1)) {
      // a point mass to 1e-20: E[g] = g(m) + g''(m) σ²/2 + O(σ⁴), g'' by central differences
      double g0 = g.applyAsDouble(m);
      double second = (g.applyAsDouble(m + sd) - 2 * g0 + g.applyAsDouble(m - sd)) / (sd * sd);
      return g0 + 0.5 * second * sd * sd;
    }
    double lo = mode - reach(a, b, m, m1, lnM, lnM1, mode, -step);
    double hi = mode + reach(a, b, m, m1, lnM, lnM1, mode, step);
    double[] out = new double[2];
    ClvQuadrature.integrate((y, o) -> {
      double f = Math.exp(logKernel(a, b, m, m1, lnM, lnM1, y));
      double p = Math.exp(logP(y));
      o[0] = f == 0 ? 0 : f * g.applyAsDouble(p < Double.MIN_NORMAL ? 0 : p);
      o[1] = f;
    }, 2, lo, hi, 1e-11, 0, out);
    if (n <= EXACT_NORMALISER) {
      // ∫ p^a (1−p)^b dy = B(a, b), here relative to m^a (1−m)^b: exact, no quadrature error
      return out[0] * Math.exp(a * lnM + b * lnM1 - SpecialFunctions.logBeta(a, b));
    }
    if (!(out[1] > 0)) {
      throw new ArithmeticException("Beta(" + a + ", " + b + ") expectation: no mass found");
    }
    return out[0] / out[1];
  }

  /** How far from the mode, doubling from |step|, the log-density falls below {@link #TAIL}. */
  private static double reach(double a, double b, double m, double m1, double lnM, double lnM1,
      double mode, double step) {
    double d = step;
    for (int i = 0; i < 80 && logKernel(a, b, m, m1, lnM, lnM1, mode + d) > TAIL; i++) {
      d *= 2;
    }
    return Math.abs(d);
  }

  /** ln p for p = 1/(1 + e^−y), without underflow. */
  static double logP(double y) {
    return y > 0 ? -Math.log1p(Math.exp(-y)) : y - Math.log1p(Math.exp(y));
  }

  /** ln of p^a (1−p)^b relative to its value at p = m (1 − m = m1), at y = logit p. */
  static double logKernel(double a, double b, double m, double m1, double lnM, double lnM1,
      double y) {
    double lnP = logP(y);
    double lnQ = logP(-y);
    return a * phi(lnP - lnM, Math.exp(lnP) / m - 1)
        + b * phi(lnQ - lnM1, Math.exp(lnQ) / m1 - 1);
  }

  /** φ(x) = ln(1+x) − x given ln(1+x) = {@code log1p} too: a series near 0, else the difference. */
  static double phi(double log1p, double x) {
    if (Math.abs(x) >= 0.25) {
      return log1p - x;
    }
    // −x²/2 + x³/3 − x⁴/4 + …; |x| < 1/4 needs at most 27 terms for 1e-17
    double term = -x * x;
    double sum = term / 2;
    for (int k = 3; k < 40; k++) {
      term *= -x;
      double next = term / k;
      sum += next;
      if (Math.abs(next) <= 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }
}
