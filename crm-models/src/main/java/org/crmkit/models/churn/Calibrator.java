package org.crmkit.models.churn;

/**
 * Maps a classifier's probability to a calibrated probability. Implementations are immutable and
 * thread-safe.
 */
public sealed interface Calibrator permits PlattScaling, IsotonicRegression {

  /** The calibrated probability of a raw probability {@code p} in [0, 1]. */
  double apply(double p);

  /** {@link #apply(double)} for each value; a new array. */
  default double[] apply(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = apply(p[i]);
    }
    return out;
  }
}
