package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * The MBG/NBD model of repeat buying (Batislam, Denizel &amp; Filiztekin 2007, "Empirical
 * validation and comparison of models for customer base analysis", International Journal of
 * Research in Marketing 24(3), 201–209, doi:10.1016/j.ijresmar.2006.12.005): BG/NBD
 * ({@link BgNbd}; Fader, Hardie &amp; Lee 2005, doi:10.1287/mksc.1040.0098) except that a customer
 * may also drop out at time 0, right after the first purchase. While active a customer buys at
 * Poisson rate λ, λ ~ Gamma(r, α) (α a rate in the model's time unit); at time 0 and after each
 * repeat purchase the customer drops out with probability p, p ~ Beta(a, b). So a customer with
 * no repeat purchase may be dead, and P(alive | x = 0) &lt; 1, unlike BG/NBD. A customer is
 * summarised by x (repeat purchases), t_x (time of the last purchase after the first) and T
 * (time since the first purchase), all in one {@link ChronoUnit}.
 *
 * <p>An {@code MbgNbd} is either fitted ({@link #fit(CustomerSummaries)}), with a log-likelihood,
 * standard errors and a {@link FitReport}, or built from given parameters ({@link #of}); both
 * predict. Instances are immutable and thread-safe; the table predictions use all cores.
 *
 * <pre>{@code
 * var s = CustomerSummaries.of(log, LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
 * MbgNbd fit = MbgNbd.fit(s);
 * double n = fit.expectedPurchases(Period.ofWeeks(52));
 * double[] alive = fit.probabilityAlive(s);
 * }</pre>
 *
 * <p><b>Formulas</b> (Batislam et al. 2007 unless noted; times in {@link #unit()}):
 *
 * <ul>
 *   <li>{@link #logLikelihood(int, double, double)}, the log-likelihood of one customer (see
 *       {@link Fitter});
 *   <li>{@link #expectedPurchases(double)}, E[X(t)] for a new customer: b/(a−1) [1 −
 *       (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))], that is b/(a+b) times the BG/NBD expectation
 *       with b+1 for b (the customer survives time 0 with probability b/(a+b), and then
 *       p ~ Beta(a, b+1));
 *   <li>{@link #probabilityOfPurchases(int, double)}, P(X(t) = n) for a new customer:
 *       B(a, b+n+1)/B(a, b) Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n + B(a+1, b+n)/B(a, b)
 *       [1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j] (derived here from the model
 *       as for BG/NBD, FHL 2005 eq. 8: X(t) = min(N(t), J) with P(J = j) = p (1−p)^j, j ≥ 0);
 *   <li>{@link #probabilityAlive(int, double, double)}: P(alive | x, t_x, T) = 1 / (1 +
 *       a/(b+x) ((α+T)/(α+t_x))^(r+x)), also for x = 0 (then t_x = 0);
 *   <li>{@link #conditionalExpectedPurchases(int, double, double, double)}, E[Y(t) | x, t_x, T]:
 *       P(alive) (a+b+x)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x;
 *       t/(α+T+t))];
 *   <li>{@link #conditionalProbabilityOfPurchases(int, int, double, double, double)}:
 *       P(Y(t) = n | x, t_x, T) = [n=0] (1 − P(alive)) + P(alive) P_BG(n; r+x, α+T, a, b+x+1,
 *       t), where P_BG is the BG/NBD new-customer distribution (alive at T, the customer has
 *       survived x+1 dropout chances: the purchase rate and the dropout probability have
 *       posteriors Gamma(r+x, α+T) and Beta(a, b+x+1), and from T on dropouts happen only after
 *       purchases);
 *   <li>{@link #discountedExpectedResidualPurchases(int, double, double, Discounting)}: the
 *       DERT integral with B = b+x+1;
 *   <li>{@link #simulate(int, double, long)}: λ ~ Gamma(r, α), p ~ Beta(a, b), dropout with
 *       probability p at time 0, then exponential gaps at rate λ and dropout with probability p
 *       after each repeat purchase.
 * </ul>
 *
 * <p>Fitted and given models are one class, as for {@link BgNbd}, with which the code is shared.
 */
public final class MbgNbd extends BgFamilyModel {

  static final String NAME = "MBG/NBD";
  private static final Variant<MbgNbd> VARIANT = new Variant<>(NAME, true, MbgNbd::new);

  private MbgNbd(double[] theta, ChronoUnit unit, MaximumLikelihood.Estimates estimates) {
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
  public static MbgNbd of(double r, double alpha, double a, double b, ChronoUnit unit) {
    return VARIANT.of(r, alpha, a, b, unit);
  }

  /** Fits with default options; see {@code fit(CustomerSummaries)} of {@link Fitter}. */
  public static MbgNbd fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** Fits with default options; see {@code fit(WeightedSummaries)} of {@link Fitter}. */
  public static MbgNbd fit(WeightedSummaries summaries) {
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
  public static MbgNbd from(ModelState state) {
    return VARIANT.from(state);
  }

  /**
   * Fits MBG/NBD by maximum likelihood. Immutable: each {@code with…} returns a new fitter, and
   * {@code fit} never changes it, so one fitter may serve many threads.
   *
   * <p>Log-likelihood of one customer (Batislam et al. 2007): ln L = ln Γ(r+x) − ln Γ(r) + r ln α
   * + ln[ B(a, b+x+1)/B(a, b) (α+T)^−(r+x) + B(a+1, b+x)/B(a, b) (α+t_x)^−(r+x) ], summed
   * with log-sum-exp over distinct (x, t_x, T) rows times their weights, in parallel for large
   * tables, with the analytic gradient. The optimisation runs on ln r, ln α, ln a, ln b with times
   * divided by max T / 10 (so daily and weekly data fit alike; α is transformed back, and
   * {@link #withPenalty} takes it in this internal unit); see {@link MaximumLikelihood} and
   * {@link FitReport}.
   */
  public static final class Fitter extends FamilyFitter<MbgNbd, Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new, VARIANT);
    }
  }
}
