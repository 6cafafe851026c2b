package org.crmkit.models.churn;

/**
 * How a {@link ChurnClassifier} calibrates its probabilities: the calibrator is fitted on
 * out-of-fold probabilities from a stratified k-fold split of the training data (the classifier
 * refitted on k − 1 folds, each fold predicted once), and the final classifier is then fitted on
 * all the data; scikit-learn's {@code CalibratedClassifierCV(ensemble=False)} does the same.
 */
public enum Calibration {
  /** The classifier's own probabilities. */
  NONE,
  /** {@link PlattScaling}: a logistic curve on the logit of the probability. */
  PLATT,
  /** {@link IsotonicRegression}: a non-decreasing step function (pool adjacent violators). */
  ISOTONIC
}
