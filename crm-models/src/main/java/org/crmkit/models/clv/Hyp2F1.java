package org.crmkit.models.clv;

import java.util.Locale;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and real z &lt; 1 (and z
 * = 1 when c − a − b &gt; 0).
 *
 * <p>Algorithm:
 *
 * <ul>
 *   <li>|z| ≤ 0.5: the defining series Σ (a)_k (b)_k / ((c)_k k!) z^k, summed until a bound on
 *       the tail is below 1e-17 of the sum (the bound is only used once the term ratio can no
 *       longer grow: past the vertex of the ratio and past every sign change of a+k, b+k, c+k).
 *   <li>z &lt; −0.5: Pfaff's transformation 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1))
 *       (or its twin with a and b swapped) maps z into (1/3, 1); A&amp;S 15.3.4.
 *   <li>0.5 &lt; z &lt; 1: the series when a, b, c &gt; 0 and it converges in a few thousand
 *       terms; otherwise the 1 − z connection formula (A&amp;S 15.3.6). When c − a − b is within
 *       1e-5 of an integer that formula is singular; the function is then interpolated in c by
 *       the cubic through c0 ± 1e-3 and c0 ± 2e-3, where c0 − a − b is the integer (relative
 *       error about 1e-10; the smooth dependence on c makes this safe).
 *   <li>z = 1: Gauss's theorem Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) for c − a − b &gt; 0.
 * </ul>
 *
 * <p>Every series stops after {@value #MAX_TERMS} terms; failing that, an
 * {@link ArithmeticException} is thrown (never NaN). Abramowitz &amp; Stegun (1964), Handbook of
 * Mathematical Functions, ch. 15.
 */
final class Hyp2F1 {

  /** The most terms any series may take. */
  static final int MAX_TERMS = 1_000_000;

  private static final double EPS = 1e-17;
  private static final double NEAR_INTEGER = 1e-5;
  private static final double INTERPOLATION_STEP = 1e-3;

  private Hyp2F1() {}

  /**
   * 2F1(a, b; c; z).
   *
   * @throws IllegalArgumentException if an argument is not finite, c is a non-positive integer,
   *     z &gt; 1, or z = 1 with c − a − b ≤ 0
   * @throws ArithmeticException if a series does not converge within {@link #MAX_TERMS} terms
   */
  static double value(double a, double b, double c, double z) {
    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(z))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "2F1 arguments must be finite: a=%s b=%s c=%s z=%s", a, b, c, z));
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer: " + c);
    }
    if (z == 0 || a == 0 || b == 0) {
      return 1;
    }
    if (z > 1) {
      throw new IllegalArgumentException("2F1 is only evaluated for z <= 1: " + z);
    }
    if (z == 1) {
      double s = c - a - b;
      if (s <= 0) {
        throw new IllegalArgumentException(
            "2F1 diverges at z = 1 unless c - a - b > 0: c - a - b = " + s);
      }
      return gammaRatio(c, s, c - a, c - b);
    }
    if (z < -0.5) {
      double w = z / (z - 1);
      // Pick the Pfaff twin with the smaller first term of the new series.
      if (Math.abs(a * (c - b)) <= Math.abs((c - a) * b)) {
        return Math.pow(1 - z, -a) * value(a, c - b, c, w);
      }
      return Math.pow(1 - z, -b) * value(c - a, b, c, w);
    }
    if (z <= 0.5) {
      return series(a, b, c, z, MAX_TERMS);
    }
    if (a > 0 && b > 0 && c > 0 && -Math.log(z) * 4000 > 40) {
      double s = series(a, b, c, z, 20_000);
      if (!Double.isNaN(s)) {
        return s;
      }
    }
    double m = c - a - b;
    if (Math.abs(m - Math.rint(m)) < NEAR_INTEGER) {
      // c0 = c + d makes c - a - b an integer; interpolate through c0 -2h, -h, +h, +2h (cubic
      // Lagrange interpolation, error O(h^4)) at c, which lies at offset -d from c0.
      double c0 = c + (Math.rint(m) - m);
      double s = c - c0;
      double h = INTERPOLATION_STEP;
      double[] nodes = {-2 * h, -h, h, 2 * h};
      double sum = 0;
      for (int i = 0; i < 4; i++) {
        double weight = 1;
        for (int j = 0; j < 4; j++) {
          if (j != i) {
            weight *= (s - nodes[j]) / (nodes[i] - nodes[j]);
          }
        }
        sum += weight * oneMinusZ(a, b, c0 + nodes[i], z);
      }
      return sum;
    }
    return oneMinusZ(a, b, c, z);
  }

  /** The 1 − z connection formula, A&amp;S 15.3.6; c − a − b must not be an integer. */
  private static double oneMinusZ(double a, double b, double c, double z) {
    double w = 1 - z;
    double m = c - a - b;
    double f1 = series(a, b, 1 - m, w, MAX_TERMS);
    double f2 = series(c - a, c - b, 1 + m, w, MAX_TERMS);
    if (Double.isNaN(f1) || Double.isNaN(f2)) {
      throw notConverged(a, b, c, z);
    }
    double t1 = f1 == 0 ? 0 : gammaRatio(c, m, c - a, c - b) * f1;
    double t2 = f2 == 0 ? 0 : Math.pow(w, m) * gammaRatio(c, -m, a, b) * f2;
    return t1 + t2;
  }

  /** Γ(p)Γ(q) / (Γ(u)Γ(v)), 0 when u or v is a pole. */
  private static double gammaRatio(double p, double q, double u, double v) {
    int sign = SpecialFunctions.signGamma(p) * SpecialFunctions.signGamma(q)
        * SpecialFunctions.signGamma(u) * SpecialFunctions.signGamma(v);
    if (sign == 0) {
      if (SpecialFunctions.signGamma(u) == 0 || SpecialFunctions.signGamma(v) == 0) {
        return 0;
      }
      throw new ArithmeticException("2F1: gamma pole in the connection formula");
    }
    double l = SpecialFunctions.logAbsGamma(p) + SpecialFunctions.logAbsGamma(q)
        - SpecialFunctions.logAbsGamma(u) - SpecialFunctions.logAbsGamma(v);
    return sign * Math.exp(l);
  }

  /**
   * The series Σ (a)_k (b)_k / ((c)_k k!) z^k for |z| &lt; 1; NaN when it has not converged in
   * {@code maxTerms} terms (so that a caller may try another route); throws when maxTerms is
   * {@link #MAX_TERMS}.
   */
  static double series(double a, double b, double c, double z, int maxTerms) {
    return partialSeries(a, b, c, z, 1, 0, maxTerms);
  }

  /**
   * Σ_{k ≥ k0} t_k where t_{k0} = {@code first} and t_{k+1} = t_k z (a+k)(b+k) / ((c+k)(k+1)):
   * the tail of the 2F1 series from term k0 on, started from any multiple of that term. (With
   * first = a z / c and k0 = 1 it is (2F1(a, b; c; z) − 1) / b, computed without dividing by b.)
   * NaN when not converged in {@code maxTerms} terms; throws when maxTerms is {@link #MAX_TERMS}.
   */
  static double partialSeries(double a, double b, double c, double z, double first, int k0,
      int maxTerms) {
    return partialSeries(a, b, c, z, first, k0, maxTerms, Double.POSITIVE_INFINITY);
  }

  /**
   * The cancellation a guarded series may suffer, Σ|t_k| / |Σ t_k|: a factor of 1e4 (about
   * 1e-12 of relative error left); see {@link #guardedSeries}.
   */
  static final double MAX_LOSS = 1e4;

  /**
   * {@link #partialSeries(double, double, double, double, double, int, int, double)} with at most
   * 100,000 terms and at most {@link #MAX_LOSS} of cancellation: the sum, or NaN when it cannot
   * vouch for about 12 digits (the caller then takes another route).
   */
  static double guardedSeries(double a, double b, double c, double z, double first, int k0) {
    return partialSeries(a, b, c, z, first, k0, 100_000, MAX_LOSS);
  }

  /**
   * {@link #partialSeries(double, double, double, double, double, int, int)}, also NaN when the
   * terms cancel too much: when Σ|t_k| exceeds {@code maxLoss} |Σ t_k| (rounding then costs
   * that factor in relative error) or the sum overflows.
   */
  static double partialSeries(double a, double b, double c, double z, double first, int k0,
      int maxTerms, double maxLoss) {
    boolean checked = maxLoss < Double.POSITIVE_INFINITY;
    double sum = first;
    double term = first;
    double magnitude = Math.abs(first);
    if (first == 0) {
      return 0;
    }
    // The ratio r_k = z (a+k)(b+k) / ((c+k)(k+1)) can exceed 1 only before the vertex of its
    // numerator's excess over the denominator, and changes sign only while a+k, b+k or c+k < 0.
    double vertex = (z * (a + b) - (c + 1)) / (2 * (1 - z));
    double kmin = Math.max(Math.max(-a, -b), Math.max(-c, vertex));
    double az = Math.abs(z);
    for (int k = k0; k < k0 + maxTerms; k++) {
      double ratio = z * (a + k) * (b + k) / ((c + k) * (k + 1.0));
      term *= ratio;
      sum += term;
      magnitude += Math.abs(term);
      if (term == 0 && (a + k == 0 || b + k == 0)) {
        return checked && magnitude > maxLoss * Math.abs(sum) ? Double.NaN : sum; // polynomial
      }
      if (k + 1 > kmin) {
        double r = Math.max(Math.abs(ratio), az);
        if (r < 1 && Math.abs(term) * r / (1 - r) <= EPS * Math.abs(sum)) {
          return checked && magnitude > maxLoss * Math.abs(sum) ? Double.NaN : sum;
        }
      }
      if (checked && !Double.isFinite(magnitude)) {
        return Double.NaN;
      }
      if (!Double.isFinite(sum)) {
        throw new ArithmeticException(String.format(Locale.ROOT,
            "2F1 series overflows: a=%s b=%s c=%s z=%s", a, b, c, z));
      }
    }
    if (maxTerms >= MAX_TERMS) {
      throw notConverged(a, b, c, z);
    }
    return Double.NaN;
  }

  private static ArithmeticException notConverged(double a, double b, double c, double z) {
    return new ArithmeticException(String.format(Locale.ROOT,
        "2F1(%s, %s; %s; %s) did not converge in %d terms", a, b, c, z, MAX_TERMS));
  }
}
