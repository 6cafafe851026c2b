package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.Sorting;

/** Checks of label and score arrays shared by the metrics. */
final class Inputs {

  private Inputs() {}

  /** Checks that y holds only 0 and 1 and has the length of the scores; returns the positives. */
  static int labels(int[] y, double[] scores) {
    Checks.notNull("labels", y);
    Checks.notNull("scores", scores);
    if (y.length != scores.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "labels has %d entries, scores %d", y.length, scores.length));
    }
    if (y.length == 0) {
      throw new IllegalArgumentException("labels and scores are empty");
    }
    int pos = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: label must be 0 (retained) or 1 (churned): %d", i + 1, y[i]));
      }
      pos += y[i];
    }
    return pos;
  }

  /** Checks that every score is finite. */
  static void finite(double[] scores) {
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: score must be finite: %s", i + 1, Checks.format(scores[i])));
      }
    }
  }

  /** Checks that every value is a probability in [0, 1]. */
  static void probabilities(double[] p) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: probability must be in [0, 1]: %s", i + 1, Checks.format(p[i])));
      }
    }
  }

  /** Checks that both classes occur. */
  static void bothClasses(int positives, int n, String metric) {
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s needs both classes, but all %d labels are %s", metric, n,
          positives == 0 ? "0 (retained)" : "1 (churned)"));
    }
  }

  /** True when every label is the same (or there is none). */
  static boolean singleClass(int[] y) {
    for (int i = 1; i < y.length; i++) {
      if (y[i] != y[0]) {
        return false;
      }
    }
    return true;
  }

  /** The indices of {@code s} in ascending order of value, ties in ascending index. */
  static int[] ascending(double[] s) {
    return Sorting.order(s);
  }

  /** The indices in descending order of value, ties in ascending index. */
  static int[] descending(double[] s) {
    double[] neg = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      neg[i] = -s[i];
    }
    return ascending(neg);
  }
}
