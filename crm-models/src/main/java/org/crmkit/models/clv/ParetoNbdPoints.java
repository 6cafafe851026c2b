package org.crmkit.models.clv;

import java.util.Arrays;

/**
 * The distinct (x, u) points of a table of rows, u a t_x or a T, for the Pareto/NBD likelihood:
 * its hypergeometric term depends on the row only through F(x, t_x) and F(x, T), so it is
 * evaluated once per point rather than twice per row. Daily data over two years have at most
 * a few hundred distinct times per x, so a million customers need a few tens of thousands of
 * evaluations. Built once per fit; immutable.
 */
final class ParetoNbdPoints {

  final Rows rows;
  /** x of each point. */
  final int[] x;
  /** u of each point (a t_x or a T, in the rows' time unit). */
  final double[] u;
  /** Per row, the index of its (x, t_x) point. */
  final int[] rowTx;
  /** Per row, the index of its (x, T) point. */
  final int[] rowT;

  private ParetoNbdPoints(Rows rows, int[] x, double[] u, int[] rowTx, int[] rowT) {
    this.rows = rows;
    this.x = x;
    this.u = u;
    this.rowTx = rowTx;
    this.rowT = rowT;
  }

  /** The points of {@code rows} (which are sorted by x). */
  static ParetoNbdPoints of(Rows rows) {
    int n = rows.size();
    int[] rowTx = new int[n];
    int[] rowT = new int[n];
    int[] px = new int[Math.max(16, n)];
    double[] pu = new double[Math.max(16, n)];
    int np = 0;
    int from = 0;
    while (from < n) {
      int xv = rows.x[from];
      int to = from;
      while (to < n && rows.x[to] == xv) {
        to++;
      }
      double[] vals = new double[2 * (to - from)];
      for (int i = from; i < to; i++) {
        vals[2 * (i - from)] = rows.tx[i] + 0.0; // + 0.0 turns −0.0 into 0.0
        vals[2 * (i - from) + 1] = rows.T[i] + 0.0;
      }
      Arrays.sort(vals);
      int m = 0;
      for (int k = 0; k < vals.length; k++) {
        if (k == 0 || vals[k] != vals[m - 1]) {
          vals[m++] = vals[k];
        }
      }
      if (np + m > px.length) {
        int cap = Math.max(px.length * 2, np + m);
        px = Arrays.copyOf(px, cap);
        pu = Arrays.copyOf(pu, cap);
      }
      for (int k = 0; k < m; k++) {
        px[np + k] = xv;
        pu[np + k] = vals[k];
      }
      for (int i = from; i < to; i++) {
        rowTx[i] = np + Arrays.binarySearch(vals, 0, m, rows.tx[i] + 0.0);
        rowT[i] = np + Arrays.binarySearch(vals, 0, m, rows.T[i] + 0.0);
      }
      np += m;
      from = to;
    }
    return new ParetoNbdPoints(rows, Arrays.copyOf(px, np), Arrays.copyOf(pu, np), rowTx, rowT);
  }

  /** The number of distinct points. */
  int size() {
    return x.length;
  }
}
