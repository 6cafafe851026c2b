package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logBeta;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

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
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !(Double.isFinite(r + alpha + a + b))) {
      return Double.NEGATIVE_INFINITY;
    }
    boolean grad = gradient != null;
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
    double lbab = logBeta(a, b);
    double lgr = logGamma(r);
    double lnAlpha = Math.log(alpha);
    double psiR = grad ? digamma(r) : 0;
    double psiAb = grad ? digamma(a + b) : 0;
    double psiB = grad ? digamma(b) : 0;
    return RowSums.sum(rows.size(), 4, gradient, (from, to, g) -> {
      double sum = 0;
      double gr = 0;
      double ga = 0;
      double gA = 0;
      double gB = 0;
      int lastX = -1;
      double a1 = 0;
      double c1 = 0;
      double c2 = 0;
      double a1r = 0;
      double c1a = 0;
      double c1b = 0;
      double c2a = 0;
      double c2b = 0;
      boolean has2 = false;
      for (int i = from; i < to; i++) {
        int x = rows.x[i];
        if (x != lastX) {
          lastX = x;
          int k = modified ? x + 1 : x;
          has2 = k > 0;
          a1 = logGamma(r + x) - lgr + r * lnAlpha;
          c1 = logBeta(a, b + k) - lbab;
          c2 = has2 ? logBeta(a + 1, b + k - 1) - lbab : 0;
          if (g != null) {
            double psiAbk = digamma(a + b + k);
            a1r = digamma(r + x) - psiR + lnAlpha;
            c1a = psiAb - psiAbk;
            c1b = digamma(b + k) - psiAbk - psiB + psiAb;
            c2a = 1 / a + psiAb - psiAbk;
            c2b = has2 ? digamma(b + k - 1) - psiAbk - psiB + psiAb : 0;
          }
        }
        double w = rows.w[i];
        double xr = r + x;
        int jt = rt[i];
        double l1 = lT[jt];
        double t1 = c1 - xr * l1;
        double ll;
        double w1 = 1;
        double w2 = 0;
        double l2 = 0;
        int jx = 0;
        if (has2) {
          jx = rx[i];
          l2 = lX[jx];
          double t2 = c2 - xr * l2;
          double d = t2 - t1;
          double e = Math.exp(-Math.abs(d));
          double es = 1 + e;
          ll = (d > 0 ? t2 : t1) + Math.log(es);
          w1 = d > 0 ? e / es : 1 / es;
          w2 = d > 0 ? 1 / es : e / es;
        } else {
          ll = t1;
        }
        sum += w * (a1 + ll);
        if (g != null) {
          gr += w * (a1r - w1 * l1 - w2 * l2);
          ga += w * (r / alpha - xr * (w1 * iT[jt] + (has2 ? w2 * iX[jx] : 0)));
          gA += w * (w1 * c1a + w2 * c2a);
          gB += w * (w1 * c1b + w2 * c2b);
        }
      }
      if (g != null) {
        g[0] += gr;
        g[1] += ga;
        g[2] += gA;
        g[3] += gB;
      }
      return sum;
    });
  }

  static double logLikelihood(boolean modified, double[] theta, ParetoNbdPoints pts,
      double[] gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !(Double.isFinite(r + alpha + a + b))) {
      return Double.NEGATIVE_INFINITY;
    }
    boolean grad = gradient != null;
    double lbab = logBeta(a, b);
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
      int k = modified ? x + 1 : x;
      double c1 = logBeta(a, b + k) - lbab;
      double c2 = k > 0 ? logBeta(a + 1, b + k - 1) - lbab : Double.NEGATIVE_INFINITY;
      double rx = r + x;
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
    double lgr = logGamma(r);
    double lnAlpha = Math.log(alpha);
    double psiR = grad ? digamma(r) : 0;
    double psiAb = grad ? digamma(a + b) : 0;
    double psiB = grad ? digamma(b) : 0;
    return RowSums.sum(rows.size(), 4, gradient, (rowFrom, rowTo, g) -> {
      double sum = 0;
      double gr = 0;
      double ga = 0;
      double gA = 0;
      double gB = 0;
      int lastX = -1;
      double a1 = 0;
      double a1r = 0;
      double c1a = 0;
      double c1b = 0;
      double c2a = 0;
      double c2b = 0;
      boolean has2 = false;
      for (int i = rowFrom; i < rowTo; i++) {
        int x = rows.x[i];
        if (x != lastX) {
          lastX = x;
          int k = modified ? x + 1 : x;
          has2 = k > 0;
          a1 = logGamma(r + x) - lgr + r * lnAlpha;
          if (g != null) {
            double psiAbk = digamma(a + b + k);
            a1r = digamma(r + x) - psiR + lnAlpha;
            c1a = psiAb - psiAbk;
            c1b = digamma(b + k) - psiAbk - psiB + psiAb;
            c2a = 1 / a + psiAb - psiAbk;
            c2b = has2 ? digamma(b + k - 1) - psiAbk - psiB + psiAb : 0;
          }
        }
        double w = rows.w[i];
        int jt = pts.rowT[i];
        int jx = pts.rowTx[i];
        double ll;
        double w1;
        double w2;
        if (!has2) {
          ll = t1[jt];
          w1 = 1;
          w2 = 0;
        } else if (linear[jt]) {
          double total = e1[jt] + e2[jx];
          ll = Math.log(total) + scale[jt];
          w1 = e1[jt] / total;
          w2 = e2[jx] / total;
        } else {
          double u1 = t1[jt];
          double u2 = t2[jx];
          double d = u2 - u1;
          double e = Math.exp(-Math.abs(d));
          double es = 1 + e;
          ll = (d > 0 ? u2 : u1) + Math.log(es);
          w1 = d > 0 ? e / es : 1 / es;
          w2 = d > 0 ? 1 / es : e / es;
        }
        sum += w * (a1 + ll);
        if (g != null) {
          double xr = r + x;
          double l2 = has2 ? lnA[jx] : 0;
          gr += w * (a1r - w1 * lnA[jt] - w2 * l2);
          ga += w * (r / alpha - xr * (w1 * inv[jt] + (has2 ? w2 * inv[jx] : 0)));
          gA += w * (w1 * c1a + w2 * c2a);
          gB += w * (w1 * c1b + w2 * c2b);
        }
      }
      if (g != null) {
        g[0] += gr;
        g[1] += ga;
        g[2] += gA;
        g[3] += gB;
      }
      return sum;
    });
  }
}
