package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * How well predicted churn probabilities match 0/1 outcomes (1 = churned): ROC AUC, average
 * precision, log loss and Brier score ({@link ChurnMetrics}), and on demand the confusion matrix
 * at a threshold, the gains table and the calibration table.
 *
 * <pre>{@code
 * ChurnEvaluation e = ChurnEvaluation.of(y, model.probabilities(testFeatures));
 * e.rocAuc(); e.confusion(0.5); e.gains(); e.calibration();
 * }</pre>
 *
 * <p>Immutable; the arrays are copied.
 */
public final class ChurnEvaluation {

  private final int[] y;
  private final double[] p;
  private final int churners;
  private final double rocAuc;
  private final double averagePrecision;
  private final double logLoss;
  private final double brierScore;

  private ChurnEvaluation(int[] y, double[] p, int churners) {
    this.y = y;
    this.p = p;
    this.churners = churners;
    this.rocAuc = ChurnMetrics.rocAuc(y, p);
    this.averagePrecision = ChurnMetrics.averagePrecision(y, p);
    this.logLoss = ChurnMetrics.logLoss(y, p);
    this.brierScore = ChurnMetrics.brierScore(y, p);
  }

  /**
   * Evaluates probabilities {@code p} against labels {@code y}.
   *
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a probability is not in
   *     [0, 1], or only one class occurs
   */
  public static ChurnEvaluation of(int[] y, double[] p) {
    int pos = Inputs.labels(y, p);
    Inputs.probabilities(p);
    Inputs.bothClasses(pos, y.length, "an evaluation");
    return new ChurnEvaluation(y.clone(), p.clone(), pos);
  }

  /** Evaluates probabilities in the row order of {@code features} against these labels. */
  public static ChurnEvaluation of(ChurnLabels labels, FeatureTable features, double[] p) {
    Checks.notNull("labels", labels);
    return of(labels.alignTo(features), p);
  }

  /** The number of customers. */
  public int size() {
    return y.length;
  }

  /** The number of churners. */
  public int churners() {
    return churners;
  }

  /** ROC AUC (ties count one half). */
  public double rocAuc() {
    return rocAuc;
  }

  /** Average precision (PR AUC, not interpolated). */
  public double averagePrecision() {
    return averagePrecision;
  }

  /** Mean log loss. */
  public double logLoss() {
    return logLoss;
  }

  /** Brier score. */
  public double brierScore() {
    return brierScore;
  }

  /** The confusion matrix at this threshold (churn predicted when p &ge; threshold). */
  public ConfusionMatrix confusion(double threshold) {
    return ConfusionMatrix.at(y, p, threshold);
  }

  /** Lift and gains by decile. */
  public GainsTable gains() {
    return GainsTable.of(y, p, 10);
  }

  /** Lift and gains with this many groups. */
  public GainsTable gains(int groups) {
    return GainsTable.of(y, p, groups);
  }

  /** The reliability table with 10 bins. */
  public CalibrationTable calibration() {
    return CalibrationTable.of(y, p, 10);
  }

  /** The reliability table with this many bins. */
  public CalibrationTable calibration(int bins) {
    return CalibrationTable.of(y, p, bins);
  }

  /** A copy of the labels. */
  public int[] labels() {
    return y.clone();
  }

  /** A copy of the probabilities. */
  public double[] probabilities() {
    return p.clone();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "ChurnEvaluation: %s customers, %s churned (%.1f%%)%n  ROC AUC %.4f  average precision "
            + "%.4f  log loss %.4f  Brier %.4f",
        Fmt.count(y.length), Fmt.count(churners), 100.0 * churners / y.length, rocAuc,
        averagePrecision, logLoss, brierScore);
  }
}
