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

  /**
   * The points of {@code rows} (which are sorted by x): the distinct times among all t_x and T
   * get global ids (a primitive hash), then each run of equal x numbers the ids it uses, in
   * order of first use: O(rows), no sorting. The points of one x are contiguous.
   */
  static ParetoNbdPoints of(Rows rows) {
    int n = rows.size();
    double[] all = new double[2 * n];
    System.arraycopy(rows.tx, 0, all, 0, n);
    System.arraycopy(rows.T, 0, all, n, n);
    ClvCompression.Ranks ids = ClvCompression.Ranks.of(all);
    int[] id = ids.rank();
    double[] values = ids.values();
    int[] stamp = new int[values.length];
    Arrays.fill(stamp, -1);
    int[] local = new int[values.length];
    int[] rowTx = new int[n];
    int[] rowT = new int[n];
    int[] px = new int[Math.max(16, Math.min(2 * n, 1 << 16))];
    double[] pu = new double[px.length];
    int np = 0;
    int run = -1;
    int lastX = -1;
    for (int i = 0; i < n; i++) {
      int xv = rows.x[i];
      if (i == 0 || xv != lastX) {
        run++;
        lastX = xv;
      }
      for (int side = 0; side < 2; side++) {
        int v = id[side == 0 ? i : n + i];
        if (stamp[v] != run) {
          stamp[v] = run;
          local[v] = np;
          if (np == px.length) {
            px = Arrays.copyOf(px, 2 * np);
            pu = Arrays.copyOf(pu, 2 * np);
          }
          px[np] = xv;
          pu[np] = values[v];
          np++;
        }
        if (side == 0) {
          rowTx[i] = local[v];
        } else {
          rowT[i] = local[v];
        }
      }
    }
    return new ParetoNbdPoints(rows, Arrays.copyOf(px, np), Arrays.copyOf(pu, np), rowTx, rowT);
  }

  /** The number of distinct points. */
  int size() {
    return x.length;
  }
}
