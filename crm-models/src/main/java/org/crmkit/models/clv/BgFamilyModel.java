package org.crmkit.models.clv;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.Checks;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.TimeUnits;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * What {@link BgNbd} and {@link MbgNbd} share: the parameters r, α, a, b in a time unit and
 * every public method but the static factories (those about the fit come from
 * {@link FittedModel}), each written once for both models and told apart by the
 * {@link Variant} ({@link BgFamily} holds the formulas of both, switched by {@code modified}).
 * The public subclasses add their static factories, their {@code Fitter} and the Javadoc of
 * their formulas; Javadoc shows the public methods here as theirs. The method comments below
 * hold what is true of both models and refer to the class description of each for its
 * formulas.
 */
abstract sealed class BgFamilyModel extends FittedModel permits BgNbd, MbgNbd {

  static final String[] NAMES = {"r", "alpha", "a", "b"};

  /** A subclass's constructor. */
  @FunctionalInterface
  interface Maker<M> {
    M make(double[] theta, ChronoUnit unit, MaximumLikelihood.Estimates estimates);
  }

  /**
   * One model of the family: its name (as in {@link ModelState}), whether it is the modified one
   * (MBG/NBD, dropout also at time 0) and its constructor; it builds the model's instances.
   */
  record Variant<M extends BgFamilyModel>(String name, boolean modified, Maker<M> maker) {

    /** A model with given parameters. */
    M of(double r, double alpha, double a, double b, ChronoUnit unit) {
      return maker.make(new double[] {r, alpha, a, b}, unit, null);
    }

    /** The model fitted to {@code rows} by maximum likelihood. */
    M fit(Rows rows, FitOptions options) {
      MaximumLikelihood.Estimates e = BgFamily.fit(modified, name, NAMES, rows, options);
      return maker.make(e.theta(), rows.unit, e);
    }

    /** The model rebuilt from its state. */
    M from(ModelState state) {
      double[] theta = State.parameters(state, name, NAMES);
      return maker.make(theta, state.unit(), State.estimates(state, theta));
    }
  }

  /**
   * The fitter of a model of the family: the start (r, α, a, b) and the fit of the rows.
   *
   * @param <M> the model
   * @param <F> the model's fitter type
   */
  abstract static class FamilyFitter<M extends BgFamilyModel, F extends FamilyFitter<M, F>>
      extends RowsFitter<M, F> {
    private final Variant<M> variant;

    FamilyFitter(FitOptions options, Function<FitOptions, F> make, Variant<M> variant) {
      super(options, make);
      this.variant = variant;
    }

    /** Starts the optimiser at these values (in the data's time unit) instead of the default. */
    public F withStart(double r, double alpha, double a, double b) {
      return with(options.withStart(4, r, alpha, a, b));
    }

    @Override
    final M fitRows(Rows rows) {
      return variant.fit(rows, options);
    }
  }

  private final boolean modified;
  private final double r;
  private final double alpha;
  private final double a;
  private final double b;
  private final ChronoUnit unit;

  BgFamilyModel(Variant<?> variant, double[] theta, ChronoUnit unit,
      MaximumLikelihood.Estimates estimates) {
    super(variant.name(), NAMES, estimates);
    this.modified = variant.modified();
    this.r = Checks.positive("r", theta[0]);
    this.alpha = Checks.positive("alpha", theta[1]);
    this.a = Checks.positive("a", theta[2]);
    this.b = Checks.positive("b", theta[3]);
    TimeUnits.days(unit);
    this.unit = unit;
  }

  /** True for MBG/NBD (dropout also at time 0), false for BG/NBD. */
  final boolean modified() {
    return modified;
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

  /**
   * The covariance matrix of (r, α, a, b), natural scale (delta method).
   *
   * @throws IllegalStateException if not fitted, or the Hessian was not positive definite
   */
  public double[][] covariance() {
    return covarianceMatrix();
  }

  /**
   * The log-likelihood of one customer at these parameters (the formula is in the class
   * description and the fitter's); times in {@link #unit()}.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double logLikelihood(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.logLikelihood(modified, r, alpha, a, b, x, tx, T);
  }

  /**
   * The log-likelihood of a whole table at these parameters, in the table's unit (converted when
   * it differs from the model's): for likelihood-ratio tests and hold-out comparisons.
   */
  public double logLikelihood(WeightedSummaries summaries) {
    Rows rows = Rows.of(summaries);
    double f = Horizons.factor(unit, rows.unit);
    return BgFamily.logLikelihood(modified, new double[] {r, alpha * f, a, b}, rows, null);
  }

  /** The state: name, unit, parameters, covariance (if fitted) and fit report (if fitted). */
  public ModelState state() {
    return stateOf(unit, new double[] {r, alpha, a, b});
  }

  // ------------------------------------------------------------------ predictions

  /**
   * E[X(t)], the expected number of repeat purchases in (0, t] of a new customer (the formula
   * is in the class description); the value at a = 1 is the limit (evaluated without
   * cancellation; see the package notes).
   *
   * @param t the horizon in {@link #unit()}, ≥ 0
   */
  public double expectedPurchases(double t) {
    return BgFamily.expectedNew(modified, r, alpha, a, b, Predictions.horizon(t));
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
   * P(X(t) = n), the probability of n repeat purchases in (0, t] for a new customer (the
   * formula is in the class description); its negative-binomial tail is taken as the
   * regularised incomplete beta I_{t/(α+t)}(n, r) so that it keeps its precision when small.
   *
   * @param n the number of purchases, ≥ 0
   * @param t the horizon in {@link #unit()}
   */
  public double probabilityOfPurchases(int n, double t) {
    Checks.nonNegative("n", n);
    return BgFamily.pmfNew(modified, n, r, alpha, a, b, Predictions.horizon(t));
  }

  /** {@link #probabilityOfPurchases(int, double)} for a horizon given as a period. */
  public double probabilityOfPurchases(int n, Period horizon) {
    return probabilityOfPurchases(n, Horizons.of(horizon, unit));
  }

  /**
   * P(alive | x, t_x, T), the probability that a customer with this history is still active at
   * T (the formula is in the class description); evaluated from its log-odds, so it is 0 (not
   * NaN) when the power overflows.
   *
   * @throws IllegalArgumentException if x &lt; 0, a time is negative or not finite, or t_x &gt; T
   */
  public double probabilityAlive(int x, double tx, double T) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, T);
  }

  /** {@link #probabilityAlive(int, double, double)} for every customer of {@code summaries}. */
  public double[] probabilityAlive(CustomerSummaries summaries) {
    return table(summaries, 0, (x, tx, t, h) ->
        BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, t));
  }

  /**
   * E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] of a customer with this
   * history (the formula is in the class description).
   *
   * @param t the horizon in {@link #unit()}
   * @throws IllegalArgumentException if an argument is negative or not finite, or t_x &gt; T
   */
  public double conditionalExpectedPurchases(int x, double tx, double T, double t) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.conditionalExpected(modified, r, alpha, a, b, x, tx, T,
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
    int k = modified ? 1 : 0; // dropout chances survived: x (BG/NBD) or x + 1 (MBG/NBD)
    // the 2F1 part depends on (x, T) only: once per distinct pair (ClvPointIndex)
    return ClvPointIndex.byPair(summaries, Horizons.factor(summaries.unit(), unit),
        (x, bt) -> BgFamily.expectedCount(r + x, alpha + bt, a, b + x + k, h),
        (x, tx, bt, v) -> v == 0 ? 0
            : BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, bt) * v);
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
   * history: a mixture of 0 for a dead customer and, for a live one, the new-customer
   * distribution at the posterior parameters (the formula is in the class description).
   */
  public double conditionalProbabilityOfPurchases(int n, int x, double tx, double T, double t) {
    Checks.nonNegative("n", n);
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.pmfConditional(modified, n, r, alpha, a, b, x, tx, T,
        Predictions.horizon(t));
  }

  /**
   * P(no purchase in (T, T+t] | x, t_x, T) = 1 − P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x):
   * a dead customer never buys, and a live one drops out only after a purchase, so a live one
   * makes none with the posterior probability of no Poisson event in t.
   */
  public double probabilityNoPurchase(int x, double tx, double T, double t) {
    Predictions.checkCustomer(x, tx, T);
    return BgFamily.probabilityNoPurchase(modified, r, alpha, a, b, x, tx, T,
        Predictions.horizon(t));
  }

  /** {@link #probabilityNoPurchase(int, double, double, double)} for every customer. */
  public double[] probabilityNoPurchase(CustomerSummaries summaries, double t) {
    return table(summaries, Predictions.horizon(t), (x, tx, bt, h) ->
        BgFamily.probabilityNoPurchase(modified, r, alpha, a, b, x, tx, bt, h));
  }

  /** {@link #probabilityNoPurchase(CustomerSummaries, double)} with a period. */
  public double[] probabilityNoPurchase(CustomerSummaries summaries, Period horizon) {
    return probabilityNoPurchase(summaries, Horizons.of(horizon, unit));
  }

  /**
   * The discounted expected residual purchases (DERT; Fader, Hardie &amp; Lee 2005, JMR 42(4),
   * doi:10.1509/jmkr.2005.42.4.415): the expected number of purchases from T on, each
   * discounted to T by e^(−δt), δ = {@code discounting.continuousRate(unit())}:
   *
   * <pre>
   *   DERT = P(alive) ∫_0^∞ e^(−δt) (R/A) 2F1(R+1, a; a+B; −t/A) dt
   *        = P(alive) (R/(δA)) E_p[K(R+1, δA/p)],  p ~ Beta(a, B),
   *   R = r+x, A = α+T, B = the posterior second dropout shape (see the class description),
   * </pre>
   *
   * the integrand of the first form being the discounted purchase intensity of a customer alive
   * at T. Given p the integral over the rate λ has a closed form, K(s, w) = E[w/(G + w)] for
   * G ~ Gamma(s, 1) (an incomplete gamma function), so the DERT is one adaptive Gauss–Kronrod
   * quadrature over p, to relative 1e-10. There is no closed form in p. Over an infinite horizon,
   * so δ must be &gt; 0.
   *
   * @throws IllegalArgumentException if the rate is 0, or the customer is invalid
   */
  public double discountedExpectedResidualPurchases(int x, double tx, double T,
      Discounting discounting) {
    Predictions.checkCustomer(x, tx, T);
    double delta = Dert.rate(discounting, unit, true);
    double pa = BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, T);
    return pa == 0 ? 0
        : pa * Dert.bgAlive(modified, r, alpha, a, b, x, T, delta, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #discountedExpectedResidualPurchases(int, double, double, Discounting)} for every
   * customer (the integral once per distinct (x, T), in parallel).
   */
  public double[] discountedExpectedResidualPurchases(CustomerSummaries summaries,
      Discounting discounting) {
    double delta = Dert.rate(discounting, unit, true);
    return ClvPointIndex.byPair(summaries, Horizons.factor(summaries.unit(), unit),
        (x, bt) -> Dert.bgAlive(modified, r, alpha, a, b, x, bt, delta, Double.POSITIVE_INFINITY),
        (x, tx, bt, v) -> v == 0 ? 0
            : BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, bt) * v);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Simulates {@code customers} customers observed for T each (seeded), drawn as the class
   * description tells. Ids are "1", "2", ...; the unit is the model's.
   */
  public CustomerSummaries simulate(int customers, double T, long seed) {
    Checks.positive("customers", customers);
    double[] ts = new double[customers];
    java.util.Arrays.fill(ts, Checks.nonNegative("T", T));
    return simulate(ts, seed);
  }

  /** Simulates one customer per entry of {@code T} (observation lengths, in the model's unit). */
  public CustomerSummaries simulate(double[] T, long seed) {
    return Predictions.simulate(modified, r, alpha, a, b, T, seed, unit);
  }

  // ------------------------------------------------------------------ helpers

  /** Applies {@code f} to every customer, converting times to {@code unit}. */
  private double[] table(CustomerSummaries s, double horizon, Predictions.RowFunction f) {
    return Predictions.table(s, unit, horizon, f);
  }

  @Override
  public String toString() {
    return describe(unit, new double[] {r, alpha, a, b});
  }
}
