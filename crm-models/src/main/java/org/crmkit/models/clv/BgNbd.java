package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005, "Counting your customers the
 * easy way", Marketing Science 24(2), 275–284, doi:10.1287/mksc.1040.0098): while active a
 * customer buys at Poisson rate λ, λ ~ Gamma(r, α) across customers (α is a rate, in the model's
 * time unit); after each repeat purchase the customer drops out with probability p,
 * p ~ Beta(a, b). A customer is summarised by x (repeat purchases), t_x (time of the last purchase
 * after the first) and T (time since the first purchase), all in one {@link ChronoUnit}.
 *
 * <p>A {@code BgNbd} is either fitted ({@link #fit(CustomerSummaries)}), with a log-likelihood,
 * standard errors and a {@link FitReport}, or built from given parameters ({@link #of}); both
 * predict. Instances are immutable and thread-safe; the table predictions use all cores.
 *
 * <pre>{@code
 * var s = CustomerSummaries.of(log, LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
 * BgNbd fit = BgNbd.fit(s);
 * double n = fit.expectedPurchases(Period.ofWeeks(52));
 * double[] alive = fit.probabilityAlive(s);
 * }</pre>
 *
 * <p><b>Formulas</b> (FHL 2005 unless noted; times in {@link #unit()}):
 *
 * <ul>
 *   <li>{@link #logLikelihood(int, double, double)}, the log-likelihood of one customer (eq. 6;
 *       see {@link Fitter});
 *   <li>{@link #expectedPurchases(double)}, E[X(t)] for a new customer (eq. 9): (a+b−1)/(a−1)
 *       [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))];
 *   <li>{@link #probabilityOfPurchases(int, double)}, P(X(t) = n) for a new customer (eq. 8):
 *       B(a, b+n)/B(a, b) Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n + [n&gt;0] B(a+1,
 *       b+n−1)/B(a, b) [1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j], the bracket a
 *       negative-binomial tail;
 *   <li>{@link #probabilityAlive(int, double, double)}: P(alive | x, t_x, T) = 1 / (1 + [x&gt;0]
 *       a/(b+x−1) ((α+T)/(α+t_x))^(r+x)) (FHL 2005; Fader, Hardie &amp; Lee, "Computing
 *       P(alive) using the BG/NBD model", 2008 note), 1 when x = 0;
 *   <li>{@link #conditionalExpectedPurchases(int, double, double, double)}, E[Y(t) | x, t_x, T]
 *       (eq. 10): P(alive) (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1;
 *       t/(α+T+t))];
 *   <li>{@link #conditionalProbabilityOfPurchases(int, int, double, double, double)}:
 *       P(Y(t) = n | x, t_x, T) = [n=0] (1 − P(alive)) + P(alive) P_new(n; r+x, α+T, a, b+x,
 *       t), where P_new is the new-customer distribution above (alive at T, the purchase rate
 *       and the dropout probability have posteriors Gamma(r+x, α+T) and Beta(a, b+x));
 *   <li>{@link #discountedExpectedResidualPurchases(int, double, double, Discounting)}: the
 *       DERT integral with B = b+x;
 *   <li>{@link #simulate(int, double, long)}: λ ~ Gamma(r, α), p ~ Beta(a, b), exponential gaps
 *       at rate λ from the first purchase at 0, dropout with probability p after each repeat
 *       purchase.
 * </ul>
 *
 * <p>One class serves fitted and given models (STYLE.md sketches a separate {@code BgNbd.Fit}) so
 * that every prediction is written once; the code is shared with {@link MbgNbd}.
 */
public final class BgNbd extends BgFamilyModel {

  static final String NAME = "BG/NBD";
  private static final Variant<BgNbd> VARIANT = new Variant<>(NAME, false, BgNbd::new);

  private BgNbd(double[] theta, ChronoUnit unit, MaximumLikelihood.Estimates estimates) {
    super(VARIANT, theta, unit, estimates);
  }

  /**
   * A model with given parameters (not fitted: it has no log-likelihood or standard errors).
   *
   * @param r shape of the purchase-rate gamma, &gt; 0
   * @param alpha rate of the purchase-rate gamma, &gt; 0, per {@code unit}
   * @param a first shape of the dropout beta, &gt; 0
   * @param b second shape of the dropout beta, &gt; 0
   * @param unit the time unit of α and of every time argument
   * @throws IllegalArgumentException naming the parameter if one is not finite and &gt; 0, or the
   *     unit is not DAYS, WEEKS, MONTHS or YEARS
   */
  public static BgNbd of(double r, double alpha, double a, double b, ChronoUnit unit) {
    return VARIANT.of(r, alpha, a, b, unit);
  }

  /** Fits with default options; see {@code fit(CustomerSummaries)} of {@link Fitter}. */
  public static BgNbd fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** Fits with default options; see {@code fit(WeightedSummaries)} of {@link Fitter}. */
  public static BgNbd fit(WeightedSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
  }

  /**
   * Rebuilds a model from its state.
   *
   * @throws IllegalArgumentException if the state is of another model or lacks a parameter
   */
  public static BgNbd from(ModelState state) {
    return VARIANT.from(state);
  }

  /**
   * Fits BG/NBD by maximum likelihood. Immutable: each {@code with…} returns a new fitter, and
   * {@code fit} never changes it, so one fitter may serve many threads.
   *
   * <p>Log-likelihood of one customer (FHL 2005, eq. 6): ln L = ln Γ(r+x) − ln Γ(r) + r ln α +
   * ln[ B(a, b+x)/B(a, b) (α+T)^−(r+x) + [x&gt;0] B(a+1, b+x−1)/B(a, b) (α+t_x)^−(r+x) ], summed
   * with log-sum-exp over distinct (x, t_x, T) rows times their weights, in parallel for large
   * tables, with the analytic gradient. The optimisation runs on ln r, ln α, ln a, ln b with times
   * divided by max T / 10 (so daily and weekly data fit alike; α is transformed back, and
   * {@link #withPenalty} takes it in this internal unit); see {@link MaximumLikelihood} and
   * {@link FitReport}.
   */
  public static final class Fitter extends FamilyFitter<BgNbd, Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new, VARIANT);
    }
  }
}
