package org.crmkit.core.value;

import java.util.Arrays;

/**
 * How a {@link ValueScorer} puts indicators of different units (money, counts, days) on one
 * scale [0, 1] before weighting them.
 */
public enum Normalisation {

  /**
   * Min–max: (x − min)/(max − min) over the customers scored. Keeps the shape of the
   * distribution, so one extreme customer squeezes everybody else towards 0. A constant
   * indicator carries no information and scores 0.5 for everyone.
   */
  MIN_MAX,

  /**
   * Rank-based: (average rank − 1)/(n − 1), ranks 1..n ascending, tied values sharing the mean
   * of their ranks. The lowest value scores 0 and the highest 1 (when unique), equal values
   * equal scores; outliers weigh no more than their rank. One customer, or a constant
   * indicator, scores 0.5.
   */
  PERCENTILE;

  /** Normalises one indicator's values (all finite) to [0, 1]. */
  double[] apply(double[] x) {
    int n = x.length;
    double[] out = new double[n];
    if (this == MIN_MAX) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : x) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double range = max - min;
      for (int i = 0; i < n; i++) {
        out[i] = range > 0 ? Math.min(1, Math.max(0, (x[i] - min) / range)) : 0.5;
      }
      return out;
    }
    if (n == 1) {
      out[0] = 0.5;
      return out;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;   // mean of ranks i+1 .. j+1
      for (int k = i; k <= j; k++) {
        out[order[k]] = (rank - 1) / (n - 1);
      }
      i = j + 1;
    }
    return out;
  }
}
