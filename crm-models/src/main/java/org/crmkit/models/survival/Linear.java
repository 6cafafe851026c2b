package org.crmkit.models.survival;

/**
 * Dense symmetric positive-definite algebra on row-major p×p arrays (Cholesky). Package-private:
 * the Cox model's information matrices are small (p = number of covariates).
 */
final class Linear {

  private Linear() {}

  /**
   * The lower Cholesky factor L (row-major) with A = L Lᵀ, or null when A is not numerically
   * positive definite (a pivot &le; 1e-12 times the largest diagonal element).
   */
  static double[] cholesky(double[] a, int p) {
    double maxDiag = 0;
    for (int i = 0; i < p; i++) {
      maxDiag = Math.max(maxDiag, Math.abs(a[i * p + i]));
    }
    if (!(maxDiag > 0) || !Double.isFinite(maxDiag)) {
      return null;
    }
    double[] l = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * p + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        if (i == j) {
          if (!(s > 1e-12 * maxDiag)) {
            return null;
          }
          l[i * p + i] = Math.sqrt(s);
        } else {
          l[i * p + j] = s / l[j * p + j];
        }
      }
    }
    return l;
  }

  /** Solves L Lᵀ x = b. */
  static double[] solve(double[] l, int p, double[] b) {
    double[] y = new double[p];
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * p + k] * y[k];
      }
      y[i] = s / l[i * p + i];
    }
    double[] x = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < p; k++) {
        s -= l[k * p + i] * x[k];
      }
      x[i] = s / l[i * p + i];
    }
    return x;
  }

  /** (L Lᵀ)⁻¹, row-major, exactly symmetric. */
  static double[] inverse(double[] l, int p) {
    double[] inv = new double[p * p];
    double[] e = new double[p];
    for (int j = 0; j < p; j++) {
      java.util.Arrays.fill(e, 0);
      e[j] = 1;
      double[] col = solve(l, p, e);
      for (int i = 0; i < p; i++) {
        inv[i * p + j] = col[i];
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (inv[i * p + j] + inv[j * p + i]);
        inv[i * p + j] = m;
        inv[j * p + i] = m;
      }
    }
    return inv;
  }

  /** xᵀ A y for row-major A. */
  static double quadratic(double[] x, double[] a, double[] y, int p) {
    double s = 0;
    for (int i = 0; i < p; i++) {
      double r = 0;
      for (int j = 0; j < p; j++) {
        r += a[i * p + j] * y[j];
      }
      s += x[i] * r;
    }
    return s;
  }
}
