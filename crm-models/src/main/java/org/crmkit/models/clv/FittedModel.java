package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;

/**
 * What every maximum-likelihood model of the package shares: its name (as in its
 * {@link ModelState}), its parameter names and, when fitted, its estimates; the public methods
 * about the fit ({@link #isFitted()}, {@link #logLikelihood()}, {@link #standardErrors()},
 * {@link #fitReport()}, {@link #aic()}, {@link #bic()}) are written once here, and Javadoc shows
 * them as each public subclass's own. A model built from given parameters has no estimates, and
 * these methods (but {@code isFitted}) then throw.
 *
 * <p>{@code covariance()} is not public here: the models that have it (BG/NBD, MBG/NBD,
 * Pareto/NBD, BG/BB) declare it with their own parameter order and call
 * {@link #covarianceMatrix()}. The comments below hold for every model; what a model counts as
 * a customer (the n of BIC) is in its class description where it is not plain.
 */
abstract sealed class FittedModel
    permits BgFamilyModel, ParetoNbd, BgBb, GammaGamma, ShiftedBetaGeometric {

  private final String name;
  private final String[] names;
  private final MaximumLikelihood.Estimates estimates;

  /**
   * @param name the model's name, as in its state and its exception messages
   * @param names the parameter names, in the order of the estimates (not copied: a constant)
   * @param estimates the fit, or null for given parameters
   */
  FittedModel(String name, String[] names, MaximumLikelihood.Estimates estimates) {
    this.name = name;
    this.names = names;
    this.estimates = estimates;
  }

  /** The model's name, as in its {@link ModelState}: "BG/NBD", "Pareto/NBD", "sBG", .... */
  final String name() {
    return name;
  }

  /** True when the model was fitted (it then has a log-likelihood and a fit report). */
  public boolean isFitted() {
    return estimates != null;
  }

  /**
   * The maximised log-likelihood (without penalty), evaluated on the data as given (in their
   * own time unit or currency, not the fit's internal scale).
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public double logLikelihood() {
    return fitted().report().logLikelihood();
  }

  /**
   * Standard errors by name, in the order of {@code parameters()}: from the inverse Hessian of
   * the negative log-likelihood on the log scale, by the delta method, se(θ) = θ se(ln θ); +∞
   * for every parameter when the Hessian is not positive definite (see the fit report's
   * warnings).
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public Map<String, Double> standardErrors() {
    return named(fitted().standardErrors());
  }

  /**
   * How the fit went.
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public FitReport fitReport() {
    return fitted().report();
  }

  /**
   * AIC = 2k − 2 LL, k the number of parameters and LL the {@link #logLikelihood()}.
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public double aic() {
    return fitted().aic();
  }

  /**
   * BIC = k ln n − 2 LL, k the number of parameters, LL the {@link #logLikelihood()} and n =
   * {@code fitReport().customers()}, the customers the model was fitted to (see the class
   * description where it says which count).
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public double bic() {
    return fitted().bic();
  }

  /**
   * A copy of the covariance matrix of the parameters (natural scale, delta method), in the
   * order of the parameter names: the body of the public {@code covariance()} of the models
   * that have one.
   *
   * @throws IllegalStateException if not fitted, or the Hessian was not positive definite
   */
  final double[][] covarianceMatrix() {
    double[][] c = fitted().covariance();
    if (c == null) {
      throw new IllegalStateException("no covariance: the Hessian at the estimates is not "
          + "positive definite; see fitReport()");
    }
    double[][] copy = new double[c.length][];
    for (int i = 0; i < c.length; i++) {
      copy[i] = c[i].clone();
    }
    return copy;
  }

  /** {@code v} by parameter name, in the order of the names; unmodifiable. */
  final Map<String, Double> named(double[] v) {
    var m = new LinkedHashMap<String, Double>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], v[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The state of a model with these parameters (and the estimates' covariance and report). */
  final ModelState stateOf(ChronoUnit unit, double[] theta) {
    return State.of(name, unit, names, theta, estimates);
  }

  /** The text of {@code toString()}: the fit's table, or the given parameters on one line. */
  final String describe(ChronoUnit unit, double[] theta) {
    if (estimates == null) {
      return Tables.given(name, unit, names, theta);
    }
    return Tables.fit(name, unit, names, theta, estimates.standardErrors(), estimates.report(),
        estimates.aic());
  }

  private MaximumLikelihood.Estimates fitted() {
    if (estimates == null) {
      throw new IllegalStateException(
          "this " + name + " model was built from given parameters, not fitted");
    }
    return estimates;
  }
}
