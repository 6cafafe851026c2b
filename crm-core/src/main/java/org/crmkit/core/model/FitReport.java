package org.crmkit.core.model;

import java.util.List;
import java.util.Locale;

/**
 * How a maximum-likelihood fit went. A fit's estimates are never shown without this report, and
 * its {@link #toString()} starts with the converged flag.
 *
 * @param converged true when the final Hessian of the negative log-likelihood (on the log scale of
 *     the parameters) is positive definite, the Newton decrement g'H⁻¹g is below 1e-8 and no
 *     parameter ran to a bound
 * @param iterations BFGS plus Newton iterations (the Nelder–Mead start is counted in
 *     {@code evaluations} only)
 * @param evaluations evaluations of the log-likelihood, with or without gradient, in all stages
 *     including the Hessian
 * @param optimizer the optimizer's stages
 * @param gradientNorm the largest absolute component of the gradient of the objective with
 *     respect to the log parameters, at the end
 * @param logLikelihood the log-likelihood at the estimates, without the penalty, in the data's
 *     own units
 * @param penalty the L2 penalty coefficient λ (0 for none); the objective was
 *     −LL + λ Σ (ln θ_i)²
 * @param timeScale the factor the times (or amounts) were divided by during the fit; estimates
 *     are reported back in the data's unit
 * @param customers the number of customers (sum of the weights)
 * @param rows the number of distinct rows the likelihood was summed over
 * @param warnings what the caller should know: non-convergence reasons, parameters at a bound
 */
public record FitReport(boolean converged, int iterations, int evaluations, String optimizer,
    double gradientNorm, double logLikelihood, double penalty, double timeScale,
    double customers, int rows, List<String> warnings) {

  /** Copies the warnings. */
  public FitReport {
    warnings = List.copyOf(warnings);
  }

  /** "converged (23 iterations)" or "NOT CONVERGED (200 iterations)". */
  public String status() {
    return String.format(Locale.ROOT, "%s (%d iterations)", converged ? "converged"
        : "NOT CONVERGED", iterations);
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "FitReport: %s, %d evaluations, %s, |gradient| %.2e, log-likelihood %.4f, "
            + "%,.0f customers in %,d rows, time scale %.4g%s",
        status(), evaluations, optimizer, gradientNorm, logLikelihood, customers, rows,
        timeScale, penalty > 0 ? String.format(Locale.ROOT, ", L2 penalty %.4g", penalty) : ""));
    for (String w : warnings) {
      sb.append(System.lineSeparator()).append("  warning: ").append(w);
    }
    return sb.toString();
  }
}
