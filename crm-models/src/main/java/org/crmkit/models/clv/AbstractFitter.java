package org.crmkit.models.clv;

import java.util.function.Function;

/**
 * The option setters shared by the models' fitters: each model's public {@code Fitter} extends
 * this with its own {@code withStart} and {@code fit} methods, and inherits these (they return
 * the model's own {@code Fitter} type). Immutable: every {@code with…} returns a new fitter.
 *
 * @param <F> the model's fitter type
 */
abstract class AbstractFitter<F extends AbstractFitter<F>> {

  final FitOptions options;
  private final Function<FitOptions, F> make;

  /**
   * @param options the options of this fitter
   * @param make a fitter of the same model with other options (the fitter's constructor)
   */
  AbstractFitter(FitOptions options, Function<FitOptions, F> make) {
    this.options = options;
    this.make = make;
  }

  /** A fitter of the same model with these options. */
  final F with(FitOptions o) {
    return make.apply(o);
  }

  /** At most {@code n} BFGS plus Newton iterations (default 200). */
  public F withMaxIterations(int n) {
    return with(options.withMaxIterations(n));
  }

  /** At most {@code n} log-likelihood evaluations for the Nelder–Mead start (default 2,000). */
  public F withMaxEvaluations(int n) {
    return with(options.withMaxEvaluations(n));
  }

  /**
   * Adds λ Σ (ln θ_i)² over the parameters θ_i to the negative log-likelihood (default 0).
   * Parameters with a time or money scale are taken in the fit's internal unit (see the
   * fitter's description), so the penalty does not depend on the data's unit.
   */
  public F withPenalty(double lambda) {
    return with(options.withPenalty(lambda));
  }

  /** The fitter and its options, as {@code "<Model>.Fitter: maxIterations 200, ..."}. */
  @Override
  public String toString() {
    return getClass().getEnclosingClass().getSimpleName() + "." + getClass().getSimpleName()
        + ": " + options;
  }
}
