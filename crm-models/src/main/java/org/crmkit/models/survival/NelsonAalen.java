package org.crmkit.models.survival;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * The Nelson–Aalen estimate of the cumulative hazard H(t) from right-censored data, with its
 * variance and a log-transformed confidence interval.
 *
 * <p>With n_j at risk and d_j events at the distinct times t_j, two increments are offered:
 *
 * <ul>
 *   <li>{@link Estimator#CLASSIC} (default): ΔH_j = d_j/n_j (Nelson 1972, Aalen 1978), variance
 *       increment (n_j − d_j) d_j / n_j³. H(t) is R survival's {@code survfit()$cumhaz} and
 *       lifelines' {@code NelsonAalenFitter(nelson_aalen_smoothing=False)}, whose variance this
 *       also is (Aalen's variance Σ d_j/n_j², used by some tools, is slightly larger; the
 *       estimates of H agree).
 *   <li>{@link Estimator#SMOOTHED}: tied events are treated as if they happened one after another,
 *       ΔH_j = Σ_{i=0}^{d_j−1} 1/(n_j − i), variance increment Σ 1/(n_j − i)² (Aalen, Borgan &amp;
 *       Gjessing 2008, p. 84); this is lifelines' default ({@code nelson_aalen_smoothing=True}).
 *       It equals the classic estimate when no events are tied.
 * </ul>
 *
 * <p>The published lifelines/R values for the waltons data (H(30) = 0.18732, …) are the classic
 * estimate. The confidence interval is H(t) exp(±zσ(t)/H(t)) with σ² the variance; [0, 0] where
 * H(t) = 0.
 *
 * <p>Instances are immutable and thread-safe; arrays are copied out.
 */
public final class NelsonAalen {

  /** How tied events enter the increments (see the class comment). */
  public enum Estimator {
    /** ΔH = d/n, variance (n − d)d/n³. */
    CLASSIC,
    /** ΔH = Σ_{i&lt;d} 1/(n − i), variance Σ_{i&lt;d} 1/(n − i)². */
    SMOOTHED
  }

  /**
   * Options of the estimate.
   *
   * @param estimator the increments; {@link Estimator#CLASSIC} by default
   * @param level confidence level, in (0, 1); 0.95 by default
   */
  public record Options(Estimator estimator, double level) {

    /** Checks the options. */
    public Options {
      Checks.notNull("estimator", estimator);
      SurvivalMath.checkLevel(level);
    }

    /** A copy with another estimator. */
    public Options withEstimator(Estimator estimator) {
      return new Options(estimator, level);
    }

    /** A copy with another confidence level. */
    public Options withLevel(double level) {
      return new Options(estimator, level);
    }

    /** Fits the estimate to durations and 0/1 event flags. */
    public NelsonAalen fit(double[] durations, int[] events) {
      return fit(SurvivalData.of(durations, events));
    }

    /** Fits the estimate to all rows of {@code data}, ignoring group labels. */
    public NelsonAalen fit(SurvivalData data) {
      Checks.notNull("data", data);
      return new NelsonAalen(RiskTable.of(data), this);
    }
  }

  private static final Options DEFAULTS = new Options(Estimator.CLASSIC, 0.95);

  private final RiskTable table;
  private final Options options;
  private final double[] hazard;
  private final double[] variance;
  private final double[] lower;
  private final double[] upper;

  private NelsonAalen(RiskTable table, Options options) {
    this.table = table;
    this.options = options;
    int m = table.times.length;
    hazard = new double[m];
    variance = new double[m];
    lower = new double[m];
    upper = new double[m];
    double z = SurvivalMath.z(options.level());
    double h = 0;
    double v = 0;
    for (int j = 0; j < m; j++) {
      int n = table.atRisk[j];
      int d = table.events[j];
      if (d > 0) {
        if (options.estimator() == Estimator.CLASSIC) {
          double nn = n;
          h += d / nn;
          v += (nn - d) * d / (nn * nn * nn);
        } else {
          for (int i = 0; i < d; i++) {
            double r = n - i;
            h += 1.0 / r;
            v += 1.0 / (r * r);
          }
        }
      }
      hazard[j] = h;
      variance[j] = v;
      if (h > 0) {
        double f = Math.exp(z * Math.sqrt(v) / h);
        lower[j] = h / f;
        upper[j] = h * f;
      }
    }
  }

  /** Options: classic estimator, 95% level. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /** The classic Nelson–Aalen estimate with 95% intervals. */
  public static NelsonAalen fit(double[] durations, int[] events) {
    return DEFAULTS.fit(durations, events);
  }

  /** The classic Nelson–Aalen estimate with 95% intervals on all rows of {@code data}. */
  public static NelsonAalen fit(SurvivalData data) {
    return DEFAULTS.fit(data);
  }

  /** The options used. */
  public Options options() {
    return options;
  }

  /** The distinct observed times, increasing. */
  public double[] times() {
    return table.times.clone();
  }

  /** Ĥ at each of {@link #times()}. */
  public double[] cumulativeHazard() {
    return hazard.clone();
  }

  /** The variance of Ĥ at each of {@link #times()}. */
  public double[] variance() {
    return variance.clone();
  }

  /**
   * Ĥ(t), a right-continuous step function: 0 before the first event.
   *
   * @throws IllegalArgumentException if t is NaN
   */
  public double cumulativeHazardAt(double t) {
    int j = index(t);
    return j < 0 ? 0.0 : hazard[j];
  }

  /** The variance of Ĥ(t); 0 before the first event. */
  public double varianceAt(double t) {
    int j = index(t);
    return j < 0 ? 0.0 : variance[j];
  }

  /** The lower confidence limit of H(t). */
  public double lowerAt(double t) {
    int j = index(t);
    return j < 0 ? 0.0 : lower[j];
  }

  /** The upper confidence limit of H(t). */
  public double upperAt(double t) {
    int j = index(t);
    return j < 0 ? 0.0 : upper[j];
  }

  private int index(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("time must not be NaN");
    }
    return RiskTable.indexAtOrBefore(table.times, t);
  }

  /** A compact table: time, at risk, events, H, its standard error and interval. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Nelson-Aalen (%s): %s subjects, %s events, %s CI\n",
        options.estimator().name().toLowerCase(Locale.ROOT), Fmt.count(table.size),
        Fmt.count(table.eventCount), Fmt.level(options.level())));
    String[][] cells = new String[Math.min(hazard.length, Fmt.MAX_ROWS)][];
    for (int j = 0; j < cells.length; j++) {
      cells[j] = new String[] {Fmt.num(table.times[j]), Fmt.count(table.atRisk[j]),
          Fmt.count(table.events[j]), Fmt.p4(hazard[j]), Fmt.p4(Math.sqrt(variance[j])),
          Fmt.p4(lower[j]), Fmt.p4(upper[j])};
    }
    Tables.append(sb, new String[] {"time", "at risk", "events", "cum.hazard", "std.err",
        "lower", "upper"}, cells);
    if (hazard.length > cells.length) {
      sb.append(String.format(Locale.ROOT, "  … %s more\n", Fmt.count(hazard.length - cells.length)));
    }
    return sb.toString().stripTrailing();
  }
}
