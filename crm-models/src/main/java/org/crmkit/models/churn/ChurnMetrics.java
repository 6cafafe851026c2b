package org.crmkit.models.churn;

/**
 * Scalar metrics of churn scores against 0/1 labels (1 = churned), written in plain Java.
 *
 * <p>Every method checks that the arrays have the same, non-zero length, that labels are 0 or 1
 * and that scores are finite (probabilities in [0, 1] where the metric needs them), and throws an
 * {@link IllegalArgumentException} naming the first bad row otherwise. None returns NaN.
 */
public final class ChurnMetrics {

  /** Probabilities are clipped to [ε, 1 − ε] in the log loss (scikit-learn 1.2's default). */
  public static final double LOG_LOSS_EPSILON = 1e-15;

  private ChurnMetrics() {}

  /**
   * The area under the ROC curve: the probability that a random churner scores higher than a
   * random retained customer, a tie counting one half (Mann–Whitney U / (n₁ n₀), with mid-ranks;
   * Hanley &amp; McNeil 1982, doi:10.1148/radiology.143.1.7063747). Equals scikit-learn's
   * {@code roc_auc_score}, the trapezoidal area under the ROC curve with tied scores as one
   * threshold.
   *
   * @throws IllegalArgumentException if only one class occurs (the AUC is undefined)
   */
  public static double rocAuc(int[] y, double[] score) {
    int pos = Inputs.labels(y, score);
    Inputs.finite(score);
    Inputs.bothClasses(pos, y.length, "ROC AUC");
    int n = y.length;
    int[] order = Inputs.ascending(score);
    double rankSum = 0; // sum of the 1-based mid-ranks of the churners
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double midRank = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        if (y[order[k]] == 1) {
          rankSum += midRank;
        }
      }
      i = j + 1;
    }
    double n1 = pos;
    double n0 = n - pos;
    return (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0);
  }

  /**
   * Average precision, the PR AUC without interpolation: AP = Σₖ (Rₖ − Rₖ₋₁) Pₖ over the distinct
   * score thresholds taken from the highest down (tied scores form one threshold), where Pₖ and Rₖ
   * are the precision and recall of "churner when score ≥ threshold k", and R₀ = 0. This is
   * scikit-learn's {@code average_precision_score} (since 0.19); it is not the trapezoidal area
   * under the PR curve, which interpolates linearly and is too optimistic (Davis &amp; Goadrich
   * 2006, doi:10.1145/1143844.1143874).
   *
   * @throws IllegalArgumentException if no label is 1 (recall is undefined)
   */
  public static double averagePrecision(int[] y, double[] score) {
    int pos = Inputs.labels(y, score);
    Inputs.finite(score);
    if (pos == 0) {
      throw new IllegalArgumentException(
          "average precision needs at least one churner, but all " + y.length + " labels are 0");
    }
    int n = y.length;
    int[] order = Inputs.descending(score);
    double ap = 0;
    int tp = 0;
    int seen = 0;
    double prevRecall = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        tp += y[order[k]];
      }
      seen = j + 1;
      double recall = (double) tp / pos;
      ap += (recall - prevRecall) * ((double) tp / seen);
      prevRecall = recall;
      i = j + 1;
    }
    return ap;
  }

  /**
   * The mean log loss (cross-entropy, natural log): −(1/n) Σ [y ln p + (1 − y) ln(1 − p)], with p
   * clipped to [{@value #LOG_LOSS_EPSILON}, 1 − {@value #LOG_LOSS_EPSILON}] so that it stays
   * finite. Defined for a single class too.
   *
   * @throws IllegalArgumentException if a probability is outside [0, 1]
   */
  public static double logLoss(int[] y, double[] p) {
    Inputs.labels(y, p);
    Inputs.probabilities(p);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(Math.max(p[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
      s -= y[i] == 1 ? Math.log(q) : Math.log1p(-q);
    }
    return s / y.length;
  }

  /**
   * The Brier score: (1/n) Σ (p − y)² (Brier 1950,
   * doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2); scikit-learn's
   * {@code brier_score_loss}.
   *
   * @throws IllegalArgumentException if a probability is outside [0, 1]
   */
  public static double brierScore(int[] y, double[] p) {
    Inputs.labels(y, p);
    Inputs.probabilities(p);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d = p[i] - y[i];
      s += d * d;
    }
    return s / y.length;
  }
}
