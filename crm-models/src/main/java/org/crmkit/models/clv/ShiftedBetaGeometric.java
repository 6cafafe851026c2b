package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * The shifted-beta-geometric (sBG) model of contract renewal (Fader &amp; Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1), 76–90,
 * doi:10.1002/dir.20074). At the end of every contract period a customer cancels with
 * probability θ, constant over time for that customer; θ ~ Beta(α, β) across customers. The
 * lifetime T (the period in which the customer cancels, 1, 2, ...) then has
 *
 * <ul>
 *   <li>P(T = t) = B(α+1, β+t−1) / B(α, β), t = 1, 2, ...;
 *   <li>survival S(t) = P(T &gt; t) = B(α, β+t) / B(α, β), S(0) = 1;
 *   <li>retention rate r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), which increases with t: the
 *       customers who cancel readily leave first (heterogeneity, not changing loyalty).
 * </ul>
 *
 * <p>Fitted to survivor counts of one cohort or of several cohorts (Fader &amp; Hardie, "Fitting
 * the sBG model to multi-cohort data", 2017 note at brucehardie.com): each {@link Cohort} gives
 * the customers still active at consecutive period ends, from its first observed period on; the
 * n of {@link #bic()} ({@code fitReport().customers()}) is the number of customers at the
 * cohorts' first observed periods. Values are discounted per contract period: a model has no
 * calendar unit, its period is the contract's.
 *
 * <pre>{@code
 * ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(1000, 869, 743, 653, 593, 551, 517, 491);
 * m.project(1000, 12);                                 // survivors for periods 0..12
 * m.discountedExpectedResidualLifetime(3, 0.10);       // after 3 renewals, 10% per period
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ShiftedBetaGeometric extends FittedModel {

  static final String NAME = "sBG";
  private static final String[] NAMES = {"alpha", "beta"};

  private final double alpha;
  private final double beta;

  private ShiftedBetaGeometric(double[] theta, MaximumLikelihood.Estimates estimates) {
    super(NAME, NAMES, estimates);
    this.alpha = Checks.positive("alpha", theta[0]);
    this.beta = Checks.positive("beta", theta[1]);
  }

  /**
   * A model with given parameters (not fitted).
   *
   * @param alpha first shape of the churn-probability beta, &gt; 0
   * @param beta second shape of the churn-probability beta, &gt; 0
   * @throws IllegalArgumentException naming the parameter if one is not finite and &gt; 0
   */
  public static ShiftedBetaGeometric of(double alpha, double beta) {
    return new ShiftedBetaGeometric(new double[] {alpha, beta}, null);
  }

  /**
   * Fits to one cohort with default options: {@code survivors[t]} customers are still active at
   * the end of period t, t = 0 (acquisition) to T.
   *
   * @throws IllegalArgumentException if the counts are not a valid cohort (see {@link Cohort})
   */
  public static ShiftedBetaGeometric fit(double... survivors) {
    return withDefaults().fit(survivors);
  }

  /** Fits to several cohorts with default options; see {@link Fitter#fit(List)}. */
  public static ShiftedBetaGeometric fit(List<Cohort> cohorts) {
    return withDefaults().fit(cohorts);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
  }

  /**
   * The survivors of one cohort, observed at consecutive period ends from period {@code start}
   * on: {@code survivors[j]} customers are active at the end of period start + j. A cohort with
   * start 0 is observed from acquisition; a cohort with start &gt; 0 is left-truncated (only the
   * customers who survived to {@code start} are seen), and its likelihood is conditional on
   * that survival. Cohorts observed for different numbers of periods are right-censored at
   * different times. Counts may be fractional (per-1,000 figures).
   *
   * @param start the first observed period, ≥ 0
   * @param survivors at least two counts, finite, non-increasing, the first &gt; 0
   */
  public record Cohort(int start, double[] survivors) {

    /** Checks and copies. */
    public Cohort {
      Checks.nonNegative("start", start);
      Checks.notNull("survivors", survivors);
      survivors = survivors.clone();
      if (survivors.length < 2) {
        throw new IllegalArgumentException("a cohort needs survivors for at least two period "
            + "ends (the start and one more): " + survivors.length + " given");
      }
      for (int j = 0; j < survivors.length; j++) {
        double v = survivors[j];
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "period %d: survivors must be finite and >= 0: %s", start + j, Checks.format(v)));
        }
        if (j > 0 && v > survivors[j - 1]) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "period %d: survivors (%s) exceed those of period %d (%s); survivors never "
                  + "increase", start + j, Checks.format(v), start + j - 1,
              Checks.format(survivors[j - 1])));
        }
      }
      if (!(survivors[0] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "period %d: the cohort must start with survivors > 0: %s", start,
            Checks.format(survivors[0])));
      }
    }

    /** A cohort observed from acquisition (start 0). */
    public static Cohort of(double... survivors) {
      return new Cohort(0, survivors);
    }

    /** A left-truncated cohort first observed at the end of period {@code start}. */
    public static Cohort observedFrom(int start, double... survivors) {
      return new Cohort(start, survivors);
    }

    /** The last observed period, start + survivors − 1. */
    public int end() {
      return start + survivors.length - 1;
    }

    @Override
    public double[] survivors() {
      return survivors.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cohort c && c.start == start && Arrays.equals(c.survivors, survivors);
    }

    @Override
    public int hashCode() {
      return 31 * start + Arrays.hashCode(survivors);
    }

    @Override
    public String toString() {
      return "Cohort(start " + start + ": " + Arrays.toString(survivors) + ")";
    }
  }

  /**
   * Fits the sBG model by maximum likelihood. Immutable: each {@code with…} returns a new fitter.
   *
   * <p>Log-likelihood of a cohort with start k and survivors n_k, ..., n_K (FH 2007, eq. 6;
   * the multi-cohort note for k &gt; 0):
   *
   * <p>LL = Σ_{t=k+1}^{K} (n_{t−1} − n_t) ln[P(T = t)/S(k)] + n_K ln[S(K)/S(k)],
   *
   * <p>summed over cohorts, with its analytic gradient; optimised on ln α, ln β (see
   * {@link MaximumLikelihood}).
   */
  public static final class Fitter extends AbstractFitter<Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new);
    }

    /** Starts the optimiser at these values instead of (1, 1). */
    public Fitter withStart(double alpha, double beta) {
      return with(options.withStart(2, alpha, beta));
    }

    /**
     * Fits to one cohort observed from acquisition.
     *
     * @throws IllegalArgumentException if the counts are not a valid cohort
     */
    public ShiftedBetaGeometric fit(double... survivors) {
      return fit(List.of(Cohort.of(survivors)));
    }

    /**
     * Fits to several cohorts (the sum of their log-likelihoods).
     *
     * @throws IllegalArgumentException if the list is empty or holds null
     */
    public ShiftedBetaGeometric fit(List<Cohort> cohorts) {
      Checks.notNull("cohorts", cohorts);
      if (cohorts.isEmpty()) {
        throw new IllegalArgumentException("no cohorts to fit");
      }
      for (int i = 0; i < cohorts.size(); i++) {
        Checks.notNull("cohort " + (i + 1), cohorts.get(i));
      }
      List<Cohort> cs = List.copyOf(cohorts);
      double customers = 0;
      int cells = 0;
      for (Cohort c : cs) {
        customers += c.survivors[0];
        cells += c.survivors.length - 1;
      }
      MaximumLikelihood.Likelihood ll = (th, g) -> logLikelihood(th, cs, g);
      var p = new MaximumLikelihood.Problem(NAME, NAMES, new int[2], 1, ll, List.of(), ll,
          new double[] {1, 1}, customers, cells);
      MaximumLikelihood.Estimates e = MaximumLikelihood.fit(p, options);
      return new ShiftedBetaGeometric(e.theta(), e);
    }
  }

  /** Σ over cohorts of the log-likelihood, with dLL/d(α, β) in {@code gradient} when not null. */
  static double logLikelihood(double[] th, List<Cohort> cohorts, double[] gradient) {
    double a = th[0];
    double b = th[1];
    if (!(a > 0 && b > 0 && a < Double.POSITIVE_INFINITY && b < Double.POSITIVE_INFINITY)) {
      return Double.NEGATIVE_INFINITY;
    }
    double lab0 = logGamma(a + b);
    double lb0 = logGamma(b);
    double lnA = Math.log(a);
    double psiAb = gradient == null ? 0 : digamma(a + b);
    double psiB = gradient == null ? 0 : digamma(b);
    double sum = 0;
    double ga = 0;
    double gb = 0;
    for (Cohort c : cohorts) {
      int k = c.start;
      double[] n = c.survivors;
      // ln S(k) and its gradient
      double lsk = logGamma(b + k) - logGamma(a + b + k) - lb0 + lab0;
      double psiAbk = gradient == null ? 0 : digamma(a + b + k);
      double dska = psiAb - psiAbk;
      double dskb = gradient == null ? 0 : digamma(b + k) - psiAbk - psiB + psiAb;
      double lgBt1 = logGamma(b + k); // lnΓ(β+t−1) for t = k+1
      double psiBt1 = gradient == null ? 0 : digamma(b + k);
      for (int j = 1; j < n.length; j++) {
        int t = k + j;
        double lost = n[j - 1] - n[j];
        double lgAbt = logGamma(a + b + t);
        double psiAbt = gradient == null ? 0 : digamma(a + b + t);
        if (lost > 0) {
          double lp = lnA + lgBt1 - lgAbt - lb0 + lab0;
          sum += lost * (lp - lsk);
          if (gradient != null) {
            ga += lost * (1 / a - psiAbt + psiAb - dska);
            gb += lost * (psiBt1 - psiAbt - psiB + psiAb - dskb);
          }
        }
        double lgBt = logGamma(b + t);
        double psiBt = gradient == null ? 0 : digamma(b + t);
        if (j == n.length - 1 && n[j] > 0) {
          double ls = lgBt - lgAbt - lb0 + lab0;
          sum += n[j] * (ls - lsk);
          if (gradient != null) {
            ga += n[j] * (psiAb - psiAbt - dska);
            gb += n[j] * (psiBt - psiAbt - psiB + psiAb - dskb);
          }
        }
        lgBt1 = lgBt;
        psiBt1 = psiBt;
      }
    }
    if (gradient != null) {
      gradient[0] = ga;
      gradient[1] = gb;
    }
    return sum;
  }

  // ------------------------------------------------------------------ parameters and fit

  /** α, the first shape of the churn-probability beta. */
  public double alpha() {
    return alpha;
  }

  /** β, the second shape of the churn-probability beta. */
  public double beta() {
    return beta;
  }

  /** The parameters by name: alpha, beta. */
  public Map<String, Double> parameters() {
    return named(new double[] {alpha, beta});
  }

  /**
   * The log-likelihood of {@code cohorts} at these parameters (see {@link Fitter}).
   *
   * @throws IllegalArgumentException if the list is null or empty
   */
  public double logLikelihood(List<Cohort> cohorts) {
    Checks.notNull("cohorts", cohorts);
    if (cohorts.isEmpty()) {
      throw new IllegalArgumentException("no cohorts");
    }
    return logLikelihood(new double[] {alpha, beta}, List.copyOf(cohorts), null);
  }

  /** The state: name, parameters, covariance and fit report (if fitted); no time unit. */
  public ModelState state() {
    return stateOf(null, new double[] {alpha, beta});
  }

  /**
   * Rebuilds a model from its state.
   *
   * @throws IllegalArgumentException if the state is of another model or lacks a parameter
   */
  public static ShiftedBetaGeometric from(ModelState state) {
    double[] theta = State.parameters(state, NAME, NAMES);
    return new ShiftedBetaGeometric(theta, State.estimates(state, theta));
  }

  // ------------------------------------------------------------------ predictions

  /**
   * S(t) = B(α, β+t)/B(α, β), the share of a cohort still active at the end of period t; 1 at
   * t = 0, non-increasing, tending to 0.
   *
   * @param t the period, ≥ 0
   */
  public double survival(int t) {
    Checks.nonNegative("t", t);
    return Math.exp(logSurvival(t));
  }

  private double logSurvival(double t) {
    return logGamma(beta + t) - logGamma(alpha + beta + t) - logGamma(beta)
        + logGamma(alpha + beta);
  }

  /**
   * P(T = t) = B(α+1, β+t−1)/B(α, β), the share of a cohort that cancels at the end of period
   * t: α/(α+β) at t = 1.
   *
   * @param t the period, ≥ 1
   */
  public double churnProbability(int t) {
    Checks.positive("t", t);
    return Math.exp(Math.log(alpha) + logGamma(beta + t - 1) - logGamma(alpha + beta + t)
        - logGamma(beta) + logGamma(alpha + beta));
  }

  /**
   * r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), the share of the customers active at the end of
   * period t−1 who renew at the end of period t (FH 2007, eq. 4).
   *
   * @param t the period, ≥ 1
   */
  public double retention(int t) {
    Checks.positive("t", t);
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * The projected survival curve of a cohort of {@code initial} customers for periods
   * 0..{@code periods}: survivors initial · S(t), with S(t), r(t) and P(T = t).
   *
   * @throws IllegalArgumentException if initial is not finite and &gt; 0 or periods &lt; 0
   */
  public Projection project(double initial, int periods) {
    Checks.positive("initial", initial);
    Checks.nonNegative("periods", periods);
    double[] s = new double[periods + 1];
    for (int t = 0; t <= periods; t++) {
      s[t] = t == 0 ? 1 : Math.exp(logSurvival(t));
    }
    double[] r = new double[periods + 1];
    double[] c = new double[periods + 1];
    for (int t = 1; t <= periods; t++) {
      r[t] = retention(t);
      c[t] = churnProbability(t);
    }
    return new Projection(initial, s, r, c);
  }

  /**
   * DERL(d | n renewals), the discounted expected residual lifetime of a customer who has
   * renewed n times (is active at the end of period n) and is about to decide on the next
   * renewal: Σ_{k≥0} S(n+1+k)/S(n) (1+d)^−k, the next renewal undiscounted, in closed form
   * (Fader &amp; Hardie 2010, "Customer-base valuation in a contractual setting: the perils of
   * ignoring heterogeneity", Marketing Science 29(1), 85–93, doi:10.1287/mksc.1080.0482, eq. 6
   * with their n−1 renewals being our n):
   *
   * <p>DERL = (β+n)/(α+β+n) · 2F1(1, β+n+1; α+β+n+1; 1/(1+d)).
   *
   * <p>Multiply by the payment per period for the expected residual value. With d = 0 this is
   * the expected residual lifetime (β+n)/(α−1), finite only when α &gt; 1; +∞ is returned when
   * α ≤ 1 (a documented infinity, not an error).
   *
   * @param renewals n, ≥ 0
   * @param d the discount rate per contract period, ≥ 0
   */
  public double discountedExpectedResidualLifetime(int renewals, double d) {
    Checks.nonNegative("renewals", renewals);
    Checks.nonNegative("discount rate d", d);
    double b = beta + renewals;
    if (d == 0) {
      return alpha > 1 ? b / (alpha - 1) : Double.POSITIVE_INFINITY;
    }
    return b / (alpha + b) * Hyp2F1.value(1, b + 1, alpha + b + 1, 1 / (1 + d));
  }

  /**
   * DEL(d), the discounted expected lifetime of a customer at acquisition, counting the
   * acquisition period: Σ_{t≥0} S(t) (1+d)^−t = 2F1(1, β; α+β; 1/(1+d)) (Fader &amp; Hardie
   * 2010, eq. 4). With d = 0 it is E[T] = (α+β−1)/(α−1) for α &gt; 1, and +∞ when α ≤ 1.
   *
   * @param d the discount rate per contract period, ≥ 0
   */
  public double discountedExpectedLifetime(double d) {
    Checks.nonNegative("discount rate d", d);
    if (d == 0) {
      return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
    }
    return Hyp2F1.value(1, beta, alpha + beta, 1 / (1 + d));
  }

  /**
   * A projected survival curve: for periods t = 0..T, the survival S(t), the retention rate
   * r(t) and the churn probability P(T = t) (both for t ≥ 1) and the expected survivors of a
   * cohort of a given size. Immutable.
   */
  public static final class Projection {
    private final double initial;
    private final double[] survival;
    private final double[] retention;
    private final double[] churn;

    private Projection(double initial, double[] survival, double[] retention, double[] churn) {
      this.initial = initial;
      this.survival = survival;
      this.retention = retention;
      this.churn = churn;
    }

    /** The last period T. */
    public int periods() {
      return survival.length - 1;
    }

    /** The cohort size at period 0. */
    public double initial() {
      return initial;
    }

    /** S(t), t in 0..T. */
    public double survival(int t) {
      return survival[index(t, 0)];
    }

    /** r(t), t in 1..T. */
    public double retention(int t) {
      return retention[index(t, 1)];
    }

    /** P(T = t), t in 1..T. */
    public double churnProbability(int t) {
      return churn[index(t, 1)];
    }

    /** initial · S(t), t in 0..T. */
    public double survivors(int t) {
      return initial * survival[index(t, 0)];
    }

    /** initial · S(t) for t = 0..T (a copy). */
    public double[] survivors() {
      double[] out = new double[survival.length];
      for (int t = 0; t < out.length; t++) {
        out[t] = initial * survival[t];
      }
      return out;
    }

    private int index(int t, int min) {
      return Checks.inRange("t", t, min, survival.length - 1);
    }

    /**
     * Columns period, survival, retention, churn_probability, survivors; retention and churn
     * are missing at period 0.
     */
    public Table toTable() {
      int n = survival.length;
      return ColumnTable.builder(n)
          .longs("period", java.util.stream.IntStream.range(0, n).toArray())
          .doubles("survival", survival.clone())
          .doubles("retention", i -> i == 0 ? Double.NaN : retention[i])
          .doubles("churn_probability", i -> i == 0 ? Double.NaN : churn[i])
          .doubles("survivors", survivors())
          .build();
    }

    @Override
    public String toString() {
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "sBG projection: %s customers, periods 0..%d%n", Tables.number(initial), periods()));
      sb.append(String.format(Locale.ROOT, "  %6s  %9s  %9s  %9s  %11s%n", "period", "survival",
          "retention", "churn", "survivors"));
      int shown = Math.min(survival.length, 21);
      for (int t = 0; t < shown; t++) {
        sb.append(String.format(Locale.ROOT, "  %6d  %9.4f  %9s  %9s  %11.1f%n", t, survival[t],
            t == 0 ? "-" : String.format(Locale.ROOT, "%.4f", retention[t]),
            t == 0 ? "-" : String.format(Locale.ROOT, "%.4f", churn[t]), initial * survival[t]));
      }
      if (survival.length > shown) {
        sb.append(String.format(Locale.ROOT, "  … %,d more%n", survival.length - shown));
      }
      return sb.toString().stripTrailing();
    }
  }

  // ------------------------------------------------------------------ helpers

  @Override
  public String toString() {
    return describe(null, new double[] {alpha, beta});
  }
}
