package org.crmkit.models.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.model.FitReport;

/**
 * Maximum-likelihood estimation shared by the CLV models.
 *
 * <p><b>Parameterisation.</b> Every parameter θ_i &gt; 0 is optimised as u_i = ln θ_i, so the
 * optimiser is unconstrained; |u_i| &gt; {@value Optimizer#BOUND} is outside the domain, and a
 * parameter whose |ln θ| ends above 20 is reported as having run to a bound (the fit is then not
 * converged). The optional penalty adds λ Σ u_i² to −LL.
 *
 * <p><b>Internal time scale.</b> Before the fit, times (or amounts) are divided by a scale s so
 * that the data are O(10) whatever the unit (days or weeks): a parameter with scale exponent e
 * (α of BG/NBD: e = 1) is estimated as θ' = θ / s^e and reported back as θ = θ' s^e. Daily and
 * weekly data therefore run the same optimisation and give the same estimates up to rounding. The
 * log-likelihood is reported in the data's own units (evaluated on the unscaled data).
 *
 * <p><b>Uncertainty.</b> The covariance of u is the inverse of the Hessian H of the objective at
 * the optimum (central differences of the analytic gradient); on the natural scale
 * Cov(θ_i, θ_j) = θ_i θ_j Cov(u_i, u_j) (delta method). With a penalty this is the Hessian of the
 * penalised objective. If H is not positive definite there is no covariance.
 */
final class MaximumLikelihood {

  private MaximumLikelihood() {}

  /** A log-likelihood on the natural scale, with its gradient dLL/dθ. */
  @FunctionalInterface
  interface Likelihood {
    /**
     * LL(θ); writes dLL/dθ into {@code gradient} when not null. May return −∞ or NaN outside its
     * domain (the caller treats both as "no likelihood").
     */
    double logLikelihood(double[] theta, double[] gradient);
  }

  /**
   * A fitting problem.
   *
   * @param model the model's name
   * @param names parameter names
   * @param scaleExponents per parameter, the power of the scale it carries
   * @param scale the factor the data were divided by (1 for none)
   * @param scaled the likelihood on the scaled data
   * @param coarse cheaper likelihoods on subsamples of the scaled data, coarsest first (empty
   *     for none): the Nelder–Mead start runs on the first, then BFGS on each in turn, each
   *     handing its optimum and curvature to the next, so the whole table is evaluated only
   *     for the last few BFGS steps and the Hessian
   * @param original the likelihood on the data as given
   * @param start default start on the scaled natural scale
   * @param customers number of customers (sum of weights)
   * @param rows number of distinct rows
   */
  record Problem(String model, String[] names, int[] scaleExponents, double scale,
      Likelihood scaled, List<Likelihood> coarse, Likelihood original, double[] start,
      double customers, int rows) {}

  /**
   * Fitted values.
   *
   * @param theta estimates on the natural scale, in the data's unit
   * @param covariance their covariance (natural scale), or null when the Hessian is not
   *     positive definite
   * @param report how the fit went
   */
  record Estimates(double[] theta, double[][] covariance, FitReport report) {

    double[] standardErrors() {
      double[] se = new double[theta.length];
      for (int i = 0; i < se.length; i++) {
        se[i] = covariance == null ? Double.POSITIVE_INFINITY : Math.sqrt(covariance[i][i]);
      }
      return se;
    }

    double aic() {
      return 2 * theta.length - 2 * report.logLikelihood();
    }

    double bic() {
      return theta.length * Math.log(report.customers()) - 2 * report.logLikelihood();
    }
  }

  /** Builds the objective −LL(e^u) + λ Σ u². */
  static Objective objective(Likelihood ll, int dim, double penalty) {
    return new Objective() {
      @Override
      public int dimension() {
        return dim;
      }

      @Override
      public double value(double[] u, double[] gradient) {
        double[] theta = new double[dim];
        for (int i = 0; i < dim; i++) {
          theta[i] = Math.exp(u[i]);
        }
        double v = ll.logLikelihood(theta, gradient);
        if (!(v < Double.POSITIVE_INFINITY) || Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
          return Double.POSITIVE_INFINITY;
        }
        double f = -v;
        for (int i = 0; i < dim; i++) {
          f += penalty * u[i] * u[i];
          if (gradient != null) {
            gradient[i] = -theta[i] * gradient[i] + 2 * penalty * u[i];
          }
        }
        return f;
      }
    };
  }

  /** Fits {@code p} with options {@code o}. */
  static Estimates fit(Problem p, FitOptions o) {
    int dim = p.names().length;
    double[] u0 = new double[dim];
    for (int i = 0; i < dim; i++) {
      double start = o.start() == null ? p.start()[i]
          : o.start()[i] / Math.pow(p.scale(), p.scaleExponents()[i]);
      u0[i] = Math.log(start);
    }
    Objective f = objective(p.scaled(), dim, o.penalty());
    List<Objective> coarse = new ArrayList<>();
    for (Likelihood c : p.coarse()) {
      coarse.add(objective(c, dim, o.penalty()));
    }
    Optimizer.Result r = Optimizer.minimise(f, coarse, u0, o.maxIterations(),
        o.maxEvaluations());
    double[] theta = new double[dim];
    List<String> warnings = new ArrayList<>(r.warnings());
    boolean converged = r.converged();
    for (int i = 0; i < dim; i++) {
      theta[i] = Math.exp(r.u()[i]) * Math.pow(p.scale(), p.scaleExponents()[i]);
      if (Math.abs(r.u()[i]) > 20) {
        converged = false;
        warnings.add(String.format(Locale.ROOT,
            "parameter %s ran to a bound (%s = %.4g): the maximum may lie on the boundary of "
                + "the parameter space, or the data cannot identify %s", p.names()[i],
            p.names()[i], theta[i], p.names()[i]));
      }
    }
    double[][] cov = null;
    if (r.hessianPositiveDefinite()) {
      double[][] inv = Optimizer.inverse(r.hessian());
      if (inv != null) {
        cov = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
          for (int j = 0; j < dim; j++) {
            cov[i][j] = theta[i] * theta[j] * inv[i][j];
          }
        }
      }
    }
    double ll = p.original().logLikelihood(theta, null);
    if (!Double.isFinite(ll)) {
      throw new ArithmeticException(p.model() + ": log-likelihood not finite at the estimates "
          + java.util.Arrays.toString(theta));
    }
    double gnorm = 0;
    for (double g : r.gradient()) {
      gnorm = Math.max(gnorm, Math.abs(g));
    }
    var report = new FitReport(converged, r.iterations(), r.evaluations() + 1, Optimizer.NAME,
        gnorm, ll, o.penalty(), p.scale(), p.customers(), p.rows(), warnings);
    return new Estimates(theta, cov, report);
  }
}
