package org.crmkit.models.churn;

import java.util.Locale;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;

/**
 * Seeded stratified k-fold assignment: each class keeps (nearly) its share in every fold.
 *
 * <p>Algorithm: the rows of class 0, then of class 1, each in row order, are shuffled by a
 * Fisher–Yates shuffle driven by {@code new SplittableRandom(seed)} (class 0 first), and dealt to
 * the folds round-robin, class 1 continuing where class 0 stopped. So every fold holds ⌊n_c/k⌋ or
 * ⌈n_c/k⌉ rows of class c, and fold sizes differ by at most one. The same labels and seed always
 * give the same folds.
 */
public final class StratifiedKFold {

  private StratifiedKFold() {}

  /**
   * The fold (0..k−1) of every row.
   *
   * @throws IllegalArgumentException if a label is not 0/1, k &lt; 2, or a class has fewer than k
   *     rows (a fold would lack it)
   */
  public static int[] folds(int[] y, int k, long seed) {
    Checks.notNull("labels", y);
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    int pos = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: label must be 0 (retained) or 1 (churned): %d", i + 1, y[i]));
      }
      pos += y[i];
    }
    int neg = y.length - pos;
    if (pos < k || neg < k) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "stratified %d-fold splitting needs at least %d rows of each class; there are %d "
              + "retained and %d churned", k, k, neg, pos));
    }
    SplittableRandom r = new SplittableRandom(seed);
    int[] fold = new int[y.length];
    int next = 0;
    for (int cls = 0; cls <= 1; cls++) {
      int[] rows = new int[cls == 0 ? neg : pos];
      int m = 0;
      for (int i = 0; i < y.length; i++) {
        if (y[i] == cls) {
          rows[m++] = i;
        }
      }
      for (int i = m - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
      }
      for (int row : rows) {
        fold[row] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  /** {train rows, test rows} of fold {@code f}, each ascending. */
  static int[][] split(int[] folds, int f) {
    int test = 0;
    for (int v : folds) {
      if (v == f) {
        test++;
      }
    }
    int[] tr = new int[folds.length - test];
    int[] te = new int[test];
    int a = 0;
    int b = 0;
    for (int i = 0; i < folds.length; i++) {
      if (folds[i] == f) {
        te[b++] = i;
      } else {
        tr[a++] = i;
      }
    }
    return new int[][] {tr, te};
  }

  static double[][] rows(double[][] x, int[] at) {
    double[][] out = new double[at.length][];
    for (int k = 0; k < at.length; k++) {
      out[k] = x[at[k]];
    }
    return out;
  }

  static int[] labels(int[] y, int[] at) {
    int[] out = new int[at.length];
    for (int k = 0; k < at.length; k++) {
      out[k] = y[at[k]];
    }
    return out;
  }

  static double[] values(double[] v, int[] at) {
    double[] out = new double[at.length];
    for (int k = 0; k < at.length; k++) {
      out[k] = v[at[k]];
    }
    return out;
  }
}
