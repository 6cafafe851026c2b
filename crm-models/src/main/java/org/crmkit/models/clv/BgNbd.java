package org.crmkit.models.clv;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.TimeUnits;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.model.FitReport;

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
 * <p>One class serves fitted and given models (STYLE.md sketches a separate {@code BgNbd.Fit}) so
 * that every prediction is written once.
 */
public final class BgNbd {

  static final String NAME = "BG/NBD";
  private static final String[] NAMES = {"r", "alpha", "a", "b"};
  private static final boolean MODIFIED = false;

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;
  private final ChronoUnit unit;
  private final MaximumLikelihood.Estimates estimates;

  private BgNbd(double[] theta, ChronoUnit unit, MaximumLikelihood.Estimates estimates) {
    this.r = Checks.positive("r", theta[0]);
    this.alpha = Checks.positive("alpha", theta[1]);
    this.a = Checks.positive("a", theta[2]);
    this.b = Checks.positive("b", theta[3]);
    TimeUnits.days(unit);
    this.unit = unit;
    this.estimates = estimates;
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
    return new BgNbd(new double[] {r, alpha, a, b}, unit, null);
  }

  /** Fits with default options; see {@link Fitter#fit(CustomerSummaries)}. */
  public static BgNbd fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** Fits with default options; see {@link Fitter#fit(WeightedSummaries)}. */
  public static BgNbd fit(WeightedSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
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
  public static final class Fitter extends RowsFitter<BgNbd, Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new);
    }

    /** Starts the optimiser at these values (in the data's time unit) instead of the default. */
    public Fitter withStart(double r, double alpha, double a, double b) {
      return with(options.withStart(4, r, alpha, a, b));
    }

    @Override
    BgNbd fitRows(Rows rows) {
      return BgNbd.fitRows(rows, options);
    }
  }

  private static BgNbd fitRows(Rows rows, FitOptions options) {
    MaximumLikelihood.Estimates e = BgFamily.fit(MODIFIED, NAME, NAMES, rows, options);
    return new BgNbd(e.theta(), rows.unit, e);
  }

  // ------------------------------------------------------------------ parameters and fit

  /** r, the shape of the purchase-rate gamma. */
  public double r() {
    return r;
  }

  /** α, the rate of the purchase-rate gamma, per {@link #unit()}. */
  public double alpha() {
    return alpha;
  }

  /** a, the first shape of the dropout beta. */
  public double a() {
    return a;
  }

  /** b, the second shape of the dropout beta. */
  public double b() {
    return b;
  }

  /** The time unit of α and of every time argument and result. */
  public ChronoUnit unit() {
    return unit;
  }

  /** The parameters by name, in the order r, alpha, a, b. */
  public Map<String, Double> parameters() {
    return named(new double[] {r, alpha, a, b});
  }

  /** True when the model was fitted (it then has a log-likelihood and a fit report). */
  public boolean isFitted() {
    return estimates != null;
  }

  /**
   * The maximised log-likelihood (without penalty), in the data's time unit.
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public double logLikelihood() {
    return fitted().report().logLikelihood();
  }

  /**
   * Standard errors from the inverse Hessian of the negative log-likelihood on the log scale,
   * by the delta method: se(θ) = θ se(ln θ). +∞ for every parameter when the Hessian is not
   * positive definite (see the fit report's warnings).
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public Map<String, Double> standardErrors() {
    return named(fitted().standardErrors());
  }

  /**
   * The covariance matrix of (r, α, a, b), natural scale (delta method).
   *
   * @throws IllegalStateException if not fitted, or the Hessian was not positive definite
   */
  public double[][] covariance() {
    double[][] c = fitted().covariance();
    if (c == null) {
      throw new IllegalStateException("no covariance: the Hessian at the estimates is not "
          + "positive definite; see fitReport()");
    }
    double[][] copy = new double[4][];
    for (int i = 0; i < 4; i++) {
      copy[i] = c[i].clone();
    }
    return copy;
  }

  /**
   * How the fit went.
   *
   * @throws IllegalStateException if the parameters were given, not fitted
   */
  public FitReport fitReport() {
    return fitted().report();
  }

  /** AIC = 2k − 2 LL with k = 4. @throws IllegalStateException if not fitted */
  public double aic() {
    return fitted().aic();
  }

  /** BIC = k ln n − 2 LL with k = 4, n customers. @throws IllegalStateException if not fitted */
  public double bic() {
    return fitted().bic();
  }

  private MaximumLikelihood.Estimates fitted() {
    if (estimates == null) {
      throw new IllegalStateException(
          "this BG/NBD model was built from given parameters, not fitted");
    }
    return estimates;
  }

  /**
   * The log-likelihood of one customer at these parameters (FHL 2005, eq. 6; see
   * {@link Fitter}); times in {@link #unit()}.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double logLikelihood(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.logLikelihood(MODIFIED, r, alpha, a, b, x, tx, T);
  }

  /**
   * The log-likelihood of a whole table at these parameters, in the table's unit (converted when
   * it differs from the model's): for likelihood-ratio tests and hold-out comparisons.
   */
  public double logLikelihood(WeightedSummaries summaries) {
    Rows rows = Rows.of(summaries);
    double f = Horizons.factor(unit, rows.unit);
    return BgFamily.logLikelihood(MODIFIED, new double[] {r, alpha * f, a, b}, rows, null);
  }

  /** The state: name, unit, parameters, covariance (if fitted) and fit report (if fitted). */
  public ModelState state() {
    return State.of(NAME, unit, NAMES, new double[] {r, alpha, a, b}, estimates);
  }

  /**
   * Rebuilds a model from its state.
   *
   * @throws IllegalArgumentException if the state is of another model or lacks a parameter
   */
  public static BgNbd from(ModelState state) {
    double[] theta = State.parameters(state, NAME, NAMES);
    return new BgNbd(theta, state.unit(), State.estimates(state, theta));
  }

  // ------------------------------------------------------------------ predictions

  /**
   * E[X(t)], the expected number of repeat purchases in (0, t] of a new customer (FHL 2005,
   * eq. 9): (a+b−1)/(a−1) [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))]; the value at a = 1 is the
   * limit (evaluated without cancellation; see the package notes).
   *
   * @param t the horizon in {@link #unit()}, ≥ 0
   */
  public double expectedPurchases(double t) {
    return BgFamily.expectedNew(MODIFIED, r, alpha, a, b, Predictions.horizon(t));
  }

  /** {@link #expectedPurchases(double)} for a horizon given as a period (mean Gregorian months). */
  public double expectedPurchases(Period horizon) {
    return expectedPurchases(Horizons.of(horizon, unit));
  }

  /** {@link #expectedPurchases(double)} for a horizon given as a duration (a day is 86,400 s). */
  public double expectedPurchases(Duration horizon) {
    return expectedPurchases(Horizons.of(horizon, unit));
  }

  /**
   * P(X(t) = n) for a new customer (FHL 2005, eq. 8): B(a, b+n)/B(a, b) Γ(r+n)/(Γ(r) n!)
   * (α/(α+t))^r (t/(α+t))^n + [n&gt;0] B(a+1, b+n−1)/B(a, b) [1 − (α/(α+t))^r Σ_{j&lt;n}
   * Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]; the bracket, a negative-binomial tail, is taken as the
   * regularised incomplete beta I_{t/(α+t)}(n, r) so that it keeps its precision when small.
   *
   * @param n the number of purchases, ≥ 0
   * @param t the horizon in {@link #unit()}
   */
  public double probabilityOfPurchases(int n, double t) {
    Checks.nonNegative("n", n);
    return BgFamily.pmfNew(MODIFIED, n, r, alpha, a, b, Predictions.horizon(t));
  }

  /** {@link #probabilityOfPurchases(int, double)} for a horizon given as a period. */
  public double probabilityOfPurchases(int n, Period horizon) {
    return probabilityOfPurchases(n, Horizons.of(horizon, unit));
  }

  /**
   * P(alive | x, t_x, T) = 1 / (1 + [x&gt;0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x)) (FHL 2005;
   * Fader, Hardie &amp; Lee, "Computing P(alive) using the BG/NBD model", 2008 note). 1 when
   * x = 0; evaluated from its log-odds, so it is 0 (not NaN) when the power overflows.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double probabilityAlive(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.probabilityAlive(MODIFIED, r, alpha, a, b, x, tx, T);
  }

  /** {@link #probabilityAlive(int, double, double)} for every customer of {@code summaries}. */
  public double[] probabilityAlive(CustomerSummaries summaries) {
    return table(summaries, 0, (x, tx, t, h) ->
        BgFamily.probabilityAlive(MODIFIED, r, alpha, a, b, x, tx, t));
  }

  /**
   * E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] of a customer with this
   * history (FHL 2005, eq. 10): P(alive) (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x)
   * 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))].
   *
   * @param t the horizon in {@link #unit()}
   * @throws IllegalArgumentException if an argument is negative or not finite, or t_x &gt; T
   */
  public double conditionalExpectedPurchases(int x, double tx, double T, double t) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.conditionalExpected(MODIFIED, r, alpha, a, b, x, tx, T, Predictions.horizon(t));
  }

  /** {@link #conditionalExpectedPurchases(int, double, double, double)} with a period. */
  public double conditionalExpectedPurchases(int x, double tx, double T, Period horizon) {
    return conditionalExpectedPurchases(x, tx, T, Horizons.of(horizon, unit));
  }

  /**
   * {@link #conditionalExpectedPurchases(int, double, double, double)} for every customer; the
   * summaries' t_x and T are converted to the model's unit when they differ.
   *
   * @param t the horizon in {@link #unit()}
   */
  public double[] conditionalExpectedPurchases(CustomerSummaries summaries, double t) {
    double h = Predictions.horizon(t);
    int k = MODIFIED ? 1 : 0; // dropout chances survived: x (BG/NBD) or x + 1 (MBG/NBD)
    // the 2F1 part depends on (x, T) only: once per distinct pair (ClvPointIndex)
    return ClvPointIndex.byPair(summaries, Horizons.factor(summaries.unit(), unit),
        (x, bt) -> BgFamily.expectedCount(r + x, alpha + bt, a, b + x + k, h),
        (x, tx, bt, v) -> v == 0 ? 0
            : BgFamily.probabilityAlive(MODIFIED, r, alpha, a, b, x, tx, bt) * v);
  }

  /** {@link #conditionalExpectedPurchases(CustomerSummaries, double)} with a period. */
  public double[] conditionalExpectedPurchases(CustomerSummaries summaries, Period horizon) {
    return conditionalExpectedPurchases(summaries, Horizons.of(horizon, unit));
  }

  /** {@link #conditionalExpectedPurchases(CustomerSummaries, double)} with a duration. */
  public double[] conditionalExpectedPurchases(CustomerSummaries summaries, Duration horizon) {
    return conditionalExpectedPurchases(summaries, Horizons.of(horizon, unit));
  }

  /**
   * P(Y(t) = n | x, t_x, T), the distribution of the number of purchases in (T, T+t] given the
   * history: [n=0] (1 − P(alive)) + P(alive) P_new(n; r+x, α+T, a, b+x, t), where P_new is the
   * new-customer distribution above (alive at T, the purchase rate and the dropout probability
   * have posteriors Gamma(r+x, α+T) and Beta(a, b+x)).
   */
  public double conditionalProbabilityOfPurchases(int n, int x, double tx, double T, double t) {
    Checks.nonNegative("n", n);
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.pmfConditional(MODIFIED, n, r, alpha, a, b, x, tx, T, Predictions.horizon(t));
  }

  /**
   * P(no purchase in (T, T+t] | x, t_x, T) = 1 − P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x):
   * a dead customer never buys, and a live one drops out only after a purchase, so a live one
   * makes none with the posterior probability of no Poisson event in t.
   */
  public double probabilityNoPurchase(int x, double tx, double T, double t) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.probabilityNoPurchase(MODIFIED, r, alpha, a, b, x, tx, T, Predictions.horizon(t));
  }

  /** {@link #probabilityNoPurchase(int, double, double, double)} for every customer. */
  public double[] probabilityNoPurchase(CustomerSummaries summaries, double t) {
    return table(summaries, Predictions.horizon(t), (x, tx, bt, h) ->
        BgFamily.probabilityNoPurchase(MODIFIED, r, alpha, a, b, x, tx, bt, h));
  }

  /** {@link #probabilityNoPurchase(CustomerSummaries, double)} with a period. */
  public double[] probabilityNoPurchase(CustomerSummaries summaries, Period horizon) {
    return probabilityNoPurchase(summaries, Horizons.of(horizon, unit));
  }

  /**
   * The discounted expected residual purchases (DERT; Fader, Hardie &amp; Lee 2005, JMR 42(4),
   * doi:10.1509/jmkr.2005.42.4.415): the expected number of purchases from T on, each
   * discounted to T by e^(−δt), δ = {@code discounting.continuousRate(unit())}. There is no
   * closed form for this model; it is computed as
   *
   * <pre>
   *   DERT = P(alive) ∫_0^∞ e^(−δt) (R/A) 2F1(R+1, a; a+B; −t/A) dt,
   *   R = r+x, A = α+T, B = b+x,
   * </pre>
   *
   * the integrand being the discounted purchase intensity of a customer alive at T (the
   * derivative of the conditional expectation), by adaptive Gauss–Kronrod quadrature in w = δt
   * to relative 1e-10. Over an infinite horizon, so δ must be &gt; 0.
   *
   * @throws IllegalArgumentException if the rate is 0, or the customer is invalid
   */
  public double discountedExpectedResidualPurchases(int x, double tx, double T,
      Discounting discounting) {
    Predictions.checkCustomer(x, tx, T);
    double delta = Dert.rate(discounting, unit, true);
    double pa = BgFamily.probabilityAlive(MODIFIED, r, alpha, a, b, x, tx, T);
    return pa == 0 ? 0
        : pa * Dert.bgAlive(MODIFIED, r, alpha, a, b, x, T, delta, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #discountedExpectedResidualPurchases(int, double, double, Discounting)} for every
   * customer (the integral once per distinct (x, T), in parallel).
   */
  public double[] discountedExpectedResidualPurchases(CustomerSummaries summaries,
      Discounting discounting) {
    double delta = Dert.rate(discounting, unit, true);
    return ClvPointIndex.byPair(summaries, Horizons.factor(summaries.unit(), unit),
        (x, bt) -> Dert.bgAlive(MODIFIED, r, alpha, a, b, x, bt, delta, Double.POSITIVE_INFINITY),
        (x, tx, bt, v) -> v == 0 ? 0
            : BgFamily.probabilityAlive(MODIFIED, r, alpha, a, b, x, tx, bt) * v);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Simulates {@code customers} customers observed for T each (seeded): λ ~ Gamma(r, α),
   * p ~ Beta(a, b), exponential gaps at rate λ from the first purchase at 0, dropout with
   * probability p after each repeat purchase. Ids are "1", "2", ...; the unit is the model's.
   */
  public CustomerSummaries simulate(int customers, double T, long seed) {
    Checks.positive("customers", customers);
    double[] ts = new double[customers];
    java.util.Arrays.fill(ts, Checks.nonNegative("T", T));
    return simulate(ts, seed);
  }

  /** Simulates one customer per entry of {@code T} (observation lengths, in the model's unit). */
  public CustomerSummaries simulate(double[] T, long seed) {
    return Predictions.simulate(MODIFIED, r, alpha, a, b, T, seed, unit);
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, Double> named(double[] v) {
    var m = new LinkedHashMap<String, Double>();
    for (int i = 0; i < NAMES.length; i++) {
      m.put(NAMES[i], v[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Applies {@code f} to every customer, converting times to {@code unit}. */
  private double[] table(CustomerSummaries s, double horizon, Predictions.RowFunction f) {
    return Predictions.table(s, unit, horizon, f);
  }

  @Override
  public String toString() {
    double[] theta = {r, alpha, a, b};
    if (estimates == null) {
      return Tables.given(NAME, unit, NAMES, theta);
    }
    return Tables.fit(NAME, unit, NAMES, theta, estimates.standardErrors(), estimates.report(),
        estimates.aic());
  }
}
