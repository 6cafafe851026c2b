package org.crmkit.models.churn;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * How much a retained customer and a churner weigh in training, for imbalanced labels. Weights are
 * whole numbers &ge; 1; only their ratio matters.
 *
 * <ul>
 *   <li>{@link #none()}: every customer weighs 1.
 *   <li>{@link #balanced()}: the rarer class weighs round(n_major / n_minor), the other 1 — the
 *       integer nearest to scikit-learn's {@code class_weight="balanced"} ratio.
 *   <li>{@link #of(int, int)}: given weights.
 * </ul>
 *
 * <p>How each classifier applies them: crmkit's random forest (the default engine) uses them as
 * sample weights — a row weighs its class's weight in every tree's Gini impurity and leaf class
 * frequencies, as if it were repeated that many times (the minimum leaf size still counts rows).
 * Smile 4.4 has no per-sample weights for its learners: logistic regression and gradient boosting
 * repeat each training row of a class as many times as its weight, which is exactly the weighted
 * log-likelihood / weighted loss with integer weights; the forest's Smile engine uses Smile's own
 * {@code classWeight}, which draws each tree's stratified bootstrap sample with class c reduced to
 * n_c / s_c rows, and we pass s = (w_churned, w_retained), so the classes enter each tree in the
 * ratio n₀w₀ : n₁w₁. Weighting shifts the predicted probabilities towards the up-weighted class:
 * calibrate ({@link Calibration}) when probabilities, not only the ranking, matter.
 */
public final class ClassWeights {

  private static final ClassWeights NONE = new ClassWeights(1, 1, false);
  private static final ClassWeights BALANCED = new ClassWeights(0, 0, true);

  private final int retained;
  private final int churned;
  private final boolean balanced;

  private ClassWeights(int retained, int churned, boolean balanced) {
    this.retained = retained;
    this.churned = churned;
    this.balanced = balanced;
  }

  /** Unit weights. */
  public static ClassWeights none() {
    return NONE;
  }

  /** The rarer class weighs round(n_major / n_minor), resolved on the training labels. */
  public static ClassWeights balanced() {
    return BALANCED;
  }

  /**
   * Given weights.
   *
   * @param retained the weight of a retained customer (label 0), &ge; 1
   * @param churned the weight of a churner (label 1), &ge; 1
   * @throws IllegalArgumentException if a weight is &lt; 1
   */
  public static ClassWeights of(int retained, int churned) {
    if (retained < 1 || churned < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "class weights must be whole numbers >= 1: retained %d, churned %d", retained,
          churned));
    }
    return retained == 1 && churned == 1 ? NONE : new ClassWeights(retained, churned, false);
  }

  /** True for {@link #balanced()}. */
  public boolean isBalanced() {
    return balanced;
  }

  /**
   * The weights {retained, churned} for training labels with these class counts.
   *
   * @throws IllegalArgumentException if a count is 0
   */
  public int[] resolve(int retainedCount, int churnedCount) {
    Checks.positive("retained count", retainedCount);
    Checks.positive("churned count", churnedCount);
    if (!balanced) {
      return new int[] {retained, churned};
    }
    if (retainedCount >= churnedCount) {
      return new int[] {1, (int) Math.max(1, Math.round((double) retainedCount / churnedCount))};
    }
    return new int[] {(int) Math.max(1, Math.round((double) churnedCount / retainedCount)), 1};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassWeights w && w.balanced == balanced && w.retained == retained
        && w.churned == churned;
  }

  @Override
  public int hashCode() {
    return balanced ? -1 : 31 * retained + churned;
  }

  @Override
  public String toString() {
    return balanced ? "balanced" : (retained == 1 && churned == 1 ? "none"
        : String.format(Locale.ROOT, "retained %d : churned %d", retained, churned));
  }
}
