package org.crmkit.models.clv;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Options of a maximum-likelihood fit, shared by the models' fitters.
 *
 * @param maxIterations the most BFGS plus Newton iterations
 * @param maxEvaluations the most log-likelihood evaluations of the Nelder–Mead start
 * @param penalty L2 penalty λ ≥ 0 on the log parameters: the fit minimises −LL + λ Σ (ln θ_i)²,
 *     with time-scale parameters taken in the internal time unit (see {@link MaximumLikelihood})
 * @param start a start on the natural scale in the data's unit, or null for the model's default
 */
record FitOptions(int maxIterations, int maxEvaluations, double penalty, double[] start) {

  static final FitOptions DEFAULTS = new FitOptions(200, 2000, 0, null);

  FitOptions {
    Checks.positive("maxIterations", maxIterations);
    Checks.positive("maxEvaluations", maxEvaluations);
    Checks.nonNegative("penalty", penalty);
    if (start != null) {
      start = start.clone();
      for (int i = 0; i < start.length; i++) {
        Checks.positive("start[" + i + "]", start[i]);
      }
    }
  }

  FitOptions withMaxIterations(int n) {
    return new FitOptions(n, maxEvaluations, penalty, start);
  }

  FitOptions withMaxEvaluations(int n) {
    return new FitOptions(maxIterations, n, penalty, start);
  }

  FitOptions withPenalty(double lambda) {
    return new FitOptions(maxIterations, maxEvaluations, lambda, start);
  }

  FitOptions withStart(int dimension, double... s) {
    Checks.notNull("start", s);
    if (s.length != dimension) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "start must have %d values: %d", dimension, s.length));
    }
    return new FitOptions(maxIterations, maxEvaluations, penalty, s);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "maxIterations %d, maxEvaluations %d, penalty %s, start %s",
        maxIterations, maxEvaluations, penalty,
        start == null ? "default" : java.util.Arrays.toString(start));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FitOptions f && f.maxIterations == maxIterations
        && f.maxEvaluations == maxEvaluations && Double.compare(f.penalty, penalty) == 0
        && java.util.Arrays.equals(f.start, start);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(maxIterations, maxEvaluations, penalty,
        java.util.Arrays.hashCode(start));
  }
}
