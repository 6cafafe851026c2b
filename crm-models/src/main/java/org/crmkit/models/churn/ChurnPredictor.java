package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.Checks;

/**
 * A fitted churn classifier ({@link ChurnClassifier#fit}): churn probabilities for the customers of
 * a feature table with the same columns as the training table.
 *
 * <p>Columns are matched by name, so their order may differ; a table that lacks a training column,
 * or has one the model was not trained on, is rejected with both lists in the message (use
 * {@link FeatureTable#select} to drop extra columns). Immutable and thread-safe: Smile's fitted
 * models only read their state when predicting.
 */
public final class ChurnPredictor {

  private final ChurnClassifier classifier;
  private final String[] names;
  private final Scorer scorer;
  private final Calibrator calibrator;
  private final int retained;
  private final int churned;

  ChurnPredictor(ChurnClassifier classifier, String[] names, Scorer scorer, Calibrator calibrator,
      int retained, int churned) {
    this.classifier = classifier;
    this.names = names;
    this.scorer = scorer;
    this.calibrator = calibrator;
    this.retained = retained;
    this.churned = churned;
  }

  /** The classifier this model was fitted with. */
  public ChurnClassifier classifier() {
    return classifier;
  }

  /** The training feature names, in the model's order. */
  public List<String> featureNames() {
    return List.of(names);
  }

  /** The calibrator, when the classifier calibrates. */
  public Optional<Calibrator> calibrator() {
    return Optional.ofNullable(calibrator);
  }

  /** Training rows labelled retained. */
  public int trainingRetained() {
    return retained;
  }

  /** Training rows labelled churned. */
  public int trainingChurned() {
    return churned;
  }

  /**
   * P(churn) for every row of {@code features}, calibrated when the classifier calibrates.
   *
   * @throws IllegalArgumentException if the table's columns are not exactly the training columns
   */
  public double[] probabilities(FeatureTable features) {
    return predictRows(rowsFor(features));
  }

  /**
   * P(churn) of one customer, features in {@link #featureNames()} order.
   *
   * @throws IllegalArgumentException if the length is wrong or a value is not finite
   */
  public double probability(double[] row) {
    Checks.notNull("row", row);
    if (row.length != names.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the model has %d features %s, the row %d values", names.length, List.of(names),
          row.length));
    }
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new IllegalArgumentException("feature '" + names[j] + "' must be finite: "
            + Checks.format(row[j]));
      }
    }
    return predictRows(new double[][] {row.clone()})[0];
  }

  /** Churn scores (probabilities by customer) for every row of {@code features}. */
  public ChurnScores score(FeatureTable features) {
    return ChurnScores.of(features.customerIds(), probabilities(features));
  }

  /** The rows of {@code features} in the model's column order, after checking the columns. */
  double[][] rowsFor(FeatureTable features) {
    Checks.notNull("features", features);
    Set<String> have = Set.copyOf(features.featureNames());
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!have.contains(n)) {
        missing.add(n);
      }
    }
    List<String> extra = new ArrayList<>();
    Set<String> want = Set.of(names);
    for (String n : features.featureNames()) {
      if (!want.contains(n)) {
        extra.add(n);
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException("the feature table does not match the model: "
          + (missing.isEmpty() ? "" : "missing " + missing)
          + (missing.isEmpty() || extra.isEmpty() ? "" : "; ")
          + (extra.isEmpty() ? "" : "not in the model " + extra)
          + "; the model was trained on " + List.of(names));
    }
    return features.rowsOf(names);
  }

  /** Predictions for rows in the model's column order (checked finite). */
  double[] predictRows(double[][] rows) {
    double[] p = ChurnClassifier.checkedProbabilities(scorer.predict(rows));
    if (calibrator != null) {
      for (int i = 0; i < p.length; i++) {
        p[i] = calibrator.apply(p[i]);
      }
    }
    return p;
  }

  /**
   * The logistic regression's coefficients on the original (unstandardised) feature scale, by
   * feature name, then {@code "intercept"}: ln(p / (1 − p)) = intercept + Σ βⱼ xⱼ before
   * calibration.
   *
   * @throws IllegalStateException for a tree model
   */
  public Map<String, Double> coefficients() {
    double[] b = scorer.coefficients();
    if (b == null) {
      throw new IllegalStateException("only a logistic regression has coefficients");
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int j = 0; j < names.length; j++) {
      m.put(names[j], b[j]);
    }
    m.put("intercept", b[names.length]);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The learner's own importance by feature: for crmkit's random forest, the mean over trees of
   * the decrease in weighted Gini impurity over the tree's splits on the feature, per unit of the
   * root's weight (Gini units; all features together at most 0.5); for Smile's trees, Smile's
   * total impurity decrease (Gini for the forest's Smile engine, squared error for boosting) over
   * all splits on the feature; for logistic regression, |β| on the standardised scale. Not
   * comparable across learners or engines; see {@link PermutationImportance} for a
   * model-agnostic measure.
   */
  public Map<String, Double> nativeImportance() {
    double[] a = scorer.nativeImportance();
    Map<String, Double> m = new LinkedHashMap<>();
    for (int j = 0; j < names.length; j++) {
      m.put(names[j], a[j]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "ChurnPredictor: %s%n  trained on %s customers (%s churned), %d features%n",
        classifier.describe(), Fmt.count(retained + churned), Fmt.count(churned), names.length));
    double[] coef = scorer.coefficients();
    double[] imp = scorer.nativeImportance();
    int w = 9;
    for (String n : names) {
      w = Math.max(w, n.length());
    }
    String f = "  %-" + w + "s %12s%n";
    sb.append(String.format(Locale.ROOT, f, "feature", coef != null ? "coefficient"
        : "importance"));
    for (int j = 0; j < names.length; j++) {
      sb.append(String.format(Locale.ROOT, f, names[j], Fmt.num(coef != null ? coef[j]
          : imp[j])));
    }
    if (coef != null) {
      sb.append(String.format(Locale.ROOT, f, "intercept", Fmt.num(coef[names.length])));
    }
    if (calibrator != null) {
      sb.append("  ").append(calibrator.toString().lines().findFirst().orElse(""));
    }
    return sb.toString().stripTrailing();
  }
}
