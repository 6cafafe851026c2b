package org.crmkit.models.churn;

/** A fitted learner: raw P(churn) for rows of features in the model's column order. */
interface Scorer {

  /** Raw churn probabilities, one per row. */
  double[] predict(double[][] rows);

  /** Per-feature importance reported by the learner itself, or null. */
  default double[] nativeImportance() {
    return null;
  }

  /** Coefficients (intercept last) on the original feature scale, or null. */
  default double[] coefficients() {
    return null;
  }
}
