package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * Distinct (x, t_x, T) rows with weights, sorted by x then t_x then T, in one time unit: what
 * the buy-till-you-die likelihoods sum over. Identical rows are merged (weights added), so a
 * table of a million customers with daily times usually shrinks several-fold, and rows of equal
 * x are adjacent (the likelihoods compute their x-only terms once per run of equal x).
 */
final class Rows {

  final int[] x;
  final double[] tx;
  final double[] T;
  final double[] w;
  final ChronoUnit unit;

  private Rows(int[] x, double[] tx, double[] t, double[] w, ChronoUnit unit) {
    this.x = x;
    this.tx = tx;
    this.T = t;
    this.w = w;
    this.unit = unit;
  }

  /** Compresses {@code s} (by {@link ClvCompression} when the keys fit, else by sorting). */
  static Rows of(CustomerSummaries s) {
    Checks.notNull("summaries", s);
    requireCustomers(s.size());
    Rows fast = ClvCompression.of(s);
    return fast != null ? fast : of(s.compress());
  }

  /** Rows already merged and sorted by x, t_x, T (for {@link ClvCompression}). */
  static Rows ofSorted(int[] x, double[] tx, double[] t, double[] w, ChronoUnit unit) {
    return new Rows(x, tx, t, w, unit);
  }

  /** Re-compresses {@code s} (its rows may be given unsorted or repeated). */
  static Rows of(WeightedSummaries s) {
    Checks.notNull("summaries", s);
    requireCustomers(s.size());
    Rows fast = ClvCompression.of(s);
    if (fast != null) {
      return fast;
    }
    int n = s.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Integer.compare(s.x(a), s.x(b));
      if (c == 0) {
        c = Double.compare(s.tx(a), s.tx(b));
      }
      return c == 0 ? Double.compare(s.T(a), s.T(b)) : c;
    });
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    int k = -1;
    for (int j = 0; j < n; j++) {
      int i = order[j];
      if (k >= 0 && x[k] == s.x(i) && tx[k] == s.tx(i) && t[k] == s.T(i)) {
        w[k] += s.weight(i);
      } else {
        k++;
        x[k] = s.x(i);
        tx[k] = s.tx(i);
        t[k] = s.T(i);
        w[k] = s.weight(i);
      }
    }
    k++;
    return new Rows(Arrays.copyOf(x, k), Arrays.copyOf(tx, k), Arrays.copyOf(t, k),
        Arrays.copyOf(w, k), s.unit());
  }

  private static void requireCustomers(int n) {
    if (n == 0) {
      throw new IllegalArgumentException("no customers to fit: the summary table is empty");
    }
  }

  int size() {
    return x.length;
  }

  double totalWeight() {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  double maxT() {
    double m = 0;
    for (double v : T) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * The scale that brings the largest T to 10 (1 when every T is 0); see
   * {@link MaximumLikelihood}.
   */
  double timeScale() {
    double m = maxT();
    return m > 0 ? m / 10 : 1;
  }

  /** These rows with times divided by {@code s}. */
  Rows scaled(double s) {
    if (s == 1) {
      return this;
    }
    double[] tx2 = new double[tx.length];
    double[] t2 = new double[T.length];
    for (int i = 0; i < tx.length; i++) {
      tx2[i] = tx[i] / s;
      t2[i] = T[i] / s;
    }
    return new Rows(x, tx2, t2, w, unit);
  }

  /** The sizes of the subsamples a staged fit runs on before the whole table. */
  static final int[] LADDER = {5_000, 20_000};

  /**
   * The subsamples ({@link #subsample(int)}) of the sizes in {@link #LADDER} that are smaller than
   * these rows, smallest first (empty for a small table): what {@link MaximumLikelihood.Problem}
   * calls its coarse likelihoods.
   */
  java.util.List<Rows> ladder() {
    var out = new java.util.ArrayList<Rows>();
    for (int max : LADDER) {
      if (max > 0 && size() > 2 * max) {
        out.add(subsample(max));
      }
    }
    return out;
  }

  /**
   * A systematic subsample of about {@code max} rows (every k-th row, weights times k so the
   * total weight is kept), or these rows when they are no more than {@code max}.
   */
  Rows subsample(int max) {
    int n = size();
    if (n <= max) {
      return this;
    }
    int k = (n + max - 1) / max;
    int m = (n + k - 1) / k;
    int[] x2 = new int[m];
    double[] tx2 = new double[m];
    double[] t2 = new double[m];
    double[] w2 = new double[m];
    double total = 0;
    for (int j = 0; j < m; j++) {
      int i = j * k;
      x2[j] = x[i];
      tx2[j] = tx[i];
      t2[j] = T[i];
      w2[j] = w[i];
      total += w[i];
    }
    double f = totalWeight() / total;
    for (int j = 0; j < m; j++) {
      w2[j] *= f;
    }
    return new Rows(x2, tx2, t2, w2, unit);
  }
}
