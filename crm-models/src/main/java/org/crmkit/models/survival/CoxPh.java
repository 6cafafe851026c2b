package org.crmkit.models.survival;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Checks;
import org.crmkit.core.Sorting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cox proportional hazards model h(t | x) = h₀(t) exp(xᵀβ) (Cox 1972), fitted by maximising
 * the partial likelihood with Newton–Raphson.
 *
 * <h2>Partial likelihood</h2>
 * At each distinct event time t with risk set R (durations &ge; t) and tied events D (d = |D|),
 * with r_i = exp(x_iᵀβ):
 *
 * <ul>
 *   <li>Efron (1977, doi:10.1080/01621459.1977.10480613), the default:
 *       ℓ(β) = Σ_t [ Σ_{i∈D} x_iᵀβ − Σ_{l=0}^{d−1} log( Σ_{R} r − (l/d) Σ_{D} r ) ].
 *   <li>Breslow (1974): the same with l/d replaced by 0, i.e. −d log Σ_R r.
 * </ul>
 *
 * Both coincide without ties. The score U and the information I (minus the Hessian) are the
 * analytic first and second derivatives. Newton–Raphson starts at β = 0 and halves the step
 * until ℓ does not decrease; it stops when every component of the step is below
 * {@code tolerance} × max(1, |β_j|) (on the internal scale). Internally covariates are centred,
 * and by default also divided by their standard deviation (n − 1 denominator) for numerical
 * stability; all results are reported on the original scale (β_j = β̃_j/s_j, Cov = S⁻¹ Coṽ S⁻¹).
 * Sums over risk sets are accumulated from the longest duration down with a running rescaling
 * (a log-sum-exp shift), so large linear predictors do not overflow.
 *
 * <h2>Inference</h2>
 * Standard errors are the square roots of the diagonal of I(β̂)⁻¹; z = β/se with two-sided normal
 * p-values; hazard ratios exp(β) with intervals exp(β ± z_{level} se). The likelihood-ratio test is
 * 2(ℓ(β̂) − ℓ(0)) on p degrees of freedom; the Wald test β̂ᵀ I(β̂) β̂ and the score test U(0)ᵀ I(0)⁻¹
 * U(0) are reported too (with one binary covariate and no tied times, the score test equals the
 * log-rank statistic). Harrell's concordance uses the fitted linear predictor as a risk score
 * (see {@link Concordance}), as lifelines' {@code concordance_index_} does.
 *
 * <h2>Baseline and predictions</h2>
 * The baseline cumulative hazard is Breslow's estimator at the covariate means x̄ (whatever the
 * ties method, as lifelines does): Ĥ₀(t) = Σ_{t_j &le; t} d_j / Σ_{i∈R(t_j)} exp((x_i − x̄)ᵀβ̂).
 * A new row x has the linear predictor (x − x̄)ᵀβ̂ (lifelines' log partial hazard) and predicted
 * survival S(t | x) = exp(−Ĥ₀(t) exp((x − x̄)ᵀβ̂)).
 *
 * <h2>Results</h2>
 * Every coefficient and test matches lifelines' {@code CoxPHFitter} and R's {@code coxph} on the
 * Rossi recidivism data (see the tests). Instances are immutable and thread-safe; arrays are copied
 * in and out.
 *
 * <pre>{@code
 * CoxPh cox = CoxPh.fit(x, new String[] {"fin", "age", "prio"}, weeks, arrested);
 * double[] beta = cox.coefficients();
 * ChiSquareTest lr = cox.likelihoodRatioTest();
 * double s52 = cox.survivalAt(new double[] {1, 25, 2}, 52);
 * CoxPh breslow = CoxPh.withDefaults().withTies(CoxPh.Ties.BRESLOW).fit(x, names, weeks, arrested);
 * }</pre>
 */
public final class CoxPh {

  private static final Logger log = LoggerFactory.getLogger(CoxPh.class);

  /** How tied event times enter the partial likelihood. */
  public enum Ties {
    /** Efron (1977): the default of lifelines and R. */
    EFRON,
    /** Breslow (1974): simpler, biased towards 0 with many ties. */
    BRESLOW
  }

  /**
   * Options of the fit.
   *
   * @param ties the ties method; {@link Ties#EFRON} by default
   * @param standardize whether covariates are divided by their standard deviation internally
   *     (they are always centred); true by default. Results are on the original scale either way.
   * @param maxIterations the Newton–Raphson iteration limit, &ge; 1; 50 by default
   * @param tolerance convergence tolerance on the Newton step, in (0, 1); 1e-9 by default
   * @param level confidence level of the hazard-ratio intervals; 0.95 by default
   */
  public record Options(Ties ties, boolean standardize, int maxIterations, double tolerance,
      double level) {

    /** Checks the options. */
    public Options {
      Checks.notNull("ties", ties);
      Checks.positive("maxIterations", maxIterations);
      if (!(tolerance > 0 && tolerance < 1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 1): "
            + Checks.format(tolerance));
      }
      SurvivalMath.checkLevel(level);
    }

    /** A copy with another ties method. */
    public Options withTies(Ties ties) {
      return new Options(ties, standardize, maxIterations, tolerance, level);
    }

    /** A copy with or without internal standardisation. */
    public Options withStandardize(boolean standardize) {
      return new Options(ties, standardize, maxIterations, tolerance, level);
    }

    /** A copy with another iteration limit. */
    public Options withMaxIterations(int maxIterations) {
      return new Options(ties, standardize, maxIterations, tolerance, level);
    }

    /** A copy with another convergence tolerance. */
    public Options withTolerance(double tolerance) {
      return new Options(ties, standardize, maxIterations, tolerance, level);
    }

    /** A copy with another confidence level. */
    public Options withLevel(double level) {
      return new Options(ties, standardize, maxIterations, tolerance, level);
    }

    /**
     * Fits the model.
     *
     * @param x covariates, one row per subject and one column per name; finite
     * @param names the covariate names, non-blank and distinct
     * @param durations time to the event or censoring, finite and &ge; 0
     * @param events 1 = event, 0 = censored
     * @throws IllegalArgumentException on bad input (the message names the field, the row and the
     *     value), without events, for a constant covariate, or when the covariates are collinear
     */
    public CoxPh fit(double[][] x, String[] names, double[] durations, int[] events) {
      return fit(x, names, SurvivalData.of(durations, events));
    }

    /** Fits the model to the rows of {@code data} (group labels are ignored). */
    public CoxPh fit(double[][] x, String[] names, SurvivalData data) {
      Checks.notNull("data", data);
      return new Fitter(this, x, names, data).fit();
    }
  }

  /**
   * One row of the coefficient table, on the original scale of the covariate.
   *
   * @param name the covariate
   * @param coefficient β
   * @param standardError se(β)
   * @param z β/se
   * @param pValue two-sided normal p-value of z
   * @param hazardRatio exp(β)
   * @param lower exp(β − z_{level} se)
   * @param upper exp(β + z_{level} se)
   */
  public record Term(String name, double coefficient, double standardError, double z,
      double pValue, double hazardRatio, double lower, double upper) {}

  /**
   * How the optimisation went.
   *
   * @param converged whether the Newton step fell below the tolerance
   * @param iterations Newton–Raphson iterations taken
   * @param stepHalvings step halvings over all iterations
   * @param gradientNorm the largest absolute score component at the solution (internal scale)
   * @param optimizer a description of the optimiser
   */
  public record FitReport(boolean converged, int iterations, int stepHalvings,
      double gradientNorm, String optimizer) {}

  private static final Options DEFAULTS = new Options(Ties.EFRON, true, 50, 1e-9, 0.95);

  private final Options options;
  private final List<String> names;
  private final int size;
  private final int eventCount;
  private final double[] means;
  private final double[] beta;
  private final double[] covariance; // p×p row-major, original scale
  private final double logLikelihood;
  private final double nullLogLikelihood;
  private final ChiSquareTest scoreTest;
  private final ChiSquareTest waldTest;
  private final Concordance concordance;
  private final FitReport report;
  private final double[] baselineTimes;
  private final double[] baselineHazard;

  private CoxPh(Options options, List<String> names, int size, int eventCount, double[] means,
      double[] beta, double[] covariance, double logLikelihood, double nullLogLikelihood,
      ChiSquareTest scoreTest, ChiSquareTest waldTest, Concordance concordance, FitReport report,
      double[] baselineTimes, double[] baselineHazard) {
    this.options = options;
    this.names = names;
    this.size = size;
    this.eventCount = eventCount;
    this.means = means;
    this.beta = beta;
    this.covariance = covariance;
    this.logLikelihood = logLikelihood;
    this.nullLogLikelihood = nullLogLikelihood;
    this.scoreTest = scoreTest;
    this.waldTest = waldTest;
    this.concordance = concordance;
    this.report = report;
    this.baselineTimes = baselineTimes;
    this.baselineHazard = baselineHazard;
  }

  /** Options: Efron ties, standardised internally, 50 iterations, tolerance 1e-9, 95% level. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /**
   * Fits the model with the default options (Efron ties).
   *
   * @see Options#fit(double[][], String[], double[], int[])
   */
  public static CoxPh fit(double[][] x, String[] names, double[] durations, int[] events) {
    return DEFAULTS.fit(x, names, durations, events);
  }

  /** Fits the model with the default options to the rows of {@code data}. */
  public static CoxPh fit(double[][] x, String[] names, SurvivalData data) {
    return DEFAULTS.fit(x, names, data);
  }

  /**
   * The score test at β = 0 without fitting (package-private: the properties compare it with the
   * log-rank test on data where the fit itself may diverge).
   */
  static ChiSquareTest scoreTestAtZero(Options options, double[][] x, String[] names,
      SurvivalData data) {
    return new Fitter(options, x, names, data).scoreTestOnly();
  }

  // ---------------------------------------------------------------- accessors

  /** The options used. */
  public Options options() {
    return options;
  }

  /** The covariate names. */
  public List<String> names() {
    return names;
  }

  /** The number of subjects. */
  public int size() {
    return size;
  }

  /** The number of events. */
  public int eventCount() {
    return eventCount;
  }

  /** The covariate means x̄ (the reference row of the baseline hazard). */
  public double[] means() {
    return means.clone();
  }

  /** The coefficients β̂. */
  public double[] coefficients() {
    return beta.clone();
  }

  /** The standard errors, sqrt(diag I(β̂)⁻¹). */
  public double[] standardErrors() {
    int p = beta.length;
    double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      se[j] = Math.sqrt(covariance[j * p + j]);
    }
    return se;
  }

  /** The covariance matrix of β̂, I(β̂)⁻¹. */
  public double[][] covariance() {
    int p = beta.length;
    double[][] out = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(covariance, i * p, out[i], 0, p);
    }
    return out;
  }

  /** The hazard ratios exp(β̂). */
  public double[] hazardRatios() {
    double[] hr = new double[beta.length];
    for (int j = 0; j < hr.length; j++) {
      hr[j] = Math.exp(beta[j]);
    }
    return hr;
  }

  /** The coefficient table. */
  public List<Term> terms() {
    double z = SurvivalMath.z(options.level());
    double[] se = standardErrors();
    List<Term> out = new ArrayList<>(beta.length);
    for (int j = 0; j < beta.length; j++) {
      double zj = beta[j] / se[j];
      out.add(new Term(names.get(j), beta[j], se[j], zj, SurvivalMath.twoSidedP(zj),
          Math.exp(beta[j]), Math.exp(beta[j] - z * se[j]), Math.exp(beta[j] + z * se[j])));
    }
    return Collections.unmodifiableList(out);
  }

  /** The maximised partial log-likelihood ℓ(β̂). */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** The partial log-likelihood of the null model, ℓ(0). */
  public double nullLogLikelihood() {
    return nullLogLikelihood;
  }

  /** The likelihood-ratio test 2(ℓ(β̂) − ℓ(0)) on p degrees of freedom. */
  public ChiSquareTest likelihoodRatioTest() {
    return ChiSquareTest.of(2 * (logLikelihood - nullLogLikelihood), beta.length);
  }

  /** The Wald test β̂ᵀ I(β̂) β̂ on p degrees of freedom. */
  public ChiSquareTest waldTest() {
    return waldTest;
  }

  /** The score (log-rank-type) test U(0)ᵀ I(0)⁻¹ U(0) on p degrees of freedom. */
  public ChiSquareTest scoreTest() {
    return scoreTest;
  }

  /** Harrell's concordance of the fitted linear predictor on the training data. */
  public Concordance concordance() {
    return concordance;
  }

  /** The partial AIC, −2ℓ(β̂) + 2p (lifelines' {@code AIC_partial_}). */
  public double aic() {
    return -2 * logLikelihood + 2 * beta.length;
  }

  /** How the optimisation went. */
  public FitReport fitReport() {
    return report;
  }

  /** The distinct event times, increasing: the steps of the baseline cumulative hazard. */
  public double[] baselineTimes() {
    return baselineTimes.clone();
  }

  /** Breslow's baseline cumulative hazard Ĥ₀ at the covariate means, at each baseline time. */
  public double[] baselineCumulativeHazard() {
    return baselineHazard.clone();
  }

  /** Ĥ₀(t) at the covariate means; 0 before the first event time. */
  public double baselineCumulativeHazardAt(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("time must not be NaN");
    }
    int j = RiskTable.indexAtOrBefore(baselineTimes, t);
    return j < 0 ? 0.0 : baselineHazard[j];
  }

  // ---------------------------------------------------------------- predictions

  /**
   * The linear predictor (x − x̄)ᵀβ̂ of a covariate row: the log of the hazard ratio against a
   * subject at the covariate means (lifelines' {@code predict_log_partial_hazard}).
   *
   * @throws IllegalArgumentException if the row has the wrong length or a non-finite value
   */
  public double linearPredictor(double[] row) {
    checkRow(row, -1);
    return eta(row);
  }

  /** exp((x − x̄)ᵀβ̂), the hazard ratio against a subject at the covariate means. */
  public double partialHazard(double[] row) {
    return Math.exp(linearPredictor(row));
  }

  /** The predicted cumulative hazard Ĥ₀(t) exp((x − x̄)ᵀβ̂). */
  public double cumulativeHazardAt(double[] row, double t) {
    return baselineCumulativeHazardAt(t) * partialHazard(row);
  }

  /** The predicted survival S(t | x) = exp(−Ĥ₀(t) exp((x − x̄)ᵀβ̂)). */
  public double survivalAt(double[] row, double t) {
    return Math.exp(-cumulativeHazardAt(row, t));
  }

  /**
   * The predicted survival at time t for every row of a covariate table.
   *
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite value (the
   *     message names the row)
   */
  public double[] survivalAt(double[][] rows, double t) {
    Checks.notNull("rows", rows);
    double h0 = baselineCumulativeHazardAt(t);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      checkRow(rows[i], i);
      out[i] = Math.exp(-h0 * Math.exp(eta(rows[i])));
    }
    return out;
  }

  /** The predicted survival curve of a covariate row, stepping at the baseline times. */
  public SurvivalCurve survivalCurve(double[] row) {
    double hr = partialHazard(row);
    double[] s = new double[baselineHazard.length];
    double prev = 1.0;
    for (int j = 0; j < s.length; j++) {
      prev = Math.min(prev, Math.exp(-baselineHazard[j] * hr));
      s[j] = prev;
    }
    return new SurvivalCurve(baselineTimes.clone(), s);
  }

  private double eta(double[] row) {
    double s = 0;
    for (int j = 0; j < beta.length; j++) {
      s += (row[j] - means[j]) * beta[j];
    }
    return s;
  }

  private void checkRow(double[] row, int index) {
    String where = index < 0 ? "row" : String.format(Locale.ROOT, "row %d", index + 1);
    if (row == null) {
      throw new IllegalArgumentException(where + ": covariate row must not be null");
    }
    if (row.length != beta.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: has %d covariates but the model has %d: %s", where, row.length, beta.length,
          names));
    }
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: covariate '%s' must be finite: %s", where, names.get(j),
            Checks.format(row[j])));
      }
    }
  }

  /**
   * The coefficient table in lifelines' layout, then the likelihoods, tests and concordance.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Cox proportional hazards: %s subjects, %s events, %s ties, %s (%d iterations)\n",
        Fmt.count(size), Fmt.count(eventCount), options.ties() == Ties.EFRON ? "Efron" : "Breslow",
        report.converged() ? "converged" : "NOT converged", report.iterations()));
    String lv = Fmt.level(options.level());
    List<Term> terms = terms();
    String[][] cells = new String[terms.size()][];
    for (int j = 0; j < cells.length; j++) {
      Term t = terms.get(j);
      cells[j] = new String[] {t.name(), Fmt.sig4(t.coefficient()), Fmt.sig4(t.standardError()),
          Fmt.sig4(t.hazardRatio()), Fmt.sig4(t.lower()), Fmt.sig4(t.upper()),
          String.format(Locale.ROOT, "%.2f", t.z()), Fmt.pValue(t.pValue())};
    }
    Tables.append(sb, new String[] {"covariate", "coef", "se(coef)", "exp(coef)",
        "lower " + lv, "upper " + lv, "z", "p"}, cells, true);
    sb.append(String.format(Locale.ROOT,
        "  partial log-likelihood %s (null %s), likelihood-ratio test %s\n",
        String.format(Locale.ROOT, "%.2f", logLikelihood),
        String.format(Locale.ROOT, "%.2f", nullLogLikelihood), likelihoodRatioTest()));
    sb.append(String.format(Locale.ROOT, "  concordance %s, partial AIC %.2f",
        Fmt.p4(concordance.index()), aic()));
    return sb.toString();
  }

  // ---------------------------------------------------------------- fitting

  /** One fit: the validated, centred (and scaled) data and the Newton–Raphson loop. */
  private static final class Fitter {

    private final Options options;
    private final List<String> names;
    private final SurvivalData data;
    private final int n;
    private final int p;
    private final double[] z; // n×p row-major, centred and scaled
    private final double[] means;
    private final double[] scales;
    private final double[] t;
    private final boolean[] e;
    private final int[] order; // ascending durations

    Fitter(Options options, double[][] x, String[] names, SurvivalData data) {
      this.options = options;
      this.data = data;
      this.n = data.size();
      this.names = checkNames(names);
      this.p = names.length;
      checkMatrix(x, n, this.names);
      if (data.eventCount() == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the Cox model needs at least one event: 0 of %,d rows are events", n));
      }
      means = new double[p];
      scales = new double[p];
      z = new double[n * p];
      for (int j = 0; j < p; j++) {
        double m = 0;
        for (int i = 0; i < n; i++) {
          m += x[i][j];
        }
        m /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
          double d = x[i][j] - m;
          ss += d * d;
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        if (!(sd > 0)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "covariate '%s' is constant (%s in every row): the Cox model has no intercept, "
                  + "so it cannot be estimated", this.names.get(j), Checks.format(x[0][j])));
        }
        means[j] = m;
        scales[j] = options.standardize() ? sd : 1.0;
        for (int i = 0; i < n; i++) {
          z[i * p + j] = (x[i][j] - m) / scales[j];
        }
      }
      t = data.durationValues();
      e = data.eventFlags();
      order = Sorting.order(t);
    }

    private static List<String> checkNames(String[] names) {
      Checks.notNull("names", names);
      if (names.length == 0) {
        throw new IllegalArgumentException("names must name at least one covariate: 0 names");
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < names.length; j++) {
        Checks.notBlank(String.format(Locale.ROOT, "names[%d]", j), names[j]);
        if (!seen.add(names[j])) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "names[%d]: covariate name '%s' appears twice", j, names[j]));
        }
      }
      return List.of(names.clone());
    }

    private static void checkMatrix(double[][] x, int n, List<String> names) {
      Checks.notNull("x", x);
      if (x.length != n) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "x has %,d rows but durations has %,d", x.length, n));
      }
      int p = names.size();
      for (int i = 0; i < n; i++) {
        if (x[i] == null) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "row %d: covariate row must not be null (x[%d])", i + 1, i));
        }
        if (x[i].length != p) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "row %d: has %d covariates but there are %d names %s (x[%d])", i + 1,
              x[i].length, p, names, i));
        }
        for (int j = 0; j < p; j++) {
          if (!Double.isFinite(x[i][j])) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "row %d: covariate '%s' must be finite: %s (x[%d][%d])", i + 1, names.get(j),
                Checks.format(x[i][j]), i, j));
          }
        }
      }
    }

    /** ℓ, U and I at one β (internal scale). */
    private static final class Eval {
      double ll;
      final double[] grad;
      final double[] info;
      final double[] eta;

      Eval(int n, int p) {
        grad = new double[p];
        info = new double[p * p];
        eta = new double[n];
      }
    }

    Eval evaluate(double[] b) {
      Eval ev = new Eval(n, p);
      double[] eta = ev.eta;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += z[i * p + j] * b[j];
        }
        eta[i] = s;
      }
      boolean efron = options.ties() == Ties.EFRON;
      double shift = Double.NEGATIVE_INFINITY;
      double s0 = 0;
      double[] s1 = new double[p];
      double[] s2 = new double[p * p]; // upper triangle used
      double[] d1 = new double[p];
      double[] d2 = new double[p * p];
      double[] a1 = new double[p];
      double ll = 0;
      double[] u = ev.grad;
      double[] info = ev.info;
      int hi = n - 1;
      while (hi >= 0) {
        double now = t[order[hi]];
        int lo = hi;
        while (lo > 0 && t[order[lo - 1]] == now) {
          lo--;
        }
        double groupMax = Double.NEGATIVE_INFINITY;
        for (int k = lo; k <= hi; k++) {
          groupMax = Math.max(groupMax, eta[order[k]]);
        }
        if (groupMax > shift) {
          if (shift > Double.NEGATIVE_INFINITY) {
            double f = Math.exp(shift - groupMax);
            s0 *= f;
            for (int j = 0; j < p; j++) {
              s1[j] *= f;
              for (int k = j; k < p; k++) {
                s2[j * p + k] *= f;
              }
            }
          }
          shift = groupMax;
        }
        int d = 0;
        double d0 = 0;
        java.util.Arrays.fill(d1, 0);
        java.util.Arrays.fill(d2, 0);
        for (int k = lo; k <= hi; k++) {
          int r = order[k];
          double w = Math.exp(eta[r] - shift);
          int base = r * p;
          s0 += w;
          for (int j = 0; j < p; j++) {
            double wz = w * z[base + j];
            s1[j] += wz;
            for (int l = j; l < p; l++) {
              s2[j * p + l] += wz * z[base + l];
            }
          }
          if (e[r]) {
            d++;
            ll += eta[r];
            d0 += w;
            for (int j = 0; j < p; j++) {
              double wz = w * z[base + j];
              u[j] += z[base + j];
              d1[j] += wz;
              for (int l = j; l < p; l++) {
                d2[j * p + l] += wz * z[base + l];
              }
            }
          }
        }
        if (d > 0) {
          int terms = efron ? d : 1;
          double mult = efron ? 1.0 : d;
          for (int l = 0; l < terms; l++) {
            double f = efron ? (double) l / d : 0.0;
            double r0 = s0 - f * d0;
            ll -= mult * (Math.log(r0) + shift);
            for (int j = 0; j < p; j++) {
              a1[j] = (s1[j] - f * d1[j]) / r0;
              u[j] -= mult * a1[j];
            }
            for (int j = 0; j < p; j++) {
              for (int k = j; k < p; k++) {
                info[j * p + k] += mult
                    * ((s2[j * p + k] - f * d2[j * p + k]) / r0 - a1[j] * a1[k]);
              }
            }
          }
        }
        hi = lo - 1;
      }
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < j; k++) {
          info[j * p + k] = info[k * p + j];
        }
      }
      ev.ll = ll;
      return ev;
    }

    /** The Cholesky factor of I(0); throws when the covariates are collinear. */
    private double[] choleskyAtZero(Eval atZero) {
      double[] chol0 = Linear.cholesky(atZero.info, p);
      if (chol0 == null) {
        throw new IllegalArgumentException("the covariates " + names + " are collinear (the "
            + "information matrix at beta = 0 is singular): drop or combine columns");
      }
      return chol0;
    }

    /** The score test U(0)ᵀ I(0)⁻¹ U(0). */
    ChiSquareTest scoreTest(Eval atZero, double[] chol0) {
      return ChiSquareTest.of(
          Linear.quadratic(atZero.grad, Linear.inverse(chol0, p), atZero.grad, p), p);
    }

    ChiSquareTest scoreTestOnly() {
      Eval atZero = evaluate(new double[p]);
      return scoreTest(atZero, choleskyAtZero(atZero));
    }

    CoxPh fit() {
      double[] b = new double[p];
      Eval cur = evaluate(b);
      double ll0 = cur.ll;
      double[] chol0 = choleskyAtZero(cur);
      ChiSquareTest score = scoreTest(cur, chol0);
      boolean converged = false;
      int iterations = 0;
      int halvings = 0;
      double[] chol = chol0;
      while (iterations < options.maxIterations()) {
        iterations++;
        double[] step = Linear.solve(chol, p, cur.grad);
        double a = 1.0;
        Eval next = null;
        double[] cand = new double[p];
        for (int h = 0; h <= 40; h++) {
          for (int j = 0; j < p; j++) {
            cand[j] = b[j] + a * step[j];
          }
          Eval ev = evaluate(cand);
          if (Double.isFinite(ev.ll) && ev.ll >= cur.ll - 1e-12 * (1 + Math.abs(cur.ll))) {
            next = ev;
            break;
          }
          a *= 0.5;
          halvings++;
        }
        if (next == null) {
          log.debug("Cox PH: no step increases the partial likelihood at iteration {}",
              iterations);
          break;
        }
        boolean small = true;
        for (int j = 0; j < p; j++) {
          if (Math.abs(a * step[j]) > options.tolerance() * Math.max(1.0, Math.abs(cand[j]))) {
            small = false;
          }
        }
        b = cand;
        cur = next;
        double[] c = Linear.cholesky(cur.info, p);
        if (c == null) {
          break;
        }
        chol = c;
        log.debug("Cox PH iteration {}: log-likelihood {}, step scale {}", iterations, cur.ll, a);
        if (small) {
          converged = true;
          break;
        }
      }
      double[] cholEnd = Linear.cholesky(cur.info, p);
      if (cholEnd == null) {
        throw new IllegalArgumentException("the information matrix is singular at the solution: "
            + "the covariates " + names + " are collinear or separate the events (monotone "
            + "likelihood); drop or combine columns");
      }
      if (!converged) {
        log.warn("Cox PH did not converge in {} iterations; a covariate may separate the events "
            + "(monotone likelihood): check the coefficients and the fit report", iterations);
      }
      double[] covInternal = Linear.inverse(cholEnd, p);
      double gradNorm = 0;
      for (double g : cur.grad) {
        gradNorm = Math.max(gradNorm, Math.abs(g));
      }
      ChiSquareTest wald = ChiSquareTest.of(Linear.quadratic(b, cur.info, b, p), p);
      // back to the original scale
      double[] beta = new double[p];
      double[] cov = new double[p * p];
      for (int j = 0; j < p; j++) {
        beta[j] = b[j] / scales[j];
        for (int k = 0; k < p; k++) {
          cov[j * p + k] = covInternal[j * p + k] / (scales[j] * scales[k]);
        }
      }
      Concordance conc = Concordance.count(data, cur.eta, true);
      double[][] baseline = baseline(cur.eta);
      FitReport report = new FitReport(converged, iterations, halvings, gradNorm,
          "Newton-Raphson with step halving on the " + (options.ties() == Ties.EFRON ? "Efron"
              : "Breslow") + " partial likelihood, covariates centred"
              + (options.standardize() ? " and scaled" : ""));
      return new CoxPh(options, names, n, data.eventCount(), means.clone(), beta, cov, cur.ll,
          ll0, score, wald, conc, report, baseline[0], baseline[1]);
    }

    /** Breslow's cumulative hazard at the means: times and values at the distinct event times. */
    private double[][] baseline(double[] eta) {
      double[] times = new double[n];
      double[] increments = new double[n];
      int m = 0;
      double shift = Double.NEGATIVE_INFINITY;
      double s0 = 0;
      int hi = n - 1;
      while (hi >= 0) {
        double now = t[order[hi]];
        int lo = hi;
        while (lo > 0 && t[order[lo - 1]] == now) {
          lo--;
        }
        double groupMax = Double.NEGATIVE_INFINITY;
        for (int k = lo; k <= hi; k++) {
          groupMax = Math.max(groupMax, eta[order[k]]);
        }
        if (groupMax > shift) {
          if (shift > Double.NEGATIVE_INFINITY) {
            s0 *= Math.exp(shift - groupMax);
          }
          shift = groupMax;
        }
        int d = 0;
        for (int k = lo; k <= hi; k++) {
          int r = order[k];
          s0 += Math.exp(eta[r] - shift);
          if (e[r]) {
            d++;
          }
        }
        if (d > 0) {
          times[m] = now;
          increments[m] = d * Math.exp(-shift) / s0;
          m++;
        }
        hi = lo - 1;
      }
      double[] outT = new double[m];
      double[] outH = new double[m];
      double h = 0;
      for (int j = 0; j < m; j++) {
        outT[j] = times[m - 1 - j];
        h += increments[m - 1 - j];
        outH[j] = h;
      }
      return new double[][] {outT, outH};
    }
  }
}
