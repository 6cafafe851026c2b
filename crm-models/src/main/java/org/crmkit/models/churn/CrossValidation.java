package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Stratified k-fold cross-validation of a churn classifier, or of a fixed score on the same folds.
 *
 * <pre>{@code
 * var forest = ChurnClassifier.randomForest();
 * CrossValidation cv = CrossValidation.run(forest, features, labels, 5, 42);
 * cv.meanRocAuc(); cv.pooled().gains();
 * CrossValidation base = CrossValidation.ofScores("1 - P(alive)", oneMinusPAlive, y, 5, 42);
 * }</pre>
 *
 * <p>The folds come from {@link StratifiedKFold#folds} with the given seed. For each fold the
 * classifier is fitted on the other k − 1 folds and predicts the held-out one, so every customer
 * gets exactly one out-of-fold probability. Per-fold metrics are summarised by their mean and
 * their sample standard deviation (divisor k − 1); {@link #pooled()} evaluates all out-of-fold
 * probabilities together. {@link #ofScores} evaluates a score that needs no training (a baseline
 * such as 1 − P(alive)) on the same folds. Immutable.
 */
public final class CrossValidation {

  private final String name;
  private final int k;
  private final long seed;
  private final String[] ids;
  private final int[] y;
  private final int[] folds;
  private final double[] p;
  private final double[][] metrics; // [fold][auc, ap, logloss, brier]

  private CrossValidation(String name, int k, long seed, String[] ids, int[] y, int[] folds,
      double[] p) {
    this.name = name;
    this.k = k;
    this.seed = seed;
    this.ids = ids;
    this.y = y;
    this.folds = folds;
    this.p = p;
    this.metrics = new double[k][];
    for (int f = 0; f < k; f++) {
      int[] test = StratifiedKFold.split(folds, f)[1];
      int[] yt = StratifiedKFold.labels(y, test);
      double[] pt = StratifiedKFold.values(p, test);
      metrics[f] = new double[] {ChurnMetrics.rocAuc(yt, pt),
          ChurnMetrics.averagePrecision(yt, pt), ChurnMetrics.logLoss(yt, pt),
          ChurnMetrics.brierScore(yt, pt)};
    }
  }

  /**
   * Cross-validates {@code classifier} on {@code features} labelled by {@code labels}.
   *
   * @throws IllegalArgumentException if a customer has no label, k &lt; 2, or a class has fewer
   *     than k customers
   */
  public static CrossValidation run(ChurnClassifier classifier, FeatureTable features,
      ChurnLabels labels, int k, long seed) {
    Checks.notNull("labels", labels);
    Checks.notNull("features", features);
    return run(classifier, features, labels.alignTo(features), k, seed);
  }

  /** Cross-validates with labels {@code y} in the table's row order (1 = churned). */
  public static CrossValidation run(ChurnClassifier classifier, FeatureTable features, int[] y,
      int k, long seed) {
    Checks.notNull("classifier", classifier);
    Checks.notNull("features", features);
    Checks.notNull("labels", y);
    if (y.length != features.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the feature table has %d rows but there are %d labels", features.size(), y.length));
    }
    String[] names = features.featureNames().toArray(new String[0]);
    double[][] x = features.rowsOf(names);
    int[] folds = StratifiedKFold.folds(y, k, seed);
    double[] p = new double[y.length];
    for (int f = 0; f < k; f++) {
      int[][] split = StratifiedKFold.split(folds, f);
      ChurnPredictor m = classifier.fitRows(names, StratifiedKFold.rows(x, split[0]),
          StratifiedKFold.labels(y, split[0]));
      double[] pt = m.predictRows(StratifiedKFold.rows(x, split[1]));
      for (int i = 0; i < split[1].length; i++) {
        p[split[1][i]] = pt[i];
      }
    }
    return new CrossValidation(classifier.describe(), k, seed, features.customerIds(), y.clone(),
        folds, p);
  }

  /**
   * Evaluates a fixed score (a probability of churn in [0, 1], e.g. 1 − P(alive)) on the folds
   * that {@link #run} would use for these labels, k and seed.
   *
   * @throws IllegalArgumentException if lengths differ, a score is not in [0, 1], k &lt; 2, or a
   *     class has fewer than k rows
   */
  public static CrossValidation ofScores(String name, double[] scores, int[] y, int k,
      long seed) {
    Checks.notBlank("name", name);
    Inputs.labels(y, scores);
    Inputs.probabilities(scores);
    int[] folds = StratifiedKFold.folds(y, k, seed);
    String[] ids = new String[y.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Integer.toString(i + 1);
    }
    return new CrossValidation(name, k, seed, ids, y.clone(), folds, scores.clone());
  }

  /** What was evaluated. */
  public String name() {
    return name;
  }

  /** The number of folds. */
  public int k() {
    return k;
  }

  /** The seed of the folds. */
  public long seed() {
    return seed;
  }

  /** A copy of the fold (0..k−1) of each row. */
  public int[] folds() {
    return folds.clone();
  }

  /** A copy of the out-of-fold probabilities, in row order. */
  public double[] outOfFold() {
    return p.clone();
  }

  /** The ROC AUC of fold {@code f}. */
  public double rocAuc(int f) {
    return metrics[f][0];
  }

  /** The average precision of fold {@code f}. */
  public double averagePrecision(int f) {
    return metrics[f][1];
  }

  /** The log loss of fold {@code f}. */
  public double logLoss(int f) {
    return metrics[f][2];
  }

  /** The Brier score of fold {@code f}. */
  public double brierScore(int f) {
    return metrics[f][3];
  }

  private double mean(int m) {
    double s = 0;
    for (double[] r : metrics) {
      s += r[m];
    }
    return s / k;
  }

  private double sd(int m) {
    double mu = mean(m);
    double s = 0;
    for (double[] r : metrics) {
      s += (r[m] - mu) * (r[m] - mu);
    }
    return Math.sqrt(s / (k - 1));
  }

  /** The mean ROC AUC over the folds. */
  public double meanRocAuc() {
    return mean(0);
  }

  /** The sample standard deviation of the folds' ROC AUC. */
  public double sdRocAuc() {
    return sd(0);
  }

  /** The mean average precision over the folds. */
  public double meanAveragePrecision() {
    return mean(1);
  }

  /** The mean log loss over the folds. */
  public double meanLogLoss() {
    return mean(2);
  }

  /** The mean Brier score over the folds. */
  public double meanBrierScore() {
    return mean(3);
  }

  /** All out-of-fold probabilities evaluated together. */
  public ChurnEvaluation pooled() {
    return ChurnEvaluation.of(y, p);
  }

  /**
   * The out-of-fold predictions for writing: customer (the row number, from 1, for
   * {@link #ofScores}), fold (from 0), churned (0/1), probability.
   */
  public Table toTable() {
    return ColumnTable.builder(y.length).strings("customer", ids).longs("fold", folds)
        .longs("churned", y).doubles("probability", p).build();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "CrossValidation: %s, %d-fold stratified, seed %d, %s customers%n", name, k, seed,
        Fmt.count(y.length)));
    String f = "  %-6s %8s %8s %8s %8s%n";
    sb.append(String.format(Locale.ROOT, f, "fold", "ROC AUC", "AP", "log loss", "Brier"));
    for (int i = 0; i < k; i++) {
      sb.append(String.format(Locale.ROOT, f, i + 1, Fmt.p4(metrics[i][0]),
          Fmt.p4(metrics[i][1]), Fmt.p4(metrics[i][2]), Fmt.p4(metrics[i][3])));
    }
    sb.append(String.format(Locale.ROOT, f, "mean", Fmt.p4(mean(0)), Fmt.p4(mean(1)),
        Fmt.p4(mean(2)), Fmt.p4(mean(3))));
    sb.append(String.format(Locale.ROOT, f, "sd", Fmt.p4(sd(0)), Fmt.p4(sd(1)), Fmt.p4(sd(2)),
        Fmt.p4(sd(3))));
    return sb.toString().stripTrailing();
  }
}
