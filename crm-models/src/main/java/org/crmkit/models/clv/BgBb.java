package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logBeta;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * The BG/BB model of repeat transactions at discrete opportunities (Fader, Hardie &amp; Shang
 * 2010, "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science
 * 29(6), 1086–1108, doi:10.1287/mksc.1100.0580). Transactions can only happen at fixed
 * opportunities 1, 2, ... after the first (a yearly fund-raising drive, a weekly event). While
 * alive, a customer transacts at each opportunity with probability p, p ~ Beta(α, β) across
 * customers; at the start of every opportunity a living customer becomes inactive for good with
 * probability θ, θ ~ Beta(γ, δ).
 *
 * <p>A customer is summarised by x (transactions in the n opportunities after the first), t_x
 * (the opportunity of the last transaction, 0 when x = 0) and n (opportunities observed), all
 * whole numbers with x ≤ t_x ≤ n ≤ {@value #MAX_OPPORTUNITIES}, and x = 0 exactly when
 * t_x = 0. A {@link WeightedSummaries} carries them as (x, t_x, T = n) with the number of
 * customers as weight — the recency/frequency table with counts that the paper fits (crm-io
 * reads it with {@code SummaryCsvReader.weightedStyle}); its time unit is only a label (one
 * opportunity per unit) and plays no part in the model.
 *
 * <p>Notation below: B(·,·) is the beta function, A(x, y) = B(α+x, β+y)/B(α, β) and
 * S(m) = B(γ, δ+m)/B(γ, δ), the probability of being alive at opportunity m.
 *
 * <pre>{@code
 * WeightedSummaries rf = ...;                   // frequency, recency, periods, count
 * BgBb fit = BgBb.fit(rf);
 * double next5 = fit.conditionalExpectedTransactions(4, 5, 6, 5);
 * double alive = fit.probabilityAlive(4, 5, 6, 1); // alive at the next opportunity
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; a fit's likelihood is summed in parallel over
 * fixed chunks of rows, so results do not depend on the number of cores.
 */
public final class BgBb extends FittedModel {

  static final String NAME = "BG/BB";
  private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

  /**
   * Observed opportunities n (and n* of a distribution) above this are rejected: the likelihood
   * and the PMFs loop over them and tabulate ln Γ up to n. Horizons of expectations are not
   * bounded.
   */
  static final int MAX_OPPORTUNITIES = 100_000;

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;

  private BgBb(double[] theta, MaximumLikelihood.Estimates estimates) {
    super(NAME, NAMES, estimates);
    this.alpha = Checks.positive("alpha", theta[0]);
    this.beta = Checks.positive("beta", theta[1]);
    this.gamma = Checks.positive("gamma", theta[2]);
    this.delta = Checks.positive("delta", theta[3]);
  }

  /**
   * A model with given parameters (not fitted: no log-likelihood or standard errors).
   *
   * @param alpha first shape of the transaction-probability beta, &gt; 0
   * @param beta second shape of the transaction-probability beta, &gt; 0
   * @param gamma first shape of the dropout-probability beta, &gt; 0
   * @param delta second shape of the dropout-probability beta, &gt; 0
   * @throws IllegalArgumentException naming the parameter if one is not finite and &gt; 0
   */
  public static BgBb of(double alpha, double beta, double gamma, double delta) {
    return new BgBb(new double[] {alpha, beta, gamma, delta}, null);
  }

  /** Fits with default options; see {@link Fitter#fit(WeightedSummaries)}. */
  public static BgBb fit(WeightedSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** Fits with default options; see {@link Fitter#fit(CustomerSummaries)}. */
  public static BgBb fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
  }

  /**
   * Fits BG/BB by maximum likelihood. Immutable: each {@code with…} returns a new fitter.
   *
   * <p>Likelihood of one customer (FHS 2010, eq. 5):
   *
   * <p>L(α, β, γ, δ | x, t_x, n) = A(x, n−x) S(n) + Σ_{i=0}^{n−t_x−1} A(x, t_x−x+i)
   * B(γ+1, δ+t_x+i)/B(γ, δ),
   *
   * <p>the first term for a customer alive through opportunity n, the others for one who became
   * inactive at the start of opportunity t_x+i+1. It is summed in log space (log-sum-exp over
   * the n − t_x + 1 terms) over distinct rows times their weights, with its analytic gradient;
   * the optimisation runs on ln α, ln β, ln γ, ln δ (see {@link MaximumLikelihood}). There is no
   * time scale: opportunities are counts.
   */
  public static final class Fitter extends AbstractFitter<Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new);
    }

    /** Starts the optimiser at these values instead of (1, 1, 1, 1). */
    public Fitter withStart(double alpha, double beta, double gamma, double delta) {
      return with(options.withStart(4, alpha, beta, gamma, delta));
    }

    /**
     * Fits to weighted rows (x, t_x, T = n); repeated rows are merged, and the result equals
     * fitting the expanded table.
     *
     * @throws IllegalArgumentException if the table is empty, or a row is not a valid discrete
     *     history (naming the row and the value; see the class description)
     */
    public BgBb fit(WeightedSummaries summaries) {
      return fitData(Data.of(summaries), options);
    }

    /**
     * Fits to one row per customer (T = n opportunities).
     *
     * @throws IllegalArgumentException if the table is empty, or a customer's history is not a
     *     valid discrete history (naming the customer and the value)
     */
    public BgBb fit(CustomerSummaries summaries) {
      return fitData(Data.of(summaries), options);
    }
  }

  private static BgBb fitData(Data d, FitOptions options) {
    MaximumLikelihood.Likelihood ll = (th, g) -> logLikelihood(th, d, g);
    var p = new MaximumLikelihood.Problem(NAME, NAMES, new int[4], 1, ll, List.of(), ll,
        new double[] {1, 1, 1, 1}, d.totalWeight(), d.size());
    MaximumLikelihood.Estimates e = MaximumLikelihood.fit(p, options);
    return new BgBb(e.theta(), e);
  }

  // ------------------------------------------------------------------ data

  /** Distinct (x, t_x, n) rows with weights, sorted by x, t_x, n. */
  static final class Data {
    final int[] x;
    final int[] tx;
    final int[] n;
    final double[] w;
    final int maxN;

    private Data(int[] x, int[] tx, int[] n, double[] w) {
      this.x = x;
      this.tx = tx;
      this.n = n;
      this.w = w;
      int m = 0;
      for (int v : n) {
        m = Math.max(m, v);
      }
      this.maxN = m;
    }

    static Data of(WeightedSummaries s) {
      Checks.notNull("summaries", s);
      for (int i = 0; i < s.size(); i++) {
        checkRow(String.format(Locale.ROOT, "row %d", i + 1), s.x(i), s.tx(i), s.T(i));
      }
      return of(Rows.of(s));
    }

    static Data of(CustomerSummaries s) {
      Checks.notNull("summaries", s);
      for (int i = 0; i < s.size(); i++) {
        checkRow(String.format(Locale.ROOT, "row %d, customer '%s'", i + 1, s.customerId(i)),
            s.x(i), s.tx(i), s.T(i));
      }
      return of(Rows.of(s));
    }

    private static Data of(Rows r) {
      int k = r.size();
      int[] tx = new int[k];
      int[] n = new int[k];
      for (int i = 0; i < k; i++) {
        tx[i] = (int) r.tx[i];
        n[i] = (int) r.T[i];
      }
      return new Data(r.x.clone(), tx, n, r.w.clone());
    }

    int size() {
      return x.length;
    }

    double totalWeight() {
      double t = 0;
      for (double v : w) {
        t += v;
      }
      return t;
    }
  }

  /**
   * Checks one discrete history: whole numbers, 0 ≤ x ≤ t_x ≤ n ≤ {@value #MAX_OPPORTUNITIES},
   * x = 0 exactly when t_x = 0.
   */
  static void checkRow(String where, double x, double tx, double n) {
    String prefix = where.isEmpty() ? "" : where + ": ";
    if (!(x >= 0) || x != Math.rint(x)) {
      throw new IllegalArgumentException(prefix + "x must be a whole number >= 0: "
          + Checks.format(x));
    }
    if (!(tx >= 0) || tx != Math.rint(tx) || Double.isInfinite(tx)) {
      throw new IllegalArgumentException(prefix + "t_x must be a whole number of opportunities "
          + ">= 0 for BG/BB: " + Checks.format(tx));
    }
    if (!(n >= 0) || n != Math.rint(n) || n > MAX_OPPORTUNITIES) {
      throw new IllegalArgumentException(prefix + "n (T) must be a whole number of "
          + "opportunities in [0, " + MAX_OPPORTUNITIES + "] for BG/BB: " + Checks.format(n));
    }
    if (tx > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%st_x (%s) must not exceed n (%s)", prefix, Checks.format(tx), Checks.format(n)));
    }
    if (x > tx) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%sx (%s) must not exceed t_x (%s): x transactions need x opportunities", prefix,
          Checks.format(x), Checks.format(tx)));
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException(prefix + "t_x must be 0 when x = 0: "
          + Checks.format(tx));
    }
    if (x > 0 && tx == 0) {
      throw new IllegalArgumentException(prefix + "t_x must be >= 1 when x > 0: "
          + Checks.format(tx));
    }
  }

  // ------------------------------------------------------------------ likelihood

  /**
   * ln Γ and ψ of α+k, β+k, α+β+k, δ+k, γ+δ+k for k = 0..m+1, and the constants ln B(α, β),
   * ln B(γ, δ): every beta function of the model has one of these arguments.
   */
  private static final class Tabs {
    final double[] la;
    final double[] lb;
    final double[] lab;
    final double[] ld;
    final double[] lgd;
    final double[] pa;
    final double[] pb;
    final double[] pab;
    final double[] pd;
    final double[] pgd;
    final double lgG;
    final double lgG1;
    final double lnBab;
    final double lnBgd;
    final double gamma;

    Tabs(double[] th, int m, boolean gradient) {
      double a = th[0];
      double b = th[1];
      double g = th[2];
      double d = th[3];
      gamma = g;
      int len = m + 2;
      la = new double[len];
      lb = new double[len];
      lab = new double[len];
      ld = new double[len];
      lgd = new double[len];
      pa = gradient ? new double[len] : null;
      pb = gradient ? new double[len] : null;
      pab = gradient ? new double[len] : null;
      pd = gradient ? new double[len] : null;
      pgd = gradient ? new double[len] : null;
      for (int k = 0; k < len; k++) {
        la[k] = logGamma(a + k);
        lb[k] = logGamma(b + k);
        lab[k] = logGamma(a + b + k);
        ld[k] = logGamma(d + k);
        lgd[k] = logGamma(g + d + k);
        if (gradient) {
          pa[k] = digamma(a + k);
          pb[k] = digamma(b + k);
          pab[k] = digamma(a + b + k);
          pd[k] = digamma(d + k);
          pgd[k] = digamma(g + d + k);
        }
      }
      lgG = logGamma(g);
      lgG1 = logGamma(g + 1);
      lnBab = la[0] + lb[0] - lab[0];
      lnBgd = lgG + ld[0] - lgd[0];
    }

    /** ln A(x, y) = ln B(α+x, β+y) − ln B(α, β). */
    double lnA(int x, int y) {
      return la[x] + lb[y] - lab[x + y] - lnBab;
    }

    /** ln S(m) = ln B(γ, δ+m) − ln B(γ, δ). */
    double lnS(int m) {
      return lgG + ld[m] - lgd[m] - lnBgd;
    }

    /** ln B(γ+1, δ+m) − ln B(γ, δ): inactive from the start of opportunity m+1. */
    double lnD(int m) {
      return lgG1 + ld[m] - lgd[m + 1] - lnBgd;
    }
  }

  /**
   * Σ w ln L over {@code d}, with dLL/d(α, β, γ, δ) in {@code gradient} when not null; −∞
   * outside the parameter space.
   */
  static double logLikelihood(double[] th, Data d, double[] gradient) {
    for (double v : th) {
      if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    Tabs t = new Tabs(th, d.maxN, gradient != null);
    return RowSums.sum(d.size(), 4, gradient, (from, to, g) -> {
      double sum = 0;
      double[] terms = new double[d.maxN + 2];
      for (int i = from; i < to; i++) {
        int x = d.x[i];
        int tx = d.tx[i];
        int n = d.n[i];
        int k = n - tx;
        terms[0] = t.lnA(x, n - x) + t.lnS(n);
        double m = terms[0];
        for (int j = 0; j < k; j++) {
          terms[j + 1] = t.lnA(x, tx - x + j) + t.lnD(tx + j);
          m = Math.max(m, terms[j + 1]);
        }
        double s = 0;
        for (int j = 0; j <= k; j++) {
          terms[j] = Math.exp(terms[j] - m);
          s += terms[j];
        }
        double w = d.w[i];
        sum += w * (m + Math.log(s));
        if (g != null) {
          // softmax weights terms[j]/s times each term's gradient
          double ga = 0;
          double gb = 0;
          double gg = 0;
          double gd = 0;
          double pab0 = t.pab[0];
          double pgd0 = t.pgd[0];
          for (int j = 0; j <= k; j++) {
            double q = terms[j] / s;
            if (q == 0) {
              continue;
            }
            int y = j == 0 ? n - x : tx - x + j - 1;
            ga += q * (t.pa[x] - t.pab[x + y] - t.pa[0] + pab0);
            gb += q * (t.pb[y] - t.pab[x + y] - t.pb[0] + pab0);
            if (j == 0) {
              gg += q * (pgd0 - t.pgd[n]);
              gd += q * (t.pd[n] - t.pgd[n] - t.pd[0] + pgd0);
            } else {
              int mm = tx + j - 1;
              gg += q * (1 / t.gamma - t.pgd[mm + 1] + pgd0);
              gd += q * (t.pd[mm] - t.pgd[mm + 1] - t.pd[0] + pgd0);
            }
          }
          g[0] += w * ga;
          g[1] += w * gb;
          g[2] += w * gg;
          g[3] += w * gd;
        }
      }
      return sum;
    });
  }

  /** ln L of one customer (checked). */
  private double lnL(int x, int tx, int n) {
    Tabs t = new Tabs(theta(), n, false);
    double[] terms = new double[n - tx + 1];
    terms[0] = t.lnA(x, n - x) + t.lnS(n);
    for (int j = 0; j < n - tx; j++) {
      terms[j + 1] = t.lnA(x, tx - x + j) + t.lnD(tx + j);
    }
    return logSumExp(terms);
  }

  private static double logSumExp(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }

  private double[] theta() {
    return new double[] {alpha, beta, gamma, delta};
  }

  // ------------------------------------------------------------------ parameters and fit

  /** α, the first shape of the transaction-probability beta. */
  public double alpha() {
    return alpha;
  }

  /** β, the second shape of the transaction-probability beta. */
  public double beta() {
    return beta;
  }

  /** γ, the first shape of the dropout-probability beta. */
  public double gamma() {
    return gamma;
  }

  /** δ, the second shape of the dropout-probability beta. */
  public double delta() {
    return delta;
  }

  /** The parameters by name, in the order alpha, beta, gamma, delta. */
  public Map<String, Double> parameters() {
    return named(theta());
  }

  /**
   * The covariance matrix of (α, β, γ, δ) (delta method).
   *
   * @throws IllegalStateException if not fitted, or the Hessian was not positive definite
   */
  public double[][] covariance() {
    return covarianceMatrix();
  }

  /**
   * ln L(α, β, γ, δ | x, t_x, n) of one customer (FHS 2010, eq. 5; see {@link Fitter}).
   *
   * @throws IllegalArgumentException if the history is not valid (see the class description)
   */
  public double logLikelihood(int x, int tx, int n) {
    checkRow("", x, tx, n);
    return lnL(x, tx, n);
  }

  /** The log-likelihood of a whole weighted table at these parameters. */
  public double logLikelihood(WeightedSummaries summaries) {
    return logLikelihood(theta(), Data.of(summaries), null);
  }

  /** The state: name, parameters, covariance and fit report (if fitted); no time unit. */
  public ModelState state() {
    return stateOf(null, theta());
  }

  /**
   * Rebuilds a model from its state.
   *
   * @throws IllegalArgumentException if the state is of another model or lacks a parameter
   */
  public static BgBb from(ModelState state) {
    double[] theta = State.parameters(state, NAME, NAMES);
    return new BgBb(theta, State.estimates(state, theta));
  }

  // ------------------------------------------------------------------ predictions

  /**
   * Σ_{t=m+1}^{m+k} S(t)/S(m): the expected number of the next k opportunities at which a
   * customer alive at opportunity m is still alive. Closed form (δ+m)/(γ−1) [1 − Γ(γ+δ+m)
   * Γ(1+δ+m+k) / (Γ(γ+δ+m+k) Γ(1+δ+m))] = (δ+m) (−expm1 Δ)/(γ−1) with
   * Δ = −Σ_{j&lt;k} ln(1 + (γ−1)/(1+δ+m+j)); Δ/(γ−1) is computed without dividing by γ−1, so
   * γ = 1 is a regular point (the limit (δ+m) Σ_j 1/(1+δ+m+j)).
   */
  static double aliveOpportunities(double gamma, double delta, int m, long k) {
    if (k == 0) {
      return 0;
    }
    double eps = gamma - 1;
    double c0 = 1 + delta + m;
    double q = deltaOverEps(eps, c0, k);
    double dlt = q * eps;
    double exprel = dlt == 0 ? 1 : Math.expm1(dlt) / dlt;
    return (delta + m) * (-q) * exprel;
  }

  /**
   * Δ/ε where Δ = −Σ_{j=0}^{k−1} ln(1 + ε/(c0+j)); regular at ε = 0. The first 100,000 terms
   * are summed; the rest, Σ ln(1 + ε/c) = [lnΓ(C1+ε) − lnΓ(C1)] − [lnΓ(C0+ε) − lnΓ(C0)] with
   * C0, C1 ≥ 1e5, by {@link #logGammaStepOverEps}.
   */
  private static double deltaOverEps(double eps, double c0, long k) {
    final long loop = 100_000;
    long head = Math.min(k, loop);
    double s = 0;
    for (long j = 0; j < head; j++) {
      double c = c0 + j;
      s -= eps == 0 ? 1 / c : Math.log1p(eps / c) / eps;
    }
    if (k > head) {
      s -= logGammaStepOverEps(c0 + k, eps) - logGammaStepOverEps(c0 + head, eps);
    }
    return s;
  }

  /**
   * [lnΓ(C+ε) − lnΓ(C)]/ε for C ≥ 1e5 from Stirling's series (the next term, of order C^−5, is
   * below rounding): (C − ½) ln(1 + ε/C)/ε + ln(C+ε) − 1 − 1/(12 C (C+ε)) + (3C² + 3Cε + ε²) /
   * (360 C³ (C+ε)³), every part regular at ε = 0.
   */
  static double logGammaStepOverEps(double c, double eps) {
    double ce = c + eps;
    double l = eps == 0 ? 1 / c : Math.log1p(eps / c) / eps;
    return (c - 0.5) * l + Math.log(ce) - 1 - 1 / (12 * c * ce)
        + (3 * c * c + 3 * c * eps + eps * eps) / (360 * c * c * c * ce * ce * ce);
  }

  /**
   * E[X(n)], the expected number of transactions in the first n opportunities after the first
   * of a new customer (FHS 2010, eq. 8): α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ) Γ(1+δ+n) /
   * (Γ(γ+δ+n) Γ(1+δ))]; at γ = 1 the limit α/(α+β) · δ Σ_{j&lt;n} 1/(1+δ+j).
   *
   * @param n opportunities, ≥ 0
   */
  public double expectedTransactions(int n) {
    Checks.nonNegative("n", n);
    return alpha / (alpha + beta) * aliveOpportunities(gamma, delta, 0, n);
  }

  /**
   * P(X(n) = x) for a new customer (FHS 2010, eq. 7): C(n, x) A(x, n−x) S(n) +
   * Σ_{i=x}^{n−1} C(i, x) A(x, i−x) B(γ+1, δ+i)/B(γ, δ), evaluated with log-sum-exp. Sums to 1
   * over x = 0..n; 0 for x &gt; n.
   *
   * @param x transactions, ≥ 0
   * @param n opportunities, in [0, {@value #MAX_OPPORTUNITIES}]
   */
  public double probabilityOfTransactions(int x, int n) {
    Checks.nonNegative("x", x);
    Checks.inRange("n", n, 0, MAX_OPPORTUNITIES);
    if (x > n) {
      return 0;
    }
    return pmfNew(x, n, alpha, beta, gamma, delta);
  }

  private static double pmfNew(int x, int n, double a, double b, double g, double d) {
    Tabs t = new Tabs(new double[] {a, b, g, d}, n, false);
    double[] terms = new double[n - x + 1];
    terms[0] = logChoose(n, x) + t.lnA(x, n - x) + t.lnS(n);
    for (int i = x; i < n; i++) {
      terms[i - x + 1] = logChoose(i, x) + t.lnA(x, i - x) + t.lnD(i);
    }
    return Math.min(1, Math.exp(logSumExp(terms)));
  }

  private static double logChoose(int n, int k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }

  /**
   * P(alive at opportunity n+m | x, t_x, n) = A(x, n−x) S(n+m) / L(α, β, γ, δ | x, t_x, n)
   * (FHS 2010, eq. 11 for m = 1). With m = 0 it is the probability of being alive at the last
   * observed opportunity; with m = 1 at the next one (for data covering opportunities to 2001,
   * the paper's "P(alive in 2002)"). 1 for a customer who transacted at n and m = 0.
   *
   * @param m opportunities after n, ≥ 0
   * @throws IllegalArgumentException if the history is not valid (see the class description)
   */
  public double probabilityAlive(int x, int tx, int n, int m) {
    checkRow("", x, tx, n);
    Checks.nonNegative("m", m);
    return aliveAt(x, tx, n, m);
  }

  private double aliveAt(int x, int tx, int n, int m) {
    if (m == 0 && tx == n) {
      return 1; // transacted at the last opportunity: alive there
    }
    // A(x, n−x) S(n+m) = A(x, n−x) S(n) · B(γ, δ+n+m)/B(γ, δ+n)
    double lnNum = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta)
        + logBeta(gamma, delta + n) - logBeta(gamma, delta)
        + (m == 0 ? 0 : logBeta(gamma, delta + n + (double) m) - logBeta(gamma, delta + n));
    return Math.min(1, Math.exp(lnNum - lnL(x, tx, n)));
  }

  /**
   * {@link #probabilityAlive(int, int, int, int)} for every row of {@code summaries}, in its
   * row order.
   */
  public double[] probabilityAlive(WeightedSummaries summaries, int m) {
    Checks.nonNegative("m", m);
    return table(summaries, (x, tx, n) -> aliveAt(x, tx, n, m));
  }

  /**
   * E[X(n, n+n*) | x, t_x, n], the expected number of transactions in the next n* opportunities
   * (FHS 2010, eq. 13): 1/L · B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) ·
   * [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)], evaluated as P(alive at n) ·
   * (α+x)/(α+β+n) · Σ_{t=n+1}^{n+n*} S(t)/S(n), which is the same expression rearranged (and
   * regular at γ = 1).
   *
   * @param nStar future opportunities, ≥ 0
   * @throws IllegalArgumentException if the history is not valid (see the class description)
   */
  public double conditionalExpectedTransactions(int x, int tx, int n, int nStar) {
    checkRow("", x, tx, n);
    Checks.nonNegative("nStar", nStar);
    return cet(x, tx, n, nStar);
  }

  private double cet(int x, int tx, int n, int nStar) {
    if (nStar == 0) {
      return 0;
    }
    double pa = aliveAt(x, tx, n, 0);
    return pa * (alpha + x) / (alpha + beta + n) * aliveOpportunities(gamma, delta, n, nStar);
  }

  /**
   * {@link #conditionalExpectedTransactions(int, int, int, int)} for every row of
   * {@code summaries}, in its row order (multiply by the weights for totals).
   */
  public double[] conditionalExpectedTransactions(WeightedSummaries summaries, int nStar) {
    Checks.nonNegative("nStar", nStar);
    return table(summaries, (x, tx, n) -> cet(x, tx, n, nStar));
  }

  /** {@link #conditionalExpectedTransactions(int, int, int, int)} for every customer. */
  public double[] conditionalExpectedTransactions(CustomerSummaries summaries, int nStar) {
    Checks.nonNegative("nStar", nStar);
    Checks.notNull("summaries", summaries);
    int size = summaries.size();
    for (int i = 0; i < size; i++) {
      checkRow(String.format(Locale.ROOT, "row %d, customer '%s'", i + 1,
          summaries.customerId(i)), summaries.x(i), summaries.tx(i), summaries.T(i));
    }
    double[] out = new double[size];
    RowSums.forEach(size, i -> out[i] = cet(summaries.x(i), (int) summaries.tx(i),
        (int) summaries.T(i), nStar));
    return out;
  }

  /**
   * P(X(n, n+n*) = x* | x, t_x, n), the distribution of the number of transactions in the next
   * n* opportunities: [x* = 0] (1 − π) + π P_new(x*; n*, α+x, β+n−x, γ, δ+n), where π is
   * P(alive at n) and P_new the new-customer distribution above: given alive at n, p and θ have
   * the independent posteriors Beta(α+x, β+n−x) and Beta(γ, δ+n). Sums to 1 over x* = 0..n*.
   *
   * @throws IllegalArgumentException if the history is not valid, xStar is negative or nStar
   *     is outside [0, {@value #MAX_OPPORTUNITIES}]
   */
  public double conditionalProbabilityOfTransactions(int xStar, int nStar, int x, int tx, int n) {
    checkRow("", x, tx, n);
    Checks.nonNegative("xStar", xStar);
    Checks.inRange("nStar", nStar, 0, MAX_OPPORTUNITIES);
    double pa = aliveAt(x, tx, n, 0);
    double p = xStar > nStar ? 0
        : pa * pmfNew(xStar, nStar, alpha + x, beta + n - x, gamma, delta + n);
    return xStar == 0 ? (1 - pa) + p : p;
  }

  /**
   * DERT(d | x, t_x, n), the discounted expected residual transactions from opportunity n+1 on
   * (FHS 2010, eq. 14): B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / (1+d) ·
   * 2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L, evaluated as π (α+x)/(α+β+n) · (δ+n)/(γ+δ+n) ·
   * 2F1(…)/(1+d) with π = P(alive at n); the transaction at opportunity n+k is discounted by
   * (1+d)^−k.
   *
   * @param d the discount rate per opportunity (0.1 for 10% between yearly opportunities), &gt; 0
   * @throws IllegalArgumentException if the history is not valid or d is not finite and &gt; 0
   */
  public double discountedExpectedResidualTransactions(int x, int tx, int n, double d) {
    checkRow("", x, tx, n);
    Checks.positive("discount rate d", d);
    double pa = aliveAt(x, tx, n, 0);
    double z = 1 / (1 + d);
    double dn = delta + n;
    return pa * (alpha + x) / (alpha + beta + n) * dn / (gamma + dn) * z
        * Hyp2F1.value(1, dn + 1, gamma + dn + 1, z);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Simulates {@code customers} customers over {@code n} opportunities (seeded): p ~ Beta(α, β),
   * θ ~ Beta(γ, δ); at each opportunity a living customer first drops out with probability θ,
   * then transacts with probability p. Returned compressed, with {@code unit} as the label of
   * one opportunity.
   */
  public WeightedSummaries simulate(int customers, int n, ChronoUnit unit, long seed) {
    Checks.positive("customers", customers);
    Checks.nonNegative("n", n);
    var rng = new SplittableRandom(seed);
    // counts[x][tx] over the (n+1)(n+2)/2 possible histories, at most a few million cells
    var counts = new java.util.HashMap<Long, double[]>();
    for (int c = 0; c < customers; c++) {
      double p = betaVariate(rng, alpha, beta);
      double th = betaVariate(rng, gamma, delta);
      int x = 0;
      int tx = 0;
      for (int t = 1; t <= n; t++) {
        if (rng.nextDouble() < th) {
          break;
        }
        if (rng.nextDouble() < p) {
          x++;
          tx = t;
        }
      }
      counts.computeIfAbsent(((long) x << 32) | tx, k -> new double[1])[0]++;
    }
    int k = counts.size();
    int[] xs = new int[k];
    double[] txs = new double[k];
    double[] ns = new double[k];
    double[] ws = new double[k];
    int i = 0;
    for (var e : new java.util.TreeMap<>(counts).entrySet()) {
      xs[i] = (int) (e.getKey() >>> 32);
      txs[i] = (int) (e.getKey() & 0xffffffffL);
      ns[i] = n;
      ws[i] = e.getValue()[0];
      i++;
    }
    return WeightedSummaries.ofColumns(xs, txs, ns, ws, unit);
  }

  private static double betaVariate(SplittableRandom rng, double a, double b) {
    double x = BgFamily.gamma(rng, a);
    double y = BgFamily.gamma(rng, b);
    return x + y > 0 ? x / (x + y) : a / (a + b);
  }

  // ------------------------------------------------------------------ helpers

  @FunctionalInterface
  private interface RowFunction {
    double apply(int x, int tx, int n);
  }

  private double[] table(WeightedSummaries s, RowFunction f) {
    Checks.notNull("summaries", s);
    int size = s.size();
    for (int i = 0; i < size; i++) {
      checkRow(String.format(Locale.ROOT, "row %d", i + 1), s.x(i), s.tx(i), s.T(i));
    }
    double[] out = new double[size];
    RowSums.forEach(size, i -> out[i] = f.apply(s.x(i), (int) s.tx(i), (int) s.T(i)));
    return out;
  }

  @Override
  public String toString() {
    return describe(null, theta());
  }
}
