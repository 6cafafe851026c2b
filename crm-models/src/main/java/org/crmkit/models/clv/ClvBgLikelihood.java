package org.crmkit.models.clv;

/**
 * The BG/NBD and MBG/NBD log-likelihood of {@link BgFamily#logLikelihood(boolean, double[],
 * Rows, double[])} (the same formula, the same value to rounding), organised for large tables.
 * A row's two terms factor into a function of (x, T) and one of (x, t_x):
 *
 * <pre>
 *   L = Γ(r+x)α^r/Γ(r) · [ e^(c1(x)) (α+T)^−(r+x) + [k&gt;0] e^(c2(x)) (α+t_x)^−(r+x) ],
 * </pre>
 *
 * so both are computed once per distinct (x, u) point ({@link ParetoNbdPoints}, a few tens of
 * thousands for a million daily customers), scaled within each x by its largest value and kept
 * in linear scale, and each row costs one logarithm. When the terms of one x span more than
 * e^600 (not seen in real data) its rows fall back to log-sum-exp. Smaller tables (the
 * Nelder–Mead subsample), whose rows are mostly distinct points, take ln(α+T) and ln(α+t_x)
 * once per distinct time instead; tables with mostly distinct times use {@link BgFamily}.
 */
final class ClvBgLikelihood {

  private static final double LINEAR_SPREAD = 600;

  private ClvBgLikelihood() {}

  /**
   * The likelihood of {@code rows} (BG/NBD, or MBG/NBD when {@code modified}): by points when
   * they are fewer than half the rows (large tables), else {@link BgFamily}'s row by row.
   */
  static MaximumLikelihood.Likelihood of(boolean modified, Rows rows) {
    ParetoNbdPoints pts = ParetoNbdPoints.of(rows);
    if (2 * pts.size() <= rows.size()) {
      return (theta, gradient) -> logLikelihood(modified, theta, pts, gradient);
    }
    ClvCompression.Ranks t = ClvCompression.Ranks.of(rows.T);
    ClvCompression.Ranks tx = ClvCompression.Ranks.of(rows.tx);
    if (2 * (t.values().length + tx.values().length) <= rows.size()) {
      return (theta, gradient) -> byTimes(modified, theta, rows, t, tx, gradient);
    }
    return (theta, gradient) -> BgFamily.logLikelihood(modified, theta, rows, gradient);
  }

  /**
   * Row by row, with ln(α+T) and ln(α+t_x) taken once per distinct time and the log-sum-exp in
   * one exp and one log: for tables with many distinct (x, u) points but few distinct times
   * (subsamples of daily data).
   */
  static double byTimes(boolean modified, double[] theta, Rows rows, ClvCompression.Ranks tIndex,
      ClvCompression.Ranks txIndex, double[] gradient) {
    BgTerms terms = BgTerms.of(modified, theta, gradient != null);
    if (terms == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double alpha = terms.alpha;
    double[] lT = new double[tIndex.values().length];
    double[] iT = new double[lT.length];
    for (int k = 0; k < lT.length; k++) {
      lT[k] = Math.log(alpha + tIndex.values()[k]);
      iT[k] = 1 / (alpha + tIndex.values()[k]);
    }
    double[] lX = new double[txIndex.values().length];
    double[] iX = new double[lX.length];
    for (int k = 0; k < lX.length; k++) {
      lX[k] = Math.log(alpha + txIndex.values()[k]);
      iX[k] = 1 / (alpha + txIndex.values()[k]);
    }
    int[] rt = tIndex.rank();
    int[] rx = txIndex.rank();
    return RowSums.sum(rows.size(), 4, gradient, (from, to, g) -> {
      BgTerms.Chunk c = terms.chunk(g);
      for (int i = from; i < to; i++) {
        c.x(rows.x[i]);
        int jt = rt[i];
        double t1 = c.c1 - c.rx * lT[jt];
        if (c.has2) {
          int jx = rx[i];
          c.addBoth(rows.w[i], t1, c.c2 - c.rx * lX[jx], lT[jt], iT[jt], lX[jx], iX[jx]);
        } else {
          c.add(rows.w[i], t1, 1, 0, lT[jt], iT[jt], 0, 0);
        }
      }
      return c.finish();
    });
  }

  static double logLikelihood(boolean modified, double[] theta, ParetoNbdPoints pts,
      double[] gradient) {
    boolean grad = gradient != null;
    BgTerms terms = BgTerms.of(modified, theta, grad);
    if (terms == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double alpha = terms.alpha;
    int np = pts.size();
    double[] lnA = new double[np];
    double[] inv = grad ? new double[np] : null;
    double[] t1 = new double[np];
    double[] t2 = new double[np];
    double[] scale = new double[np];
    boolean[] linear = new boolean[np];
    double[] e1 = new double[np];
    double[] e2 = new double[np];
    int from = 0;
    while (from < np) {
      int x = pts.x[from];
      int k = terms.k(x);
      double c1 = terms.c1(k);
      double c2 = terms.c2(k);
      double rx = terms.r + x;
      int to = from;
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      while (to < np && pts.x[to] == x) {
        double l = Math.log(alpha + pts.u[to]);
        lnA[to] = l;
        if (grad) {
          inv[to] = 1 / (alpha + pts.u[to]);
        }
        t1[to] = c1 - rx * l;
        t2[to] = c2 - rx * l;
        hi = Math.max(hi, Math.max(t1[to], t2[to]));
        lo = Math.min(lo, k > 0 ? Math.min(t1[to], t2[to]) : t1[to]);
        to++;
      }
      boolean lin = hi - lo < LINEAR_SPREAD;
      for (int j = from; j < to; j++) {
        scale[j] = hi;
        linear[j] = lin;
        if (lin) {
          e1[j] = Math.exp(t1[j] - hi);
          e2[j] = k > 0 ? Math.exp(t2[j] - hi) : 0;
        }
      }
      from = to;
    }
    Rows rows = pts.rows;
    return RowSums.sum(rows.size(), 4, gradient, (rowFrom, rowTo, g) -> {
      BgTerms.Chunk c = terms.chunk(g);
      for (int i = rowFrom; i < rowTo; i++) {
        c.x(rows.x[i]);
        double w = rows.w[i];
        int jt = pts.rowT[i];
        double i1 = grad ? inv[jt] : 0;
        if (!c.has2) {
          c.add(w, t1[jt], 1, 0, lnA[jt], i1, 0, 0);
          continue;
        }
        int jx = pts.rowTx[i];
        double i2 = grad ? inv[jx] : 0;
        if (linear[jt]) {
          double total = e1[jt] + e2[jx];
          c.add(w, Math.log(total) + scale[jt], e1[jt] / total, e2[jx] / total, lnA[jt], i1,
              lnA[jx], i2);
        } else {
          c.addBoth(w, t1[jt], t2[jx], lnA[jt], i1, lnA[jx], i2);
        }
      }
      return c.finish();
    });
  }
}
