package org.crmkit.models.survival;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;

/**
 * The Kaplan–Meier (product-limit) estimate of a survival function from right-censored data, with
 * Greenwood's variance and log(−log) confidence intervals.
 *
 * <p>At the distinct observed times t_1 &lt; t_2 &lt; … with n_j subjects at risk (duration
 * &ge; t_j) and d_j events at t_j:
 *
 * <ul>
 *   <li>Ŝ(t) = Π_{t_j &le; t} (1 − d_j/n_j), a right-continuous step function, 1 before the first
 *       event (Kaplan &amp; Meier 1958). Censored subjects leave the risk set after their time:
 *       a censoring tied with an event time counts as at risk at that event.
 *   <li>Greenwood (1926): Var[Ŝ(t)] = Ŝ(t)² Σ_{t_j &le; t} d_j / (n_j (n_j − d_j)).
 *   <li>log(−log) interval (Kalbfleisch &amp; Prentice 2002, "exponential Greenwood"): with
 *       σ²(t) = Σ d_j/(n_j(n_j − d_j)) / (log Ŝ(t))², the interval is
 *       [Ŝ(t)^exp(+zσ), Ŝ(t)^exp(−zσ)], z = Φ⁻¹(1 − (1 − level)/2). It always lies in [0, 1]. This is
 *       R survival's {@code conf.type = "log-log"} and lifelines' only interval.
 * </ul>
 *
 * <p>Edge cases (documented values, never NaN): where Ŝ(t) = 1 (before the first event) the
 * interval is [1, 1] and the standard error 0; where Ŝ(t) = 0 (every subject at risk had the
 * event) the interval is [0, 0] and the standard error 0, as lifelines reports.
 *
 * <p>Medians follow lifelines: the median is the smallest time t with Ŝ(t) &le; 0.5 (R survival
 * instead averages the two times when Ŝ equals 0.5 exactly on an interval), and +∞ when Ŝ stays
 * above 0.5. Its interval is read off the pointwise log(−log) confidence curves the same way, as
 * lifelines' {@code median_survival_times(confidence_interval_)} does (an approximation to
 * inverting the test of Brookmeyer &amp; Crowley 1982): lower = first time the lower curve is
 * &le; 0.5, upper = first time the upper curve is &le; 0.5 (+∞ if never). In small samples the
 * lower limit can be the first event time.
 *
 * <p>Instances are immutable and thread-safe; arrays are copied out.
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.fit(durations, events);
 * double s30 = km.survivalAt(30);
 * KaplanMeier.Median m = km.median();
 * KaplanMeier km90 = KaplanMeier.withLevel(0.90).fit(durations, events);
 * }</pre>
 */
public final class KaplanMeier {

  /**
   * Options of the estimate.
   *
   * @param level confidence level of the intervals, in (0, 1); 0.95 by default
   */
  public record Options(double level) {

    /** Checks the level. */
    public Options {
      SurvivalMath.checkLevel(level);
    }

    /** A copy with another confidence level. */
    public Options withLevel(double level) {
      return new Options(level);
    }

    /** Fits the estimate to durations and 0/1 event flags (see {@link SurvivalData#of}). */
    public KaplanMeier fit(double[] durations, int[] events) {
      return fit(SurvivalData.of(durations, events));
    }

    /** Fits the estimate to all rows of {@code data}, ignoring any group labels. */
    public KaplanMeier fit(SurvivalData data) {
      Checks.notNull("data", data);
      return new KaplanMeier(RiskTable.of(data), level);
    }

    /**
     * One estimate per group, in the order the labels first appear.
     *
     * @throws IllegalStateException if {@code data} has no group labels
     */
    public Map<String, KaplanMeier> fitByGroup(SurvivalData data) {
      Checks.notNull("data", data);
      Map<String, KaplanMeier> out = new LinkedHashMap<>();
      if (!data.hasGroups()) {
        throw new IllegalStateException("these survival data have no group labels");
      }
      for (String g : data.groupLabels()) {
        out.put(g, fit(data.group(g)));
      }
      return Collections.unmodifiableMap(out);
    }
  }

  /**
   * One row of the life table.
   *
   * @param time a distinct observed time t_j
   * @param atRisk n_j, the subjects with duration &ge; t_j
   * @param events d_j, the events at t_j
   * @param censored the subjects censored at t_j
   * @param survival Ŝ(t_j)
   * @param standardError Greenwood's standard error of Ŝ(t_j)
   * @param lower lower log(−log) confidence limit
   * @param upper upper log(−log) confidence limit
   */
  public record Row(double time, int atRisk, int events, int censored, double survival,
      double standardError, double lower, double upper) {}

  /**
   * A median survival time with its confidence interval; +∞ where a curve never reaches 0.5.
   *
   * @param time the median, the smallest t with Ŝ(t) &le; 0.5
   * @param lower the same time on the lower confidence curve
   * @param upper the same time on the upper confidence curve
   * @param level the confidence level
   */
  public record Median(double time, double lower, double upper, double level) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (%s CI %s, %s)", Fmt.num(time), Fmt.level(level),
          Fmt.num(lower), Fmt.num(upper));
    }
  }

  private static final Options DEFAULTS = new Options(0.95);

  private final RiskTable table;
  private final double level;
  private final double[] survival;
  private final double[] greenwood; // Σ d/(n(n-d)), the variance of log S
  private final double[] lower;
  private final double[] upper;

  private KaplanMeier(RiskTable table, double level) {
    this.table = table;
    this.level = level;
    int m = table.times.length;
    survival = new double[m];
    greenwood = new double[m];
    lower = new double[m];
    upper = new double[m];
    double z = SurvivalMath.z(level);
    double s = 1.0;
    double g = 0.0;
    for (int j = 0; j < m; j++) {
      int n = table.atRisk[j];
      int d = table.events[j];
      if (d > 0) {
        s *= 1.0 - (double) d / n;
        if (d < n) {
          g += (double) d / ((double) n * (n - d));
        } else {
          s = 0.0;
        }
      }
      survival[j] = s;
      greenwood[j] = s > 0 ? g : 0.0;
      if (s >= 1.0) {
        lower[j] = 1.0;
        upper[j] = 1.0;
      } else if (s <= 0.0) {
        lower[j] = 0.0;
        upper[j] = 0.0;
      } else {
        double logS = Math.log(s);
        double sigma = Math.sqrt(g) / Math.abs(logS);
        lower[j] = Math.pow(s, Math.exp(z * sigma));
        upper[j] = Math.pow(s, Math.exp(-z * sigma));
      }
    }
  }

  /** Options with a 95% confidence level. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /** Options with another confidence level, in (0, 1). */
  public static Options withLevel(double level) {
    return new Options(level);
  }

  /**
   * The Kaplan–Meier estimate with 95% intervals.
   *
   * @param durations time to the event or to censoring, finite and &ge; 0
   * @param events 1 = event observed, 0 = censored
   * @throws IllegalArgumentException on bad input (see {@link SurvivalData#of(double[], int[])})
   */
  public static KaplanMeier fit(double[] durations, int[] events) {
    return DEFAULTS.fit(durations, events);
  }

  /** The Kaplan–Meier estimate with 95% intervals on all rows of {@code data}. */
  public static KaplanMeier fit(SurvivalData data) {
    return DEFAULTS.fit(data);
  }

  /** One estimate with 95% intervals per group, in the order the labels first appear. */
  public static Map<String, KaplanMeier> fitByGroup(SurvivalData data) {
    return DEFAULTS.fitByGroup(data);
  }

  /** The confidence level of the intervals. */
  public double level() {
    return level;
  }

  /** The number of subjects. */
  public int size() {
    return table.size;
  }

  /** The number of observed events. */
  public int eventCount() {
    return table.eventCount;
  }

  /** The distinct observed times (events and censorings), increasing. */
  public double[] times() {
    return table.times.clone();
  }

  /** Ŝ at each of {@link #times()}. */
  public double[] survival() {
    return survival.clone();
  }

  /** The number at risk at each of {@link #times()}. */
  public int[] atRisk() {
    return table.atRisk.clone();
  }

  /** The number of events at each of {@link #times()}. */
  public int[] events() {
    return table.events.clone();
  }

  /** The number censored at each of {@link #times()}. */
  public int[] censored() {
    return table.censored.clone();
  }

  /** Lower confidence limits at each of {@link #times()}. */
  public double[] lower() {
    return lower.clone();
  }

  /** Upper confidence limits at each of {@link #times()}. */
  public double[] upper() {
    return upper.clone();
  }

  /** Greenwood standard errors of Ŝ at each of {@link #times()}. */
  public double[] standardErrors() {
    double[] se = new double[survival.length];
    for (int j = 0; j < se.length; j++) {
      se[j] = survival[j] * Math.sqrt(greenwood[j]);
    }
    return se;
  }

  /** The life table, one row per distinct observed time. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(survival.length);
    for (int j = 0; j < survival.length; j++) {
      rows.add(row(j));
    }
    return Collections.unmodifiableList(rows);
  }

  private Row row(int j) {
    return new Row(table.times[j], table.atRisk[j], table.events[j], table.censored[j],
        survival[j], survival[j] * Math.sqrt(greenwood[j]), lower[j], upper[j]);
  }

  /**
   * Ŝ(t), the right-continuous step function: 1 for t before the first event time, the value at
   * the last observed time for t past it.
   *
   * @throws IllegalArgumentException if t is NaN
   */
  public double survivalAt(double t) {
    int j = index(t);
    return j < 0 ? 1.0 : survival[j];
  }

  /** The lower confidence limit at t (1 before the first event). */
  public double lowerAt(double t) {
    int j = index(t);
    return j < 0 ? 1.0 : lower[j];
  }

  /** The upper confidence limit at t (1 before the first event). */
  public double upperAt(double t) {
    int j = index(t);
    return j < 0 ? 1.0 : upper[j];
  }

  /** Greenwood's variance of Ŝ(t): Ŝ(t)² Σ_{t_j &le; t} d_j/(n_j(n_j − d_j)); 0 before any event. */
  public double varianceAt(double t) {
    int j = index(t);
    return j < 0 ? 0.0 : survival[j] * survival[j] * greenwood[j];
  }

  private int index(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("time must not be NaN");
    }
    return RiskTable.indexAtOrBefore(table.times, t);
  }

  /**
   * The smallest observed time t with Ŝ(t) &le; q, or +∞ if Ŝ stays above q (lifelines'
   * {@code qth_survival_time}).
   *
   * @param q a survival probability in [0, 1]
   */
  public double timeAtSurvival(double q) {
    Checks.inRange("q", q, 0.0, 1.0);
    return firstAtOrBelow(survival, q);
  }

  /** The median survival time with its confidence interval (see the class comment). */
  public Median median() {
    return new Median(firstAtOrBelow(survival, 0.5), firstAtOrBelow(lower, 0.5),
        firstAtOrBelow(upper, 0.5), level);
  }

  private double firstAtOrBelow(double[] curve, double q) {
    for (int j = 0; j < curve.length; j++) {
      if (curve[j] <= q) {
        return table.times[j];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * A compact life table: the header with the median, then time, at risk, events, censored,
   * survival and the interval; past 20 rows, "… n more".
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Kaplan-Meier: %s subjects, %s events, median %s\n",
        Fmt.count(size()), Fmt.count(eventCount()), median()));
    String[][] cells = new String[Math.min(survival.length, Fmt.MAX_ROWS)][];
    for (int j = 0; j < cells.length; j++) {
      cells[j] = new String[] {Fmt.num(table.times[j]), Fmt.count(table.atRisk[j]),
          Fmt.count(table.events[j]), Fmt.count(table.censored[j]), Fmt.p4(survival[j]),
          Fmt.p4(lower[j]), Fmt.p4(upper[j])};
    }
    Tables.append(sb, new String[] {"time", "at risk", "events", "censored", "survival",
        "lower", "upper"}, cells);
    if (survival.length > cells.length) {
      sb.append(String.format(Locale.ROOT, "  … %s more\n",
          Fmt.count(survival.length - cells.length)));
    }
    return sb.toString().stripTrailing();
  }
}
