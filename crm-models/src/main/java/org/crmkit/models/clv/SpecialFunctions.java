package org.crmkit.models.clv;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Special functions for the CLV models: thin wrappers over Commons Math's {@link Gamma} and
 * {@link Beta}, plus a signed log-gamma for negative arguments (needed by the hypergeometric
 * connection formulas) and log-sum-exp.
 */
final class SpecialFunctions {

  private SpecialFunctions() {}

  /** ln Γ(x) for x &gt; 0. */
  static double logGamma(double x) {
    return Gamma.logGamma(x);
  }

  /** ln B(a, b) for a, b &gt; 0. */
  static double logBeta(double a, double b) {
    return Beta.logBeta(a, b);
  }

  /** ψ(x), the digamma function, for x &gt; 0. */
  static double digamma(double x) {
    return Gamma.digamma(x);
  }

  /**
   * ln |Γ(x)| for any real x that is not a non-positive integer (reflection formula for x &lt;
   * 0.5). Returns +∞ at the poles.
   */
  static double logAbsGamma(double x) {
    if (x > 0) {
      return Gamma.logGamma(x);
    }
    if (x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;
    }
    // Γ(x) Γ(1 − x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(sinPi(x))) - Gamma.logGamma(1 - x);
  }

  /** The sign of Γ(x): +1 for x &gt; 0, (−1)^⌈−x⌉ for negative non-integers, 0 at the poles. */
  static int signGamma(double x) {
    if (x > 0) {
      return 1;
    }
    if (x == Math.rint(x)) {
      return 0;
    }
    // between −(k+1) and −k the sign is (−1)^(k+1)
    long k = (long) Math.floor(-x);
    return (k % 2 == 0) ? -1 : 1;
  }

  /** sin(πx), exact at integers and half-integers. */
  static double sinPi(double x) {
    double r = x - 2 * Math.floor(x / 2); // in [0, 2)
    if (r == 0 || r == 1) {
      return 0;
    }
    if (r == 0.5) {
      return 1;
    }
    if (r == 1.5) {
      return -1;
    }
    return Math.sin(Math.PI * r);
  }

  /** ln(e^u + e^v) without overflow; −∞ when both are −∞. */
  static double logSumExp(double u, double v) {
    double m = Math.max(u, v);
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    return m + Math.log1p(Math.exp(Math.min(u, v) - m));
  }

  /** ln(1 + e^u) without overflow. */
  static double log1pExp(double u) {
    return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
  }

  /** 1 / (1 + e^u): the logistic of −u, 0 for u = +∞ and never NaN for non-NaN u. */
  static double inverseOnePlusExp(double u) {
    if (u > 0) {
      double e = Math.exp(-u);
      return e / (1 + e);
    }
    return 1 / (1 + Math.exp(u));
  }
}
