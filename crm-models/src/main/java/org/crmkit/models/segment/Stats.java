package org.crmkit.models.segment;

/** Small statistics helpers (sums in index order, so results are reproducible). */
final class Stats {

  private Stats() {}

  /** The arithmetic mean of a non-empty array. */
  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Σ (v − c)². */
  static double sumSquaredDeviations(double[] v, double c) {
    double s = 0;
    for (double x : v) {
      double e = x - c;
      s += e * e;
    }
    return s;
  }

  /**
   * The p-quantile of sorted values by linear interpolation between order statistics
   * (Hyndman &amp; Fan 1996 type 7; numpy's default): h = (n − 1)p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 −
   * x⌊h⌋).
   */
  static double quantileSorted(double[] sorted, double p) {
    int n = sorted.length;
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double f = h - lo;
    return sorted[lo] + f * (sorted[lo + 1] - sorted[lo]);
  }

  /** Squared Euclidean distance between row {@code i} of {@code a} and row {@code j} of {@code b}. */
  static double sq(double[] a, int i, double[] b, int j, int d) {
    double s = 0;
    int oa = i * d;
    int ob = j * d;
    for (int t = 0; t < d; t++) {
      double e = a[oa + t] - b[ob + t];
      s += e * e;
    }
    return s;
  }
}
