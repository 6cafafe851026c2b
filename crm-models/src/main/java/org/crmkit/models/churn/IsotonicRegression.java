package org.crmkit.models.churn;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Isotonic (non-decreasing) regression by pool adjacent violators, and its use as a probability
 * calibrator.
 *
 * <p>Fit: the points are sorted by x; points with equal x are first merged into one (weighted mean
 * of y, summed weight); then PAV merges adjacent blocks whose means decrease until the block means
 * increase, which minimises Σ wᵢ (yᵢ − ŷᵢ)² subject to ŷ non-decreasing in x (Ayer et al. 1955,
 * doi:10.1214/aoms/1177728423; Barlow, Bartholomew, Bremner &amp; Brunk 1972, Statistical
 * Inference under Order Restrictions, Wiley). Prediction interpolates linearly between the
 * fitted points (the first and last x of each block) and is constant beyond the ends, as
 * scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")} does.
 *
 * <p>As a calibrator ({@link #fit(double[], int[])}), x is the raw probability and y the 0/1
 * label, so the fitted values are observed churn rates and lie in [0, 1].
 */
public final class IsotonicRegression implements Calibrator {

  private final double[] xs;
  private final double[] ys;

  private IsotonicRegression(double[] xs, double[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  /**
   * Fits a calibrator: x = raw probabilities, y = labels (1 = churned), unit weights.
   *
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, or a probability is
   *     not in [0, 1]
   */
  public static IsotonicRegression fit(double[] p, int[] y) {
    Inputs.labels(y, p);
    Inputs.probabilities(p);
    double[] yd = new double[y.length];
    double[] w = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      yd[i] = y[i];
      w[i] = 1;
    }
    return fit(p, yd, w);
  }

  /**
   * Fits a non-decreasing function of x to y with weights w.
   *
   * @throws IllegalArgumentException if lengths differ or are 0, a value is not finite, or a weight
   *     is not &gt; 0
   */
  public static IsotonicRegression fit(double[] x, double[] y, double[] w) {
    Checks.notNull("x", x);
    Checks.notNull("y", y);
    Checks.notNull("w", w);
    int n = x.length;
    if (y.length != n || w.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d values, y %d, w %d", n, y.length, w.length));
    }
    if (n == 0) {
      throw new IllegalArgumentException("isotonic regression needs at least one point");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "point %d: x and y must be finite: (%s, %s)", i + 1, Checks.format(x[i]),
            Checks.format(y[i])));
      }
      if (!(w[i] > 0 && w[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "point %d: weight must be finite and > 0: %s", i + 1, Checks.format(w[i])));
      }
    }
    int[] order = Inputs.ascending(x);
    // merge equal x
    double[] ux = new double[n];
    double[] uy = new double[n];
    double[] uw = new double[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (m > 0 && ux[m - 1] == x[i]) {
        uy[m - 1] += w[i] * y[i];
        uw[m - 1] += w[i];
      } else {
        ux[m] = x[i];
        uy[m] = w[i] * y[i];
        uw[m] = w[i];
        m++;
      }
    }
    for (int j = 0; j < m; j++) {
      uy[j] /= uw[j];
    }
    // pool adjacent violators: blocks as a stack of (first index, mean, weight)
    int[] start = new int[m];
    double[] mean = new double[m];
    double[] weight = new double[m];
    int blocks = 0;
    for (int j = 0; j < m; j++) {
      start[blocks] = j;
      mean[blocks] = uy[j];
      weight[blocks] = uw[j];
      blocks++;
      while (blocks > 1 && mean[blocks - 2] >= mean[blocks - 1]) {
        double wsum = weight[blocks - 2] + weight[blocks - 1];
        mean[blocks - 2] = (weight[blocks - 2] * mean[blocks - 2]
            + weight[blocks - 1] * mean[blocks - 1]) / wsum;
        weight[blocks - 2] = wsum;
        blocks--;
      }
    }
    // fitted points: first and last x of each block
    double[] px = new double[2 * blocks];
    double[] py = new double[2 * blocks];
    int q = 0;
    for (int b = 0; b < blocks; b++) {
      int first = start[b];
      int last = b + 1 < blocks ? start[b + 1] - 1 : m - 1;
      px[q] = ux[first];
      py[q] = mean[b];
      q++;
      if (last != first) {
        px[q] = ux[last];
        py[q] = mean[b];
        q++;
      }
    }
    return new IsotonicRegression(Arrays.copyOf(px, q), Arrays.copyOf(py, q));
  }

  /** The fitted value at x: linear between fitted points, constant beyond the ends. */
  public double predict(double x) {
    Checks.finite("x", x);
    if (x <= xs[0]) {
      return ys[0];
    }
    int last = xs.length - 1;
    if (x >= xs[last]) {
      return ys[last];
    }
    int i = Arrays.binarySearch(xs, x);
    if (i >= 0) {
      return ys[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return ys[lo] + t * (ys[hi] - ys[lo]);
  }

  /** The calibrated probability: {@link #predict(double)} of a raw probability. */
  @Override
  public double apply(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + Checks.format(p));
    }
    return predict(p);
  }

  /** The x of the fitted points, ascending (a copy). */
  public double[] thresholds() {
    return xs.clone();
  }

  /** The fitted values at {@link #thresholds()}, non-decreasing (a copy). */
  public double[] values() {
    return ys.clone();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "IsotonicRegression: %d fitted points%n  %12s %12s%n", xs.length, "x", "fitted"));
    int shown = Math.min(xs.length, Fmt.MAX_ROWS);
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, "  %12s %12s%n", Fmt.num(xs[i]), Fmt.num(ys[i])));
    }
    if (xs.length > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", xs.length - shown));
    }
    return sb.toString().stripTrailing();
  }
}
