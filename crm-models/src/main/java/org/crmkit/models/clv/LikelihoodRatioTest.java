package org.crmkit.models.clv;

import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.crmkit.core.Checks;
import org.crmkit.core.model.ModelState;

/**
 * A likelihood-ratio test between nested models fitted to the same data: the statistic
 * Λ = 2 (LL_full − LL_restricted) is asymptotically χ² with df = the number of parameters the
 * restriction removes (Wilks 1938, doi:10.1214/aoms/1177732360), and p = P(χ²_df ≥ Λ) =
 * Q(df/2, Λ/2), the regularised upper incomplete gamma.
 *
 * <p>Nested means the restricted model is the full one with some parameters fixed, in the
 * interior of the parameter space. When the restriction puts a parameter on the boundary (the
 * NBD as a Pareto/NBD without dropout, μ = 0, or a BG/NBD whose dropout probability is 0),
 * Λ is asymptotically a mixture of χ² laws and this p-value is conservative: for one parameter
 * on the boundary the correct one is half of it (Self &amp; Liang 1987,
 * doi:10.1080/01621459.1987.10478472). Models that are not nested (BG/NBD and Pareto/NBD) are
 * compared by AIC or BIC instead.
 *
 * @param statistic Λ = 2 (LL_full − LL_restricted) ≥ 0
 * @param degreesOfFreedom df ≥ 1
 * @param pValue P(χ²_df ≥ Λ)
 */
public record LikelihoodRatioTest(double statistic, int degreesOfFreedom, double pValue) {

  /** Checks the components. */
  public LikelihoodRatioTest {
    Checks.nonNegative("statistic", statistic);
    Checks.positive("degrees of freedom", degreesOfFreedom);
    Checks.inRange("p-value", pValue, 0, 1);
  }

  /**
   * The test from the two maximised log-likelihoods. A restricted log-likelihood above the full
   * one by no more than 1e-6 (1 + |LL|) (optimiser tolerance) gives Λ = 0, p = 1.
   *
   * @throws IllegalArgumentException if a log-likelihood is not finite, df &lt; 1, or the
   *     restricted model fits clearly better (then the models are not nested, or a fit did not
   *     converge)
   */
  public static LikelihoodRatioTest of(double restrictedLogLikelihood,
      double fullLogLikelihood, int degreesOfFreedom) {
    Checks.finite("restricted log-likelihood", restrictedLogLikelihood);
    Checks.finite("full log-likelihood", fullLogLikelihood);
    Checks.positive("degrees of freedom", degreesOfFreedom);
    double stat = 2 * (fullLogLikelihood - restrictedLogLikelihood);
    if (stat < 0) {
      if (-stat > 2e-6 * (1 + Math.abs(fullLogLikelihood))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the restricted model's log-likelihood (%s) exceeds the full model's (%s): the "
                + "models are not nested, or a fit did not converge", restrictedLogLikelihood,
            fullLogLikelihood));
      }
      stat = 0;
    }
    double p = stat == 0 ? 1 : Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, stat / 2);
    return new LikelihoodRatioTest(stat, degreesOfFreedom, Math.min(1, Math.max(0, p)));
  }

  /**
   * The test between two fitted models' states, df = the difference in their numbers of
   * parameters.
   *
   * @throws IllegalArgumentException if a state has no fit report, the restricted model does not
   *     have fewer parameters, or the fits cover different numbers of customers
   */
  public static LikelihoodRatioTest of(ModelState restricted, ModelState full) {
    Checks.notNull("restricted", restricted);
    Checks.notNull("full", full);
    if (restricted.report() == null || full.report() == null) {
      throw new IllegalArgumentException("both models must be fitted (their states carry a fit "
          + "report with the log-likelihood)");
    }
    int df = full.parameters().size() - restricted.parameters().size();
    if (df < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the restricted model (%s, %d parameters) must have fewer parameters than the full "
              + "one (%s, %d)", restricted.model(), restricted.parameters().size(), full.model(),
          full.parameters().size()));
    }
    if (restricted.report().customers() != full.report().customers()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the models were fitted to different data: %s and %s customers",
          restricted.report().customers(), full.report().customers()));
    }
    return of(restricted.report().logLikelihood(), full.report().logLikelihood(), df);
  }

  /** "LR test: statistic 337.42, df 2, p 4.8e-74". */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LR test: statistic %.4g, df %d, p %.3g", statistic,
        degreesOfFreedom, pValue);
  }
}
