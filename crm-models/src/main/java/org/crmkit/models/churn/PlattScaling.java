package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Platt scaling: calibrated p = σ(a·f + b) with f = logit(p_raw) = ln(p_raw / (1 − p_raw)),
 * p_raw clipped to [{@value #CLIP}, 1 − {@value #CLIP}], and σ(z) = 1 / (1 + e^−z). The identity
 * is a = 1, b = 0, so a calibrated model stays as it is.
 *
 * <p>a and b minimise the cross-entropy against Platt's smoothed targets t₊ = (N₊ + 1)/(N₊ + 2)
 * for churners and t₋ = 1/(N₋ + 2) for the others (Platt 1999, "Probabilistic outputs for
 * support vector machines", in Advances in Large Margin Classifiers, MIT Press), by Newton's
 * method with backtracking line search as in Lin, Lin &amp; Weng (2007), "A note on Platt's
 * probabilistic outputs for support vector machines", Machine Learning 68(3), 267–276,
 * doi:10.1007/s10994-007-5018-6 (stop when the gradient norm &lt; 1e-5, at most 100 iterations).
 * Platt writes P = 1/(1 + exp(A f + B)): A = −a, B = −b.
 */
public final class PlattScaling implements Calibrator {

  /** Raw probabilities are clipped to [CLIP, 1 − CLIP] before the logit. */
  public static final double CLIP = 1e-9;

  private static final int MAX_ITERATIONS = 100;

  private final double a;
  private final double b;
  private final int iterations;
  private final boolean converged;

  private PlattScaling(double a, double b, int iterations, boolean converged) {
    this.a = a;
    this.b = b;
    this.iterations = iterations;
    this.converged = converged;
  }

  /** A calibrator with given a and b. @throws IllegalArgumentException if one is not finite */
  public static PlattScaling of(double a, double b) {
    return new PlattScaling(Checks.finite("a", a), Checks.finite("b", b), 0, true);
  }

  /**
   * Fits a and b to raw probabilities {@code p} and labels {@code y} (1 = churned).
   *
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, or a probability is
   *     not in [0, 1]
   */
  public static PlattScaling fit(double[] p, int[] y) {
    int pos = Inputs.labels(y, p);
    Inputs.probabilities(p);
    int n = y.length;
    double tPos = (pos + 1.0) / (pos + 2.0);
    double tNeg = 1.0 / (n - pos + 2.0);
    double[] f = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = logit(p[i]);
      t[i] = y[i] == 1 ? tPos : tNeg;
    }
    double a = 0;
    double b = Math.log((pos + 1.0) / (n - pos + 1.0));
    double fval = loss(f, t, a, b);
    int it = 0;
    boolean converged = false;
    for (; it < MAX_ITERATIONS; it++) {
      double g1 = 0;
      double g2 = 0;
      double h11 = 1e-12;
      double h22 = 1e-12;
      double h21 = 0;
      for (int i = 0; i < n; i++) {
        double q = sigmoid(a * f[i] + b);
        double d = q - t[i];
        double w = q * (1 - q);
        g1 += d * f[i];
        g2 += d;
        h11 += w * f[i] * f[i];
        h22 += w;
        h21 += w * f[i];
      }
      if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
        converged = true;
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double da = -(h22 * g1 - h21 * g2) / det;
      double db = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * da + g2 * db;
      double step = 1;
      boolean moved = false;
      while (step >= 1e-10) {
        double na = a + step * da;
        double nb = b + step * db;
        double nf = loss(f, t, na, nb);
        if (nf < fval + 1e-4 * step * gd) {
          a = na;
          b = nb;
          fval = nf;
          moved = true;
          break;
        }
        step /= 2;
      }
      if (!moved) {
        break; // the line search failed: the current point is as good as it gets
      }
    }
    return new PlattScaling(a, b, it, converged);
  }

  static double logit(double p) {
    double q = Math.min(Math.max(p, CLIP), 1 - CLIP);
    return Math.log(q / (1 - q));
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** ln(1 + e^z) without overflow. */
  private static double log1pExp(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double loss(double[] f, double[] t, double a, double b) {
    double s = 0;
    for (int i = 0; i < f.length; i++) {
      double z = a * f[i] + b;
      s += t[i] * log1pExp(-z) + (1 - t[i]) * log1pExp(z);
    }
    return s;
  }

  /** The slope a on the logit scale. */
  public double a() {
    return a;
  }

  /** The intercept b on the logit scale. */
  public double b() {
    return b;
  }

  /** Newton iterations used (0 for given parameters). */
  public int iterations() {
    return iterations;
  }

  /** True when the gradient norm fell below 1e-5 (always true for given parameters). */
  public boolean converged() {
    return converged;
  }

  @Override
  public double apply(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + Checks.format(p));
    }
    return sigmoid(a * logit(p) + b);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PlattScaling: p = σ(%s·logit(p_raw) + %s)%s",
        Fmt.num(a), Fmt.num(b), converged ? "" : " (not converged)");
  }
}
