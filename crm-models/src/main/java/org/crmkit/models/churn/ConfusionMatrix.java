package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * The confusion matrix of churn predictions at a threshold: a customer is predicted to churn when
 * its probability is &ge; the threshold. Ratios whose denominator is 0 are 0 (scikit-learn's
 * {@code zero_division=0}), never NaN.
 *
 * @param threshold the threshold, in [0, 1]
 * @param truePositives churners predicted to churn
 * @param falsePositives retained customers predicted to churn
 * @param trueNegatives retained customers predicted to stay
 * @param falseNegatives churners predicted to stay
 */
public record ConfusionMatrix(double threshold, long truePositives, long falsePositives,
    long trueNegatives, long falseNegatives) {

  /** Checks that the threshold is in [0, 1] and the counts are not negative. */
  public ConfusionMatrix {
    Checks.inRange("threshold", threshold, 0, 1);
    Checks.nonNegative("truePositives", truePositives);
    Checks.nonNegative("falsePositives", falsePositives);
    Checks.nonNegative("trueNegatives", trueNegatives);
    Checks.nonNegative("falseNegatives", falseNegatives);
  }

  /**
   * The matrix of probabilities {@code p} against labels {@code y} (1 = churned).
   *
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a probability is not
   *     in [0, 1], or the threshold is not in [0, 1]
   */
  public static ConfusionMatrix at(int[] y, double[] p, double threshold) {
    Inputs.labels(y, p);
    Inputs.probabilities(p);
    Checks.inRange("threshold", threshold, 0, 1);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < y.length; i++) {
      boolean predicted = p[i] >= threshold;
      if (y[i] == 1) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(threshold, tp, fp, tn, fn);
  }

  /** The number of customers. */
  public long total() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  /** TP / (TP + FP): the share of flagged customers who churn. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN): the share of churners flagged (sensitivity). */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** TN / (TN + FP): the share of retained customers not flagged. */
  public double specificity() {
    return ratio(trueNegatives, trueNegatives + falsePositives);
  }

  /** (TP + TN) / n. */
  public double accuracy() {
    return ratio(truePositives + trueNegatives, total());
  }

  /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall. */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  @Override
  public String toString() {
    int w = Math.max(10, Fmt.count(total()).length() + 1);
    String f = "  %-16s %" + w + "s %" + w + "s%n";
    return (String.format(Locale.ROOT, "ConfusionMatrix at threshold %s%n", Fmt.num(threshold))
        + String.format(Locale.ROOT, f, "", "pred churn", "pred stay")
        + String.format(Locale.ROOT, f, "churned", Fmt.count(truePositives),
            Fmt.count(falseNegatives))
        + String.format(Locale.ROOT, f, "retained", Fmt.count(falsePositives),
            Fmt.count(trueNegatives))
        + String.format(Locale.ROOT, "  precision %.4f  recall %.4f  specificity %.4f  "
            + "accuracy %.4f  F1 %.4f", precision(), recall(), specificity(), accuracy(), f1()));
  }
}
