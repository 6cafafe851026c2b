package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;

/** Argument checks, table predictions and simulated summaries shared by the models. */
final class Predictions {

  private Predictions() {}

  /** Checks one customer's history: x ≥ 0, 0 ≤ t_x ≤ T, times finite. */
  static void checkCustomer(int x, double tx, double T) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0: " + x);
    }
    Checks.nonNegative("t_x", tx);
    Checks.nonNegative("T", T);
    if (tx > T) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "t_x (%s) must not exceed T (%s)", tx, T));
    }
  }

  /** Checks a horizon t: finite and ≥ 0. */
  static double horizon(double t) {
    return Checks.nonNegative("horizon t", t);
  }

  /** A prediction for one customer. */
  @FunctionalInterface
  interface RowFunction {
    double apply(int x, double tx, double bigT, double horizon);
  }

  /**
   * Applies {@code f} to every customer of {@code s} (in parallel for large tables), with t_x
   * and T converted from the summaries' unit to {@code unit}.
   */
  static double[] table(CustomerSummaries s, ChronoUnit unit, double horizon, RowFunction f) {
    Checks.notNull("summaries", s);
    double k = Horizons.factor(s.unit(), unit);
    double[] out = new double[s.size()];
    RowSums.forEach(out.length, i -> out[i] = f.apply(s.x(i), s.tx(i) * k, s.T(i) * k, horizon));
    return out;
  }

  /** Simulated BG/NBD (or MBG/NBD) customers as summaries with ids "1", "2", .... */
  static CustomerSummaries simulate(boolean modified, double r, double alpha, double a,
      double b, double[] bigT, long seed, ChronoUnit unit) {
    Checks.notNull("T", bigT);
    for (int i = 0; i < bigT.length; i++) {
      Checks.nonNegative("T[" + i + "]", bigT[i]);
    }
    double[][] xt = BgFamily.simulate(modified, r, alpha, a, b, bigT, seed);
    int n = bigT.length;
    String[] ids = new String[n];
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i + 1);
      x[i] = (int) xt[0][i];
    }
    return CustomerSummaries.ofColumns(ids, x, xt[1], bigT.clone(), unit);
  }
}
