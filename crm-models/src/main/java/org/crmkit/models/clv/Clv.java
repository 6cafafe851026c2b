package org.crmkit.models.clv;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;

/**
 * Customer lifetime value: expected margin × discounted expected purchases, from a purchase
 * model ({@link BgNbd}, {@link MbgNbd} or {@link ParetoNbd}) and the {@link GammaGamma} spend
 * model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", Journal of Marketing Research 42(4), 415–430, doi:10.1509/jmkr.2005.42.4.415).
 *
 * <pre>{@code
 * Clv clv = Clv.of(bgNbd, gammaGamma)
 *     .withAnnualDiscountRate(0.10)   // effective, per year; converted to the model's unit
 *     .withMargin(0.3)
 *     .over(Period.ofYears(1));
 * ClvTable values = clv.forCustomers(summaries);
 * ClvTable top = values.top(10);
 * }</pre>
 *
 * <p>For a customer with history (x, t_x, T) and mean repeat spend z̄, with E[Z] the Gamma-Gamma
 * conditional expected spend per purchase, P = P(alive), and e(t) the expected purchases in
 * (T, T+t] of the customer <em>if alive</em> at T (so that CET(t) = P e(t)), every time in the
 * purchase model's unit and H the horizon:
 *
 * <ul>
 *   <li><b>expected purchases</b> CET(H) = P e(H), undiscounted;
 *   <li><b>expected spend</b> E[Z | x, z̄] (the population mean for x = 0);
 *   <li><b>continuous</b>: discounted purchases D(H) = P ∫_0^H e^(−δt) e'(t) dt, δ =
 *       ln(1 + d) / (periods per year) the continuous rate per unit for the effective annual
 *       rate d (see {@link Discounting}), and <b>clv</b> = margin × E[Z] × D(H);
 *   <li><b>monthly</b>, the discrete cash flow of Python lifetimes'
 *       {@code customer_lifetime_value}: the purchases of month i are counted at its end and
 *       discounted at the equivalent monthly rate m = (1 + d)^(1/12) − 1, D_m(H) = P Σ_{i=1..n}
 *       [e(t_i) − e(t_{i−1})] / (1 + m)^(t_i), t_i = min(i, M) months, M = H in months, n = ⌈M⌉
 *       (a partial last month ends at H), and <b>clv (monthly)</b> = margin × E[Z] × D_m(H);
 *   <li><b>DERT</b> D(∞) = P ∫_0^∞ e^(−δt) e'(t) dt, the discounted expected residual
 *       purchases over the customer's whole remaining life (FHL 2005 JMR, eq. 2; closed form for
 *       the Pareto/NBD, quadrature otherwise), and the <b>residual value</b> margin × E[Z] ×
 *       DERT.
 * </ul>
 *
 * <p>The two discountings use the same rate: (1 + m)^(−i) = e^(−δ t) at t = i months. They
 * differ only in when a month's purchases are discounted (at the end of the month rather than
 * when they happen), so D_m ≤ D ≤ D_m (1 + m): about 0.4% apart at 10% a year, and equal as the
 * rate tends to 0. A month is a twelfth of a mean Gregorian year (30.436875 days, 4.348 weeks);
 * lifetimes uses 30 days (daily data) or 4.345 weeks, and takes the monthly rate directly (use
 * {@link Discounting#monthlyRate(double)} to give it as lifetimes does).
 *
 * <p>Immutable; {@code with…} and {@code over} return new instances. The table computation does
 * the expensive part (quadratures, hypergeometric functions) once per distinct (x, T), in
 * parallel.
 */
public final class Clv {

  /** A purchase model seen from the CLV computation (all times in {@link #unit()}). */
  interface Model {
    String name();

    ChronoUnit unit();

    /** P(alive) for every customer (the model converts the summaries' unit). */
    double[] probabilityAlive(CustomerSummaries s);

    double probabilityAlive(int x, double tx, double bigT);

    /** e(t): expected purchases in (T, T+t] of a customer alive at T. */
    double expectedAlive(int x, double bigT, double t);

    /** ∫_0^H e^(−δt) e'(t) dt for a customer alive at T; H may be +∞ (δ &gt; 0). */
    double discountedAlive(int x, double bigT, double delta, double horizon);
  }

  private final Model model;
  private final GammaGamma spend;
  private final Discounting discounting;
  private final double margin;
  private final Period horizon;

  private Clv(Model model, GammaGamma spend, Discounting discounting, double margin,
      Period horizon) {
    this.model = model;
    this.spend = spend;
    this.discounting = discounting;
    this.margin = margin;
    this.horizon = horizon;
  }

  /** CLV from BG/NBD purchases and Gamma-Gamma spend; margin 1, no rate or horizon yet. */
  public static Clv of(BgNbd transactions, GammaGamma spend) {
    return ofBgFamily(transactions, spend);
  }

  /** CLV from MBG/NBD purchases and Gamma-Gamma spend; margin 1, no rate or horizon yet. */
  public static Clv of(MbgNbd transactions, GammaGamma spend) {
    return ofBgFamily(transactions, spend);
  }

  private static Clv ofBgFamily(BgFamilyModel transactions, GammaGamma spend) {
    Checks.notNull("transactions", transactions);
    return new Clv(bgFamily(transactions), Checks.notNull("spend", spend), null, 1, null);
  }

  /** CLV from Pareto/NBD purchases and Gamma-Gamma spend; margin 1, no rate or horizon yet. */
  public static Clv of(ParetoNbd transactions, GammaGamma spend) {
    Checks.notNull("transactions", transactions);
    return new Clv(pareto(transactions), Checks.notNull("spend", spend), null, 1, null);
  }

  /**
   * Discounts at the effective annual rate d (0.10 = 10% a year), converted to the purchase
   * model's unit as δ = ln(1 + d) / (periods per year) and to the monthly m = (1+d)^(1/12) − 1.
   *
   * @throws IllegalArgumentException if d is not finite and &gt; 0 (DERT needs a rate)
   */
  public Clv withAnnualDiscountRate(double d) {
    Checks.positive("annual discount rate", d);
    return withDiscounting(Discounting.annualRate(d));
  }

  /**
   * Discounts with {@code d} (for example {@link Discounting#monthlyRate(double)} as lifetimes
   * takes it).
   *
   * @throws IllegalArgumentException if the rate is 0
   */
  public Clv withDiscounting(Discounting d) {
    Checks.notNull("discounting", d);
    if (!(d.continuousAnnualRate() > 0)) {
      throw new IllegalArgumentException("the discount rate must be > 0 (DERT is over an "
          + "infinite horizon): " + d);
    }
    return new Clv(model, spend, d, margin, horizon);
  }

  /**
   * The share of spend that is margin (default 1: CLV in revenue).
   *
   * @throws IllegalArgumentException if the margin is not finite and ≥ 0
   */
  public Clv withMargin(double margin) {
    Checks.nonNegative("margin", margin);
    return new Clv(model, spend, discounting, margin, horizon);
  }

  /**
   * The horizon H of the expected purchases and of the CLV (years and months count as mean
   * Gregorian lengths).
   *
   * @throws IllegalArgumentException if the horizon is zero or negative
   */
  public Clv over(Period horizon) {
    Checks.notNull("horizon", horizon);
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive: " + horizon);
    }
    return new Clv(model, spend, discounting, margin, horizon);
  }

  /** The purchase model's time unit, in which t_x and T of a single customer are given. */
  public ChronoUnit unit() {
    return model.unit();
  }

  /**
   * One customer's values.
   *
   * @param probabilityAlive P(alive | x, t_x, T)
   * @param expectedPurchases CET(H), undiscounted
   * @param expectedSpend E[Z | x, z̄] per purchase
   * @param dert discounted expected residual purchases, infinite horizon
   * @param discountedPurchases D(H), continuous discounting
   * @param clv margin × E[Z] × D(H)
   * @param discountedPurchasesMonthly D_m(H), monthly cash flows
   * @param clvMonthly margin × E[Z] × D_m(H)
   * @param residualValue margin × E[Z] × DERT
   */
  public record Value(double probabilityAlive, double expectedPurchases, double expectedSpend,
      double dert, double discountedPurchases, double clv, double discountedPurchasesMonthly,
      double clvMonthly, double residualValue) {}

  /**
   * The values of one customer; times in {@link #unit()}.
   *
   * @param meanSpend the mean repeat spend z̄ (ignored when x = 0)
   * @throws IllegalStateException if no discount rate or horizon was set
   * @throws IllegalArgumentException for an invalid customer, or x &gt; 0 with a mean spend that
   *     is not finite and &gt; 0
   */
  public Value forCustomer(int x, double tx, double T, double meanSpend) {
    requireSet();
    Predictions.checkCustomer(x, tx, T);
    double z = spend.conditionalExpectedSpend(x, meanSpend);
    double pa = model.probabilityAlive(x, tx, T);
    double[] v = pair(x, T, plan());
    return value(pa, z, v);
  }

  /**
   * The values of every customer of {@code summaries} (which must carry monetary values).
   *
   * @throws IllegalStateException if no discount rate or horizon was set
   * @throws IllegalArgumentException if the summaries carry no monetary values, or a repeat
   *     customer's mean spend is not positive (naming the customer)
   */
  public ClvTable forCustomers(CustomerSummaries summaries) {
    requireSet();
    Checks.notNull("summaries", summaries);
    double[] z = spend.conditionalExpectedSpend(summaries);
    double[] pa = model.probabilityAlive(summaries);
    Plan plan = plan();
    double k = Horizons.factor(summaries.unit(), model.unit());
    ClvPointIndex.Grouped g = ClvPointIndex.group(summaries, k, false);
    ClvPointIndex pts = g.points();
    double[][] perPair = new double[pts.size][];
    RowSums.forEach(pts.size, j -> perPair[j] = pair(pts.x[j], pts.u[j], plan));
    int n = summaries.size();
    double[][] cols = new double[9][n];
    RowSums.forEach(n, i -> {
      Value v = value(pa[i], z[i], perPair[g.bigT()[i]]);
      cols[0][i] = v.probabilityAlive();
      cols[1][i] = v.expectedPurchases();
      cols[2][i] = v.expectedSpend();
      cols[3][i] = v.dert();
      cols[4][i] = v.discountedPurchases();
      cols[5][i] = v.clv();
      cols[6][i] = v.discountedPurchasesMonthly();
      cols[7][i] = v.clvMonthly();
      cols[8][i] = v.residualValue();
    });
    return new ClvTable(summaries, cols, toString());
  }

  private Value value(double pa, double z, double[] alive) {
    double e = pa * alive[0];
    double dert = pa * alive[1];
    double d = pa * alive[2];
    double dm = pa * alive[3];
    return new Value(pa, e, z, dert, d, margin * z * d, dm, margin * z * dm, margin * z * dert);
  }

  /** The horizon in model units and the monthly steps. */
  private record Plan(double horizon, double delta, double[] times, double[] factors) {}

  private Plan plan() {
    ChronoUnit unit = model.unit();
    double h = Horizons.of(horizon, unit);
    double month = Horizons.of(Period.ofMonths(1), unit);
    double months = h / month;
    int steps = (int) Math.ceil(months - 1e-9);
    double[] times = new double[steps];
    double[] factors = new double[steps];
    double perMonth = discounting.continuousAnnualRate() / 12; // ln(1 + m)
    for (int i = 0; i < steps; i++) {
      double m = Math.min(i + 1.0, months);
      times[i] = i == steps - 1 ? h : m * month;
      factors[i] = Math.exp(-perMonth * m);
    }
    return new Plan(h, discounting.continuousRate(unit), times, factors);
  }

  /** For a customer alive at T: {e(H), DERT, D(H), D_m(H)}. */
  private double[] pair(int x, double bigT, Plan p) {
    double eH = model.expectedAlive(x, bigT, p.horizon());
    double dert = model.discountedAlive(x, bigT, p.delta(), Double.POSITIVE_INFINITY);
    double dH = model.discountedAlive(x, bigT, p.delta(), p.horizon());
    double monthly = 0;
    double previous = 0;
    for (int i = 0; i < p.times().length; i++) {
      double e = i == p.times().length - 1 ? eH : model.expectedAlive(x, bigT, p.times()[i]);
      monthly += (e - previous) * p.factors()[i];
      previous = e;
    }
    return new double[] {eH, dert, dH, monthly};
  }

  private void requireSet() {
    if (discounting == null) {
      throw new IllegalStateException(
          "no discount rate: call withAnnualDiscountRate(d) or withDiscounting(...) first");
    }
    if (horizon == null) {
      throw new IllegalStateException("no horizon: call over(Period) first");
    }
  }

  // ------------------------------------------------------------------ adapters

  private static Model bgFamily(BgFamilyModel m) {
    boolean modified = m.modified();
    double r = m.r();
    double alpha = m.alpha();
    double a = m.a();
    double b = m.b();
    int k0 = modified ? 1 : 0;
    return new Model() {
      @Override
      public String name() {
        return m.name();
      }

      @Override
      public ChronoUnit unit() {
        return m.unit();
      }

      @Override
      public double[] probabilityAlive(CustomerSummaries s) {
        return m.probabilityAlive(s);
      }

      @Override
      public double probabilityAlive(int x, double tx, double bigT) {
        return BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
      }

      @Override
      public double expectedAlive(int x, double bigT, double t) {
        return BgFamily.expectedCount(r + x, alpha + bigT, a, b + x + k0, t);
      }

      @Override
      public double discountedAlive(int x, double bigT, double delta, double h) {
        return Dert.bgAlive(modified, r, alpha, a, b, x, bigT, delta, h);
      }
    };
  }

  private static Model pareto(ParetoNbd m) {
    double r = m.r();
    double alpha = m.alpha();
    double s = m.s();
    double beta = m.beta();
    return new Model() {
      @Override
      public String name() {
        return ParetoNbd.NAME;
      }

      @Override
      public ChronoUnit unit() {
        return m.unit();
      }

      @Override
      public double[] probabilityAlive(CustomerSummaries summaries) {
        return m.probabilityAlive(summaries);
      }

      @Override
      public double probabilityAlive(int x, double tx, double bigT) {
        return ParetoNbdFunctions.probabilityAlive(r, alpha, s, beta, x, tx, bigT);
      }

      @Override
      public double expectedAlive(int x, double bigT, double t) {
        return ParetoNbdFunctions.expectedAlive(r + x, alpha + bigT, s, beta + bigT, t);
      }

      @Override
      public double discountedAlive(int x, double bigT, double delta, double h) {
        return Dert.paretoAlive(r + x, alpha + bigT, s, beta + bigT, delta, h);
      }
    };
  }

  /** "CLV: BG/NBD purchases × Gamma-Gamma spend, margin 0.3, 10% a year, over P1Y". */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CLV: %s purchases × Gamma-Gamma spend, unit %s, margin %s, "
        + "%s, over %s", model.name(), model.unit().name(), Tables.number(margin),
        discounting == null ? "no discount rate yet"
            : String.format(Locale.ROOT, "%.4g%% a year", 100 * discounting.annualRate()),
        horizon == null ? "no horizon yet" : horizon);
  }
}
