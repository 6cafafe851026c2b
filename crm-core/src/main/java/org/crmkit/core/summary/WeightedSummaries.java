package org.crmkit.core.summary;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Unique (x, t_x, T) rows with weights: the compressed form that likelihood fits use. A row of
 * weight w stands for w customers with the same summary; fitting the compressed table gives the
 * same log-likelihood as fitting every customer.
 *
 * <p>Rows are sorted by x, then t_x, then T. Totals are kept: the weights sum to the number of
 * customers compressed and Σ w·x equals Σx of the customers. Immutable and thread-safe.
 */
public final class WeightedSummaries {

  private final int[] x;
  private final double[] tx;
  private final double[] bigT;
  private final double[] weight;
  private final ChronoUnit unit;

  private WeightedSummaries(int[] x, double[] tx, double[] bigT, double[] weight,
      ChronoUnit unit) {
    this.x = x;
    this.tx = tx;
    this.bigT = bigT;
    this.weight = weight;
    this.unit = unit;
  }

  /** Compresses {@code summaries}. */
  public static WeightedSummaries of(CustomerSummaries summaries) {
    int n = summaries.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(summaries, a, b));
    int[] ux = new int[n];
    double[] utx = new double[n];
    double[] ut = new double[n];
    double[] w = new double[n];
    int k = -1;
    for (int j = 0; j < n; j++) {
      int i = order[j];
      if (k >= 0 && ux[k] == summaries.x(i) && utx[k] == summaries.tx(i)
          && ut[k] == summaries.T(i)) {
        w[k]++;
      } else {
        k++;
        ux[k] = summaries.x(i);
        utx[k] = summaries.tx(i);
        ut[k] = summaries.T(i);
        w[k] = 1;
      }
    }
    k++;
    return new WeightedSummaries(Arrays.copyOf(ux, k), Arrays.copyOf(utx, k),
        Arrays.copyOf(ut, k), Arrays.copyOf(w, k), summaries.unit());
  }

  /**
   * Weighted rows given as columns (for example a recency/frequency table with counts). Rows
   * are kept as given (not merged or sorted).
   *
   * @throws IllegalArgumentException naming the row and value when x is negative, a time is
   *     negative or not finite, t_x &gt; T, t_x &ne; 0 with x = 0, a weight is not finite and
   *     &gt; 0, or lengths differ
   */
  public static WeightedSummaries ofColumns(int[] x, double[] tx, double[] T, double[] weights,
      ChronoUnit unit) {
    TimeUnits.days(unit);
    int n = x.length;
    if (tx.length != n || T.length != n || weights.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "columns differ in length: x %d, tx %d, T %d, weights %d", n, tx.length, T.length,
          weights.length));
    }
    for (int i = 0; i < n; i++) {
      String who = String.format(Locale.ROOT, "row %d: ", i + 1);
      CustomerSummaries.checkRow(who, x[i], tx[i], T[i]);
      if (!(weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(who + "weight must be finite and > 0: " + weights[i]);
      }
    }
    return new WeightedSummaries(x.clone(), tx.clone(), T.clone(), weights.clone(), unit);
  }

  private static int compare(CustomerSummaries s, int a, int b) {
    int c = Integer.compare(s.x(a), s.x(b));
    if (c == 0) {
      c = Double.compare(s.tx(a), s.tx(b));
    }
    if (c == 0) {
      c = Double.compare(s.T(a), s.T(b));
    }
    return c;
  }

  /** The number of unique rows. */
  public int size() {
    return x.length;
  }

  /** The time unit of t_x and T. */
  public ChronoUnit unit() {
    return unit;
  }

  /** x of row {@code i}. */
  public int x(int i) {
    return x[i];
  }

  /** t_x of row {@code i}. */
  public double tx(int i) {
    return tx[i];
  }

  /** T of row {@code i}. */
  public double T(int i) {
    return bigT[i];
  }

  /** The weight (number of customers) of row {@code i}. */
  public double weight(int i) {
    return weight[i];
  }

  /** Σ weights: the number of customers represented. */
  public double totalWeight() {
    double s = 0;
    for (double w : weight) {
      s += w;
    }
    return s;
  }

  /** Σ weight·x: the repeat purchases represented. */
  public double totalRepeatPurchases() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weight[i] * x[i];
    }
    return s;
  }

  /** A copy of the x column. */
  public int[] xs() {
    return x.clone();
  }

  /** A copy of the t_x column. */
  public double[] txs() {
    return tx.clone();
  }

  /** A copy of the T column. */
  public double[] Ts() {
    return bigT.clone();
  }

  /** A copy of the weights. */
  public double[] weights() {
    return weight.clone();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "WeightedSummaries: %,d unique rows for %,.0f customers, unit %s%n", size(),
        totalWeight(), unit));
    sb.append(String.format(Locale.ROOT, "  %5s  %9s  %9s  %8s%n", "x", "t_x", "T", "weight"));
    int shown = Math.min(size(), 20);
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, "  %5d  %9.4f  %9.4f  %8.0f%n", x[i], tx[i], bigT[i],
          weight[i]));
    }
    if (size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", size() - shown));
    }
    return sb.toString().stripTrailing();
  }
}
