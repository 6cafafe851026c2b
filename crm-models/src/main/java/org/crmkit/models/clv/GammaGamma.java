package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.model.FitReport;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4),
 * 415–430, doi:10.1509/jmkr.2005.42.4.415; Fader &amp; Hardie 2013, "The Gamma-Gamma model of
 * monetary value", note at brucehardie.com). A customer's transaction values are
 * Gamma(p, ν) (shape p, rate ν), ν ~ Gamma(q, γ) across customers; spend is independent of the
 * purchase process. A customer with x repeat transactions of mean value z̄ has
 *
 * <p>f(z̄ | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q).
 *
 * <p>Only repeat transactions count (x &gt; 0, z̄ the mean of the repeat purchase days, as in
 * {@link CustomerSummaries#monetary(int)}); customers with x = 0 are left out of the fit, so
 * the n of {@link #bic()} ({@code fitReport().customers()}) counts the repeat customers only.
 * Money has no unit here: γ is in the currency of the amounts. Instances are immutable and
 * thread-safe.
 */
public final class GammaGamma extends FittedModel {

  static final String NAME = "Gamma-Gamma";
  private static final String[] NAMES = {"p", "q", "gamma"};

  private final double p;
  private final double q;
  private final double gamma;

  private GammaGamma(double[] theta, MaximumLikelihood.Estimates estimates) {
    super(NAME, NAMES, estimates);
    this.p = Checks.positive("p", theta[0]);
    this.q = Checks.positive("q", theta[1]);
    this.gamma = Checks.positive("gamma", theta[2]);
  }

  /**
   * A model with given parameters (not fitted).
   *
   * @throws IllegalArgumentException naming the parameter if one is not finite and &gt; 0
   */
  public static GammaGamma of(double p, double q, double gamma) {
    return new GammaGamma(new double[] {p, q, gamma}, null);
  }

  /** Fits with default options; see {@link Fitter#fit(CustomerSummaries)}. */
  public static GammaGamma fit(CustomerSummaries summaries) {
    return withDefaults().fit(summaries);
  }

  /** A fitter with the default options: 200 iterations, 2,000 simplex evaluations, no penalty. */
  public static Fitter withDefaults() {
    return new Fitter(FitOptions.DEFAULTS);
  }

  /**
   * Fits Gamma-Gamma by maximum likelihood to the repeat customers (x &gt; 0) of a summary
   * table, from x and the mean repeat spend. Identical (x, z̄) pairs are merged; the
   * log-likelihood Σ ln f(z̄ | p, q, γ, x) has an analytic gradient; the optimisation runs on
   * ln p, ln q, ln γ with amounts divided by their mean (γ transformed back, and
   * {@link #withPenalty} takes it in this internal money unit, so the penalty does not depend on
   * the currency). Immutable.
   */
  public static final class Fitter extends AbstractFitter<Fitter> {
    private Fitter(FitOptions options) {
      super(options, Fitter::new);
    }

    /** Starts the optimiser at these values (γ in the data's currency). */
    public Fitter withStart(double p, double q, double gamma) {
      return with(options.withStart(3, p, q, gamma));
    }

    /**
     * Fits to the customers with x &gt; 0.
     *
     * @throws IllegalArgumentException if the summaries carry no monetary values, a repeat
     *     customer's mean spend is not positive (naming the customer and the value), or no
     *     customer has x &gt; 0
     */
    public GammaGamma fit(CustomerSummaries summaries) {
      return fitData(Spend.of(summaries), options);
    }
  }

  /** Distinct (x, z̄) rows with weights, sorted by x. */
  static final class Spend {
    final int[] x;
    final double[] z;
    final double[] w;

    private Spend(int[] x, double[] z, double[] w) {
      this.x = x;
      this.z = z;
      this.w = w;
    }

    static Spend of(CustomerSummaries s) {
      Checks.notNull("summaries", s);
      if (!s.hasMonetary()) {
        throw new IllegalArgumentException(
            "the summaries carry no monetary values: Gamma-Gamma needs the mean repeat spend");
      }
      int n = 0;
      long[] keys = new long[s.size()];
      for (int i = 0; i < s.size(); i++) {
        if (s.x(i) == 0) {
          continue;
        }
        double m = s.monetary(i);
        if (!(m > 0 && m < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "customer '%s': monetary must be finite and > 0 when x > 0 (x = %d): %s",
              s.customerId(i), s.x(i), m));
        }
        keys[n++] = i;
      }
      if (n == 0) {
        throw new IllegalArgumentException(
            "no customer with x > 0: Gamma-Gamma is fitted to repeat customers only");
      }
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        order[j] = (int) keys[j];
      }
      Arrays.sort(order, (u, v) -> {
        int c = Integer.compare(s.x(u), s.x(v));
        return c != 0 ? c : Double.compare(s.monetary(u), s.monetary(v));
      });
      int[] x = new int[n];
      double[] z = new double[n];
      double[] w = new double[n];
      int k = -1;
      for (int j = 0; j < n; j++) {
        int i = order[j];
        if (k >= 0 && x[k] == s.x(i) && z[k] == s.monetary(i)) {
          w[k]++;
        } else {
          k++;
          x[k] = s.x(i);
          z[k] = s.monetary(i);
          w[k] = 1;
        }
      }
      k++;
      return new Spend(Arrays.copyOf(x, k), Arrays.copyOf(z, k), Arrays.copyOf(w, k));
    }

    Spend scaled(double s) {
      double[] z2 = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        z2[i] = z[i] / s;
      }
      return new Spend(x, z2, w);
    }

    double totalWeight() {
      double t = 0;
      for (double v : w) {
        t += v;
      }
      return t;
    }

    double meanSpend() {
      double t = 0;
      for (int i = 0; i < z.length; i++) {
        t += w[i] * z[i];
      }
      return t / totalWeight();
    }
  }

  /**
   * Σ w ln f(z̄ | p, q, γ, x) with the gradient: ∂/∂p = x[ψ(px+q) − ψ(px) + ln z̄ + ln x
   * − ln(γ+xz̄)], ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+xz̄), ∂/∂γ = q/γ − (px+q)/(γ+xz̄).
   */
  static double logLikelihood(double[] theta, Spend d, double[] gradient) {
    double p = theta[0];
    double q = theta[1];
    double g = theta[2];
    if (!(p > 0 && q > 0 && g > 0) || !Double.isFinite(p + q + g)) {
      return Double.NEGATIVE_INFINITY;
    }
    double lgq = logGamma(q);
    double lng = Math.log(g);
    double psiQ = gradient == null ? 0 : digamma(q);
    return RowSums.sum(d.x.length, 3, gradient, (from, to, grad) -> {
      double sum = 0;
      double gp = 0;
      double gq = 0;
      double gg = 0;
      int lastX = -1;
      double cx = 0;
      double lnx = 0;
      double dpx = 0;
      double dqx = 0;
      for (int i = from; i < to; i++) {
        int x = d.x[i];
        double px = p * x;
        if (x != lastX) {
          lastX = x;
          lnx = Math.log(x);
          cx = logGamma(px + q) - logGamma(px) - lgq + q * lng + px * lnx;
          if (grad != null) {
            double psi = digamma(px + q);
            dpx = x * (psi - digamma(px) + lnx);
            dqx = psi - psiQ + lng;
          }
        }
        double w = d.w[i];
        double lnz = Math.log(d.z[i]);
        double lnd = Math.log(g + x * d.z[i]);
        sum += w * (cx + (px - 1) * lnz - (px + q) * lnd);
        if (grad != null) {
          gp += w * (dpx + x * (lnz - lnd));
          gq += w * (dqx - lnd);
          gg += w * (q / g - (px + q) / (g + x * d.z[i]));
        }
      }
      if (grad != null) {
        grad[0] += gp;
        grad[1] += gq;
        grad[2] += gg;
      }
      return sum;
    });
  }

  private static GammaGamma fitData(Spend data, FitOptions options) {
    double s = data.meanSpend();
    Spend scaled = data.scaled(s);
    var problem = new MaximumLikelihood.Problem(NAME, NAMES, new int[] {0, 0, 1}, s,
        (th, gr) -> logLikelihood(th, scaled, gr), List.of(),
        (th, gr) -> logLikelihood(th, data, gr), new double[] {2, 3, 1}, data.totalWeight(),
        data.x.length);
    MaximumLikelihood.Estimates e = MaximumLikelihood.fit(problem, options);
    double[] t = e.theta();
    if (t[1] <= 1) {
      var w = new java.util.ArrayList<>(e.report().warnings());
      w.add(String.format(Locale.ROOT,
          "q = %.4g <= 1: the population mean spend p gamma / (q - 1) is infinite", t[1]));
      FitReport r = e.report();
      e = new MaximumLikelihood.Estimates(t, e.covariance(), new FitReport(r.converged(),
          r.iterations(), r.evaluations(), r.optimizer(), r.gradientNorm(), r.logLikelihood(),
          r.penalty(), r.timeScale(), r.customers(), r.rows(), w));
    }
    return new GammaGamma(t, e);
  }

  // ------------------------------------------------------------------ parameters and fit

  /** p, the shape of the transaction-value gamma. */
  public double p() {
    return p;
  }

  /** q, the shape of the gamma of ν (the customers' transaction-value rate). */
  public double q() {
    return q;
  }

  /** γ, the rate of the gamma of ν, in the currency of the amounts. */
  public double gamma() {
    return gamma;
  }

  /** The parameters by name: p, q, gamma. */
  public Map<String, Double> parameters() {
    return named(new double[] {p, q, gamma});
  }

  /**
   * ln f(z̄ | p, q, γ, x) for one customer (see the class description).
   *
   * @throws IllegalArgumentException if x ≤ 0 or the mean spend is not finite and &gt; 0
   */
  public double logLikelihood(int x, double meanSpend) {
    Checks.positive("x", x);
    Checks.positive("mean spend", meanSpend);
    return logLikelihood(new double[] {p, q, gamma},
        new Spend(new int[] {x}, new double[] {meanSpend}, new double[] {1}), null);
  }

  /** The state (no time unit). */
  public ModelState state() {
    return stateOf(null, new double[] {p, q, gamma});
  }

  /** Rebuilds a model from its state. @throws IllegalArgumentException for another model */
  public static GammaGamma from(ModelState state) {
    double[] theta = State.parameters(state, NAME, NAMES);
    return new GammaGamma(theta, State.estimates(state, theta));
  }

  // ------------------------------------------------------------------ predictions

  /**
   * The population mean spend per transaction E[Z] = p γ / (q − 1); +∞ when q ≤ 1 (the mean of
   * 1/ν does not exist).
   */
  public double populationMeanSpend() {
    return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * E[Z | x, z̄], the expected spend per transaction of a customer with x repeat transactions of
   * mean z̄ (FHL 2005 JMR, eq. 5): p (γ + x z̄) / (px + q − 1), a weighted mean of the
   * population mean and z̄ with weight px / (px + q − 1) on z̄. For x = 0 the population mean
   * (z̄ is ignored). +∞ when px + q ≤ 1.
   *
   * @throws IllegalArgumentException if x &lt; 0, or x &gt; 0 and z̄ is not finite and &gt; 0
   */
  public double conditionalExpectedSpend(int x, double meanSpend) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0: " + x);
    }
    if (x == 0) {
      return populationMeanSpend();
    }
    Checks.positive("mean spend", meanSpend);
    return expected(x, meanSpend);
  }

  private double expected(int x, double z) {
    double den = p * x + q - 1;
    return den > 0 ? p * (gamma + x * z) / den : Double.POSITIVE_INFINITY;
  }

  /**
   * {@link #conditionalExpectedSpend(int, double)} for every customer of {@code summaries}
   * (customers with x = 0 get the population mean).
   *
   * @throws IllegalArgumentException if the summaries carry no monetary values, or a customer
   *     with x &gt; 0 has a mean spend that is not positive (naming the customer)
   */
  public double[] conditionalExpectedSpend(CustomerSummaries summaries) {
    Checks.notNull("summaries", summaries);
    if (!summaries.hasMonetary()) {
      throw new IllegalArgumentException("the summaries carry no monetary values");
    }
    double[] out = new double[summaries.size()];
    double mean = populationMeanSpend();
    for (int i = 0; i < out.length; i++) {
      int x = summaries.x(i);
      if (x == 0) {
        out[i] = mean;
        continue;
      }
      double m = summaries.monetary(i);
      if (!(m > 0 && m < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "customer '%s': monetary must be finite and > 0 when x > 0 (x = %d): %s",
            summaries.customerId(i), x, m));
      }
      out[i] = expected(x, m);
    }
    return out;
  }

  /**
   * The Pearson correlation of x and mean spend among the repeat customers: Gamma-Gamma assumes
   * spend independent of frequency, so this should be near 0 (0.11 on the CDNOW sample).
   *
   * @throws IllegalArgumentException if fewer than two repeat customers, no monetary values,
   *     or either column is constant
   */
  public static double frequencySpendCorrelation(CustomerSummaries summaries) {
    Spend d = Spend.of(summaries);
    double n = d.totalWeight();
    if (n < 2) {
      throw new IllegalArgumentException("need at least two repeat customers: " + n);
    }
    double mx = 0;
    double mz = 0;
    for (int i = 0; i < d.x.length; i++) {
      mx += d.w[i] * d.x[i] / n;
      mz += d.w[i] * d.z[i] / n;
    }
    double sxx = 0;
    double szz = 0;
    double sxz = 0;
    for (int i = 0; i < d.x.length; i++) {
      double u = d.x[i] - mx;
      double v = d.z[i] - mz;
      sxx += d.w[i] * u * u;
      szz += d.w[i] * v * v;
      sxz += d.w[i] * u * v;
    }
    if (sxx == 0 || szz == 0) {
      throw new IllegalArgumentException("x or mean spend is constant: no correlation");
    }
    return sxz / Math.sqrt(sxx * szz);
  }

  @Override
  public String toString() {
    return describe(null, new double[] {p, q, gamma});
  }
}
