package org.crmkit.models.clv;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.TimeUnits;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * The Pareto/NBD model of repeat buying (Schmittlein, Morrison &amp; Colombo 1987, "Counting
 * your customers: who are they and what will they do next?", Management Science 33(1), 1–24,
 * doi:10.1287/mnsc.33.1.1): while alive a customer buys at Poisson rate λ, λ ~ Gamma(r, α); the
 * customer's lifetime is exponential with rate μ, μ ~ Gamma(s, β); λ and μ are independent
 * across customers, α and β are rates in the model's time unit. A customer is summarised by x
 * (repeat purchases), t_x (time of the last purchase after the first) and T (time since the
 * first purchase), all in one {@link ChronoUnit}.
 *
 * <p><b>Likelihood</b> (Fader, Hardie &amp; Lee 2005, "A note on implementing the Pareto/NBD
 * model in MATLAB", brucehardie.com):
 *
 * <pre>
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s  +  s I ],
 *   I = ∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = F(t_x) − F(T),
 * </pre>
 *
 * the first term for a customer alive at T, the second for one who died in (t_x, T]. F(u) =
 * ∫_u^∞ is the "A0" term of the note, a Gauss hypergeometric function; it is evaluated in log
 * space for α ≥ β and α &lt; β alike through a series of positive terms (see
 * {@code ParetoNbdFunctions}), I by ln F(t_x) + ln(1 − e^(ln F(T) − ln F(t_x))), and the two
 * terms by log-sum-exp, so x in the thousands, α or β near 0 and s = 1 neither overflow nor
 * lose precision. The log-likelihood has an analytic gradient; F is computed once per distinct
 * (x, t_x) and (x, T) of the data.
 *
 * <p><b>Predictions.</b> Given alive at T, λ and μ have posteriors Gamma(r+x, α+T) and
 * Gamma(s, β+T), and the exponential lifetime forgets its past; so
 *
 * <ul>
 *   <li>P(alive | x, t_x, T) = (α+T)^−(r+x) (β+T)^−s / [(α+T)^−(r+x) (β+T)^−s + s I];
 *   <li>E[X(t)] = r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)] for a new customer (SMC 1987, eq.
 *       17), and E[Y(t) | x, t_x, T] = P(alive) (r+x)(β+T) / ((α+T)(s−1)) · [1 −
 *       ((β+T)/(β+T+t))^(s−1)] (eq. 22); both are B ln(1 + t/B) times the rate at s = 1, the
 *       limit, and are evaluated as −expm1(−(s−1)L)/(s−1) so that s near 1 loses nothing;
 *   <li>P(X(t) = n) by mixing over the death time (see
 *       {@link #probabilityOfPurchases(int, double)});
 *   <li>the discounted expected residual transactions (Fader, Hardie &amp; Lee 2005, "RFM and
 *       CLV: using iso-value curves for customer base analysis", Journal of Marketing Research
 *       42(4), 415–430, doi:10.1509/jmkr.2005.42.4.415, eq. 2), with a continuous discount rate
 *       δ per unit: DERT = E[∫_0^∞ e^(−δt) λ 1{alive at T+t} dt] = P(alive) (r+x)/(α+T) · E[1/(μ
 *       + δ)], and for μ ~ Gamma(s, B), B = β + T, E[1/(μ+δ)] = B^s δ^(s−1) U(s, s, δB) with
 *       Tricomi's U(s, s, z) = e^z Γ(1−s, z). The upper incomplete gamma for the negative or
 *       zero first argument 1 − s (s ≥ 1) is our own ({@code IncompleteGamma}).
 * </ul>
 *
 * <p>A {@code ParetoNbd} is either fitted ({@link #fit(CustomerSummaries)}), with a
 * log-likelihood, standard errors and a {@link FitReport}, or built from given parameters
 * ({@link #of}); both predict. Instances are immutable and thread-safe; table predictions and
 * the likelihood use all cores.
 *
 * <pre>{@code
 * var s = CustomerSummaries.of(log, LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
 * ParetoNbd fit = ParetoNbd.fit(s);
 * double[] alive = fit.probabilityAlive(s);
 * double[] next52 = fit.conditionalExpectedPurchases(s, Period.ofWeeks(52));
 * double[] dert = fit.discountedExpectedResidualPurchases(s, Discounting.annualRate(0.15));
 * }</pre>
 */
public final class ParetoNbd extends FittedModel {

  static final String NAME = "Pareto/NBD";
  private static final String[] NAMES = {"r", "alpha", "s", "beta"};

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;
  private final ChronoUnit unit;

  private ParetoNbd(double[] theta, ChronoUnit unit, MaximumLikelihood.Estimates estimates) {
    super(NAME, NAMES, estimates);
    this.r = Checks.positive("r", theta[0]);
    this.alpha = Checks.positive("alpha", theta[1]);
    this.s = Checks.positive("s", theta[2]);
    this.beta = Checks.positive("beta", theta[3]);
    TimeUnits.days(unit);
    this.unit = unit;
  }

  /**
   * A model with given parameters (not fitted: it has no log-likelihood or standard errors).
   *
   * @param r shape of the purchase-rate gamma, &gt; 0
   * @param alpha rate of the purchase-rate gamma, &gt; 0, per {@code unit}
   * @param s shape of the dropout-rate gamma, &gt; 0
   * @param beta rate of the dropout-rate gamma, &gt; 0, per {@code unit}
   * @param unit the time unit of α, β and of every time argument
   * @throws IllegalArgumentException naming the parameter if one is not finite and &gt; 0, or the
   *     unit is not DAYS, WEEKS, MONTHS or YEARS
   */
  public static ParetoNbd of(double r, double alpha, double s, double beta, ChronoUnit unit) {
    return new ParetoNbd(new double[] {r, alpha, s, beta}, unit, null);
  }

  /** Fits with default options; see {@code fit(CustomerSummaries)} of {@link Fitter}. */
  public static ParetoNbd fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** Fits with default options; see {@code fit(WeightedSummaries)} of {@link Fitter}. */
  public static ParetoNbd fit(WeightedSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
  }

  /**
   * Fits Pareto/NBD by maximum likelihood. Immutable: each {@code with…} returns a new fitter,
   * and {@code fit} never changes it, so one fitter may serve many threads.
   *
   * <p>The log-likelihood (see the class description) is summed over distinct (x, t_x, T) rows
   * times their weights, with its analytic gradient, in parallel. The optimisation runs on
   * ln r, ln α, ln s, ln β with times divided by max T / 10 (so daily and weekly data fit alike;
   * α and β are transformed back, and {@link #withPenalty} takes them in this internal unit);
   * see {@link FitReport}. β is often poorly identified (on the CDNOW sample its standard error
   * is half its value): read the standard errors.
   */
  public static final class Fitter extends RowsFitter<ParetoNbd, Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new);
    }

    /** Starts the optimiser at these values (in the data's time unit) instead of the default. */
    public Fitter withStart(double r, double alpha, double s, double beta) {
      return with(options.withStart(4, r, alpha, s, beta));
    }

    @Override
    ParetoNbd fitRows(Rows rows) {
      return ParetoNbd.fitRows(rows, options);
    }
  }

  private static ParetoNbd fitRows(Rows rows, FitOptions options) {
    double scale = rows.timeScale();
    Rows scaled = rows.scaled(scale);
    ParetoNbdPoints all = ParetoNbdPoints.of(scaled);
    List<MaximumLikelihood.Likelihood> coarse = scaled.ladder().stream()
        .map(ParetoNbdPoints::of)
        .<MaximumLikelihood.Likelihood>map(pts -> (th, g) -> ParetoNbdFunctions.logLikelihood(th, pts, g))
        .toList();
    double sumX = 0;
    double sumT = 0;
    for (int i = 0; i < scaled.size(); i++) {
      sumX += scaled.w[i] * scaled.x[i];
      sumT += scaled.w[i] * scaled.T[i];
    }
    double n = scaled.totalWeight();
    double alpha0 = Math.max(sumT / Math.max(sumX, 1e-3 * n), 1e-3);
    double beta0 = Math.max(sumT / n, 1e-3);
    var p = new MaximumLikelihood.Problem(NAME, NAMES, new int[] {0, 1, 0, 1}, scale,
        (th, g) -> ParetoNbdFunctions.logLikelihood(th, all, g),
        coarse,
        (th, g) -> ParetoNbdFunctions.logLikelihood(th, ParetoNbdPoints.of(rows), g),
        new double[] {1, alpha0, 1, beta0}, rows.totalWeight(), rows.size());
    MaximumLikelihood.Estimates e = MaximumLikelihood.fit(p, options);
    return new ParetoNbd(e.theta(), rows.unit, e);
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

  /** s, the shape of the dropout-rate gamma. */
  public double s() {
    return s;
  }

  /** β, the rate of the dropout-rate gamma, per {@link #unit()}. */
  public double beta() {
    return beta;
  }

  /** The time unit of α, β and of every time argument and result. */
  public ChronoUnit unit() {
    return unit;
  }

  /** The parameters by name, in the order r, alpha, s, beta. */
  public Map<String, Double> parameters() {
    return named(new double[] {r, alpha, s, beta});
  }

  /**
   * The covariance matrix of (r, α, s, β), natural scale (delta method).
   *
   * @throws IllegalStateException if not fitted, or the Hessian was not positive definite
   */
  public double[][] covariance() {
    return covarianceMatrix();
  }

  /**
   * The log-likelihood of one customer at these parameters (see the class description); times
   * in {@link #unit()}.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double logLikelihood(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return ParetoNbdFunctions.logLikelihood(r, alpha, s, beta, x, tx, T);
  }

  /**
   * The log-likelihood of a whole table at these parameters, in the table's unit (converted
   * when it differs from the model's): for likelihood-ratio tests and hold-out comparisons.
   */
  public double logLikelihood(WeightedSummaries summaries) {
    Rows rows = Rows.of(summaries);
    double f = Horizons.factor(unit, rows.unit);
    double ll = ParetoNbdFunctions.logLikelihood(new double[] {r, alpha * f, s, beta * f},
        ParetoNbdPoints.of(rows), null);
    if (!Double.isFinite(ll)) {
      throw new ArithmeticException("Pareto/NBD log-likelihood not finite at " + parameters());
    }
    return ll;
  }

  /** The state: name, unit, parameters, covariance (if fitted) and fit report (if fitted). */
  public ModelState state() {
    return stateOf(unit, new double[] {r, alpha, s, beta});
  }

  /**
   * Rebuilds a model from its state.
   *
   * @throws IllegalArgumentException if the state is of another model or lacks a parameter
   */
  public static ParetoNbd from(ModelState state) {
    double[] theta = State.parameters(state, NAME, NAMES);
    return new ParetoNbd(theta, state.unit(), State.estimates(state, theta));
  }

  // ------------------------------------------------------------------ predictions

  /**
   * E[X(t)], the expected number of repeat purchases in (0, t] of a new customer (SMC 1987,
   * eq. 17): r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)]; at s = 1 the limit (r β/α) ln(1 + t/β).
   *
   * @param t the horizon in {@link #unit()}, ≥ 0
   */
  public double expectedPurchases(double t) {
    return ParetoNbdFunctions.expectedAlive(r, alpha, s, beta, Predictions.horizon(t));
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
   * P(X(t) = n) for a new customer. Mixing the Poisson count over λ and over the death time:
   *
   * <pre>
   *   P(X(t) = n) = NB(n; r, α/(α+t)) (β/(β+t))^s
   *               + Γ(r+n)/(Γ(r) n!) α^r s β^s ∫_0^t τ^n (α+τ)^−(r+n) (β+τ)^−(s+1) dτ,
   * </pre>
   *
   * NB(n; r, p) = Γ(r+n)/(Γ(r) n!) p^r (1−p)^n, the customer being alive at t with probability
   * (β/(β+t))^s or dying at τ with density s β^s (β+τ)^−(s+1) (Fader &amp; Hardie, "Deriving an
   * expression for P(X(t) = x) under the Pareto/NBD model", 2006 note). The integral is the
   * tail-integral difference for n = 0 and adaptive Gauss–Kronrod quadrature (relative 1e-12)
   * otherwise.
   *
   * @param n the number of purchases, ≥ 0
   * @param t the horizon in {@link #unit()}
   */
  public double probabilityOfPurchases(int n, double t) {
    Checks.nonNegative("n", n);
    return ParetoNbdFunctions.pmfAlive(n, r, alpha, s, beta, Predictions.horizon(t));
  }

  /** {@link #probabilityOfPurchases(int, double)} for a horizon given as a period. */
  public double probabilityOfPurchases(int n, Period horizon) {
    return probabilityOfPurchases(n, Horizons.of(horizon, unit));
  }

  /**
   * P(alive | x, t_x, T) = (α+T)^−(r+x) (β+T)^−s / [(α+T)^−(r+x) (β+T)^−s + s I] with I as in
   * the class description: the share of the likelihood that belongs to a customer alive at T.
   * Evaluated as the logistic of a log-odds, so it is 0 or 1 (never NaN) where the odds
   * overflow; 1 when t_x = T.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double probabilityAlive(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return ParetoNbdFunctions.probabilityAlive(r, alpha, s, beta, x, tx, T);
  }

  /**
   * {@link #probabilityAlive(int, double, double)} for every customer of {@code summaries}
   * (times converted to the model's unit), computing the tail integral once per distinct (x,
   * t_x) and (x, T), in parallel.
   */
  public double[] probabilityAlive(CustomerSummaries summaries) {
    return grouped(summaries).alive;
  }

  /**
   * E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] of a customer with this
   * history (SMC 1987, eq. 22): P(alive) (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)],
   * the limit P(alive) (r+x)(β+T)/(α+T) ln(1 + t/(β+T)) at s = 1.
   *
   * @param t the horizon in {@link #unit()}
   * @throws IllegalArgumentException if an argument is negative or not finite, or t_x &gt; T
   */
  public double conditionalExpectedPurchases(int x, double tx, double T, double t) {
    Predictions.checkCustomer(x, tx, T);
    return ParetoNbdFunctions.conditionalExpected(r, alpha, s, beta, x, tx, T,
        Predictions.horizon(t));
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
    return grouped(summaries).perT((x, bt) -> ParetoNbdFunctions.expectedAlive(r + x,
        alpha + bt, s, beta + bt, h), false);
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
   * history: [n=0] (1 − P(alive)) + P(alive) P_new(n; r+x, α+T, s, β+T, t), where P_new is
   * {@link #probabilityOfPurchases(int, double)} with the posterior parameters (given alive at
   * T, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T), and the exponential lifetime forgets the
   * past).
   */
  public double conditionalProbabilityOfPurchases(int n, int x, double tx, double T, double t) {
    Checks.nonNegative("n", n);
    Predictions.checkCustomer(x, tx, T);
    return ParetoNbdFunctions.pmfConditional(n, r, alpha, s, beta, x, tx, T,
        Predictions.horizon(t));
  }

  /**
   * P(no purchase in (T, T+t] | x, t_x, T) = 1 − P(alive) + P(alive) P_new(0; r+x, α+T, s,
   * β+T, t): a dead customer never buys; a live one buys nothing in t if the Poisson process
   * (stopped at death) has no event.
   */
  public double probabilityNoPurchase(int x, double tx, double T, double t) {
    return conditionalProbabilityOfPurchases(0, x, tx, T, t);
  }

  /** {@link #probabilityNoPurchase(int, double, double, double)} for every customer. */
  public double[] probabilityNoPurchase(CustomerSummaries summaries, double t) {
    double h = Predictions.horizon(t);
    return grouped(summaries).perT((x, bt) -> ParetoNbdFunctions.pmfAlive(0, r + x, alpha + bt,
        s, beta + bt, h), true);
  }

  /**
   * The discounted expected residual purchases (DERT; Fader, Hardie &amp; Lee 2005, JMR 42(4),
   * doi:10.1509/jmkr.2005.42.4.415, eq. 2) with continuous discounting at δ per unit (δ =
   * {@code discounting.continuousRate(unit())}):
   *
   * <pre>
   *   DERT = P(alive) · (r+x)/(α+T) · (β+T)^s δ^(s−1) U(s, s, δ(β+T)),
   *   U(s, s, z) = e^z Γ(1−s, z),
   * </pre>
   *
   * the expected number of purchases from T on, each discounted to T by e^(−δ t). It is
   * P(alive) (r+x)/(α+T) K/δ with K = z^s U(s, s, z) ∈ (0, 1) computed without overflow. Over
   * an infinite horizon, so δ must be &gt; 0.
   *
   * @throws IllegalArgumentException if the rate is 0, or the customer is invalid
   */
  public double discountedExpectedResidualPurchases(int x, double tx, double T,
      Discounting discounting) {
    Predictions.checkCustomer(x, tx, T);
    double delta = rate(discounting);
    return ParetoNbdFunctions.dert(r, alpha, s, beta, x, tx, T, delta);
  }

  /**
   * {@link #discountedExpectedResidualPurchases(int, double, double, Discounting)} for every
   * customer of {@code summaries}.
   */
  public double[] discountedExpectedResidualPurchases(CustomerSummaries summaries,
      Discounting discounting) {
    double delta = rate(discounting);
    return grouped(summaries).perT((x, bt) -> ParetoNbdFunctions.dertAlive(r + x, alpha + bt, s,
        beta + bt, delta), false);
  }

  private double rate(Discounting discounting) {
    return Dert.rate(discounting, unit, true);
  }

  /** Beyond this spread of log-terms within one x the linear-scale path could underflow. */
  private static final double LINEAR_SPREAD = 600;

  /**
   * A table's customers grouped by distinct (x, t_x) and (x, T) pairs, with P(alive) per
   * customer: the tail integral once per pair, in parallel.
   */
  private static final class Grouped {
    final ClvPointIndex.Grouped g;
    final double[] alive;

    Grouped(ClvPointIndex.Grouped g, double[] alive) {
      this.g = g;
      this.alive = alive;
    }

    /**
     * Per customer: P(alive) f(x, T) (or, with {@code dead}, 1 − P(alive) + P(alive) f), f
     * evaluated once per distinct (x, T).
     */
    double[] perT(ClvPointIndex.PairFunction f, boolean dead) {
      ClvPointIndex pts = g.points();
      int[] it = g.bigT();
      boolean[] isT = new boolean[pts.size];
      for (int j : it) {
        isT[j] = true;
      }
      double[] values = new double[pts.size];
      RowSums.forEach(pts.size, j -> values[j] = isT[j] ? f.apply(pts.x[j], pts.u[j]) : 0);
      double[] out = new double[alive.length];
      RowSums.forEach(out.length, i -> {
        double pa = alive[i];
        double v = pa == 0 ? 0 : pa * values[it[i]];
        out[i] = dead ? (1 - pa) + v : v;
      });
      return out;
    }
  }

  /**
   * Groups the customers and computes P(alive) = A(T) / (A(T) + s (F(t_x) − F(T))), A(u) =
   * (α+u)^−(r+x) (β+u)^−s, F the tail integral: F and A once per distinct (x, u), scaled within
   * each x by e^−max and kept in linear scale when their logs span less than 600 (then a
   * customer costs no logarithm or exponential), else in log space.
   */
  private Grouped grouped(CustomerSummaries summaries) {
    Checks.notNull("summaries", summaries);
    double k = Horizons.factor(summaries.unit(), unit);
    ClvPointIndex.Grouped g = ClvPointIndex.group(summaries, k, true);
    ClvPointIndex pts = g.points();
    int np = pts.size;
    double[] lnF = new double[np];
    double[] t1 = new double[np];
    RowSums.forEach(np, j -> {
      double u = pts.u[j];
      lnF[j] = ParetoNbdFunctions.lnTail(r + pts.x[j], alpha, s + 1, beta, u, null, 0);
      t1[j] = -(r + pts.x[j]) * Math.log(alpha + u) - s * Math.log(beta + u);
    });
    int maxX = 0;
    for (int j = 0; j < np; j++) {
      maxX = Math.max(maxX, pts.x[j]);
    }
    boolean scalable = maxX <= 4L * np + 1024;
    double[] hi = new double[scalable ? maxX + 1 : 0];
    double[] lo = new double[hi.length];
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    double[] fs = new double[np];
    double[] as = new double[np];
    if (scalable) {
      for (int j = 0; j < np; j++) {
        int x = pts.x[j];
        hi[x] = Math.max(hi[x], Math.max(lnF[j], t1[j]));
        lo[x] = Math.min(lo[x], Math.min(lnF[j], t1[j]));
      }
      RowSums.forEach(np, j -> {
        int x = pts.x[j];
        if (hi[x] - lo[x] < LINEAR_SPREAD) {
          fs[j] = Math.exp(lnF[j] - hi[x]);
          as[j] = Math.exp(t1[j] - hi[x]);
        }
      });
    }
    double lns = Math.log(s);
    double[] alive = new double[summaries.size()];
    int[] it = g.bigT();
    int[] ix = g.tx();
    RowSums.forEach(alive.length, i -> {
      int jt = it[i];
      int jx = ix[i];
      int x = summaries.x(i);
      if (scalable && hi[x] - lo[x] < LINEAR_SPREAD) {
        double diff = jx == jt ? 0 : Math.max(fs[jx] - fs[jt], 0);
        alive[i] = as[jt] / (as[jt] + s * diff);
      } else {
        double t2 = jt == jx ? Double.NEGATIVE_INFINITY
            : lns + ParetoNbdFunctions.lnDifference(lnF[jx], lnF[jt]);
        alive[i] = SpecialFunctions.inverseOnePlusExp(t2 - t1[jt]);
      }
    });
    return new Grouped(g, alive);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Simulates {@code customers} customers observed for T each (seeded): λ ~ Gamma(r, α),
   * μ ~ Gamma(s, β), an exponential lifetime at rate μ from the first purchase at 0, exponential
   * gaps at rate λ while alive. Ids are "1", "2", ...; the unit is the model's.
   */
  public CustomerSummaries simulate(int customers, double T, long seed) {
    Checks.positive("customers", customers);
    double[] ts = new double[customers];
    java.util.Arrays.fill(ts, Checks.nonNegative("T", T));
    return simulate(ts, seed);
  }

  /** Simulates one customer per entry of {@code T} (observation lengths, in the model's unit). */
  public CustomerSummaries simulate(double[] T, long seed) {
    Checks.notNull("T", T);
    for (int i = 0; i < T.length; i++) {
      Checks.nonNegative("T[" + i + "]", T[i]);
    }
    double[][] xt = ParetoNbdFunctions.simulate(r, alpha, s, beta, T, seed);
    int n = T.length;
    String[] ids = new String[n];
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i + 1);
      x[i] = (int) xt[0][i];
    }
    return CustomerSummaries.ofColumns(ids, x, xt[1], T.clone(), unit);
  }

  // ------------------------------------------------------------------ helpers

  @Override
  public String toString() {
    return describe(unit, new double[] {r, alpha, s, beta});
  }
}
