package org.crmkit.core.rfm;

import java.util.Arrays;

/**
 * Scores one column of values into bins 1..n: quantiles (ties kept together), ranks (ties split)
 * or caller's cuts. Works on primitive arrays only; O(N log N) for the sort, O(N log n) to score.
 */
final class Binner {

  private Binner() {}

  /**
   * Hyndman &amp; Fan type 7 quantile at p = j/n of sorted values (R's default): h = (N−1)j/n,
   * x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). The index is computed in integers, so whole indices are
   * exact; the result is clamped into [x[⌊h⌋], x[⌊h⌋+1]], which keeps quantiles non-decreasing
   * in j.
   */
  static double quantile7(double[] sorted, long j, long n) {
    long num = (sorted.length - 1L) * j;
    int lo = (int) (num / n);
    long rem = num % n;
    double a = sorted[lo];
    if (rem == 0) {
      return a;
    }
    double b = sorted[lo + 1];
    double h = (double) rem / n;
    return Math.min(b, a + h * (b - a));
  }

  /** The median (type 7) of unsorted values; the array is not changed. */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return quantile7(s, 1, 2);
  }

  /**
   * Scores {@code values} (one per customer, customers in ascending id order) and writes the
   * scores into {@code scores}. {@code cuts} (length n−1, strictly increasing) are the caller's;
   * null means quantiles under {@code ties}.
   */
  static ScoreBins score(Dimension dim, double[] values, int n, Ties ties, double[] cuts,
      byte[] scores) {
    int size = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] lower = new double[n];
    double[] upper = new double[n];
    int[] bin = new int[size];
    ScoreBins.Method method;
    if (cuts != null || ties == Ties.KEEP_TOGETHER) {
      double[] t;
      if (cuts != null) {
        method = ScoreBins.Method.GIVEN;
        t = cuts;
        lower[0] = Double.NEGATIVE_INFINITY;
        upper[n - 1] = Double.POSITIVE_INFINITY;
      } else {
        method = ScoreBins.Method.QUANTILES;
        t = new double[n - 1];
        for (int j = 1; j < n; j++) {
          t[j - 1] = quantile7(sorted, j, n) + 1;
        }
        lower[0] = sorted[0];
        upper[n - 1] = sorted[size - 1] + 1;
      }
      for (int j = 1; j < n; j++) {
        upper[j - 1] = t[j - 1];
        lower[j] = t[j - 1];
      }
      for (int i = 0; i < size; i++) {
        bin[i] = binOf(t, values[i]);
      }
    } else {
      method = ScoreBins.Method.RANKS;
      // Rank by (value, id): customers are in id order, so equal values take consecutive ranks
      // in index order, starting at the first position of that value in the sorted copy.
      int[] used = new int[size];
      for (int i = 0; i < size; i++) {
        int first = firstIndexOf(sorted, values[i]);
        long rank = first + used[first]++;
        bin[i] = (int) (rank * n / size);
      }
      for (int g = 0; g < n; g++) {
        long first = ceilDiv((long) g * size, n);
        long last = ceilDiv((long) (g + 1) * size, n) - 1;
        if (first <= last) {
          lower[g] = sorted[(int) first];
          upper[g] = sorted[(int) last];
        } else {
          double v = sorted[(int) Math.min(first, size - 1L)];
          lower[g] = v;
          upper[g] = v;
        }
      }
    }
    int[] counts = new int[n];
    for (int i = 0; i < size; i++) {
      int s = dim.reversed() ? n - bin[i] : bin[i] + 1;
      scores[i] = (byte) s;
      counts[s - 1]++;
    }
    return new ScoreBins(dim, method, lower, upper, counts);
  }

  /** The 0-based bin of x: the number of thresholds ≤ x (thresholds non-decreasing). */
  static int binOf(double[] t, double x) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first index of {@code v} in sorted values that contain it. */
  private static int firstIndexOf(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(sorted[mid], v) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
