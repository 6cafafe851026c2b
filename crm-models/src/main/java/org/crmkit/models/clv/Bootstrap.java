package org.crmkit.models.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.crmkit.core.Checks;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Customer-level nonparametric bootstrap (Efron &amp; Tibshirani 1993, An Introduction to the
 * Bootstrap, ch. 6 and 13, doi:10.1201/9780429246593): the customers are resampled with
 * replacement, the model is refitted to every resample, and percentile intervals are read off
 * the replicates of any statistic of the fitted model — its parameters, or a prediction.
 *
 * <pre>{@code
 * Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(500).withSeed(7)
 *     .run(summaries, BgNbd::fit, m -> Map.of("E[X(52)]", m.expectedPurchases(52)));
 * Bootstrap.Result p = Bootstrap.withDefaults().run(summaries, BgNbd::fit, BgNbd::parameters);
 * }</pre>
 *
 * <p><b>Resampling.</b> A table of N customers gives resamples of N customers drawn uniformly
 * with replacement; a weighted table (w_i customers in row i) gives N = round(Σ w_i) draws with
 * probabilities w_i/Σ w (alias method), i.e. multinomial counts per row — the same as
 * resampling the expanded table.
 *
 * <p><b>Determinism.</b> Replicate b draws from its own generator, split in order from
 * {@code new SplittableRandom(seed)}; replicates run in parallel on all cores and their results
 * are stored by index, so a seed gives the same result on any machine and with any number of
 * cores.
 *
 * <p><b>Failures.</b> A replicate whose fit throws, whose statistic is missing or not finite, or
 * whose fit (a crmkit model or a {@link ModelState}) reports that it did not converge is left
 * out and counted in the result ({@link Result#failed()}, {@link Result#notConverged()}), never
 * dropped silently. Instances are immutable and thread-safe.
 */
public final class Bootstrap {

  private final int replicates;
  private final long seed;
  private final double level;

  private Bootstrap(int replicates, long seed, double level) {
    this.replicates = Checks.positive("replicates", replicates);
    this.seed = seed;
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + Checks.format(level));
    }
    this.level = level;
  }

  /** 200 replicates, seed 1, 95% intervals. */
  public static Bootstrap withDefaults() {
    return new Bootstrap(200, 1, 0.95);
  }

  /** The number of resamples, ≥ 2. */
  public Bootstrap withReplicates(int b) {
    if (b < 2) {
      throw new IllegalArgumentException("replicates must be >= 2: " + b);
    }
    return new Bootstrap(b, seed, level);
  }

  /** The seed of the resampling. */
  public Bootstrap withSeed(long s) {
    return new Bootstrap(replicates, s, level);
  }

  /** The coverage of the percentile intervals, in (0, 1). */
  public Bootstrap withLevel(double l) {
    return new Bootstrap(replicates, seed, l);
  }

  /**
   * Bootstraps a model fitted to weighted rows.
   *
   * @param data the weighted table (x, t_x, T, weight)
   * @param fit fits a model to a table (e.g. {@code BgNbd::fit}, {@code BgBb::fit})
   * @param statistics the named statistics of a fitted model (e.g. {@code BgNbd::parameters});
   *     their names and order are those of the fit to {@code data}
   * @throws IllegalArgumentException if the table is empty or the fit to the data itself fails
   * @throws IllegalStateException if fewer than two replicates succeed
   */
  public <M> Result run(WeightedSummaries data,
      Function<? super WeightedSummaries, ? extends M> fit,
      Function<? super M, ? extends Map<String, Double>> statistics) {
    Checks.notNull("data", data);
    Checks.notNull("fit", fit);
    Checks.notNull("statistics", statistics);
    double total = data.totalWeight();
    long n = Math.round(total);
    if (n < 1) {
      throw new IllegalArgumentException("no customers to resample: total weight "
          + Checks.format(total));
    }
    Alias alias = new Alias(data.weights());
    return run(() -> fit.apply(data), rng -> {
      double[] counts = new double[data.size()];
      for (long j = 0; j < n; j++) {
        counts[alias.sample(rng)]++;
      }
      int k = 0;
      for (double c : counts) {
        if (c > 0) {
          k++;
        }
      }
      int[] x = new int[k];
      double[] tx = new double[k];
      double[] bigT = new double[k];
      double[] w = new double[k];
      int j = 0;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          x[j] = data.x(i);
          tx[j] = data.tx(i);
          bigT[j] = data.T(i);
          w[j++] = counts[i];
        }
      }
      return fit.apply(WeightedSummaries.ofColumns(x, tx, bigT, w, data.unit()));
    }, statistics);
  }

  /**
   * Bootstraps a model fitted to one row per customer (for example Gamma-Gamma, which needs the
   * monetary values). Resampled customers get the ids "1".."N"; monetary values are kept when
   * the summaries have them.
   *
   * @see #run(WeightedSummaries, Function, Function)
   */
  public <M> Result run(CustomerSummaries data,
      Function<? super CustomerSummaries, ? extends M> fit,
      Function<? super M, ? extends Map<String, Double>> statistics) {
    Checks.notNull("data", data);
    Checks.notNull("fit", fit);
    Checks.notNull("statistics", statistics);
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("no customers to resample: the table is empty");
    }
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i + 1);
    }
    boolean money = data.hasMonetary();
    return run(() -> fit.apply(data), rng -> {
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] bigT = new double[n];
      double[] m = money ? new double[n] : null;
      for (int j = 0; j < n; j++) {
        int i = rng.nextInt(n);
        x[j] = data.x(i);
        tx[j] = data.tx(i);
        bigT[j] = data.T(i);
        if (money) {
          m[j] = data.monetary(i);
        }
      }
      return fit.apply(CustomerSummaries.ofColumns(ids, x, tx, bigT, m, data.unit()));
    }, statistics);
  }

  @FunctionalInterface
  private interface Resample<M> {
    M fit(SplittableRandom rng);
  }

  /** One replicate's outcome: statistics (null when it failed) and why it failed. */
  private record Outcome(double[] values, boolean notConverged, String failure) {}

  private <M> Result run(java.util.function.Supplier<? extends M> full, Resample<M> resample,
      Function<? super M, ? extends Map<String, Double>> statistics) {
    M model = full.get();
    Map<String, Double> s0 = Checks.notNull("statistics of the fit to the data",
        statistics.apply(model));
    if (s0.isEmpty()) {
      throw new IllegalArgumentException("the statistics function returned no statistics");
    }
    List<String> names = List.copyOf(s0.keySet());
    double[] estimates = new double[names.size()];
    for (int i = 0; i < estimates.length; i++) {
      Double v = s0.get(names.get(i));
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "statistic '%s' of the fit to the data is not finite: %s", names.get(i), v));
      }
      estimates[i] = v;
    }
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rngs = new SplittableRandom[replicates];
    for (int b = 0; b < replicates; b++) {
      rngs[b] = root.split();
    }
    Outcome[] out = new Outcome[replicates];
    IntStream.range(0, replicates).parallel().forEach(b -> {
      try {
        M m = resample.fit(rngs[b]);
        if (!converged(m)) {
          out[b] = new Outcome(null, true, "replicate " + (b + 1) + ": fit did not converge");
          return;
        }
        Map<String, Double> s = statistics.apply(m);
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
          Double d = s == null ? null : s.get(names.get(i));
          if (d == null || !Double.isFinite(d)) {
            out[b] = new Outcome(null, false, String.format(Locale.ROOT,
                "replicate %d: statistic '%s' is %s", b + 1, names.get(i),
                d == null ? "missing" : "not finite (" + d + ")"));
            return;
          }
          v[i] = d;
        }
        out[b] = new Outcome(v, false, null);
      } catch (RuntimeException e) {
        out[b] = new Outcome(null, false, "replicate " + (b + 1) + ": " + e);
      }
    });
    int used = 0;
    int failed = 0;
    int notConverged = 0;
    List<String> failures = new ArrayList<>();
    for (Outcome o : out) {
      if (o.values() != null) {
        used++;
      } else {
        if (o.notConverged()) {
          notConverged++;
        } else {
          failed++;
        }
        if (failures.size() < 5) {
          failures.add(o.failure());
        }
      }
    }
    if (used < 2) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "only %d of %d bootstrap replicates succeeded; first problems: %s", used, replicates,
          failures));
    }
    double[][] draws = new double[names.size()][used];
    int j = 0;
    for (Outcome o : out) {
      if (o.values() != null) {
        for (int i = 0; i < names.size(); i++) {
          draws[i][j] = o.values()[i];
        }
        j++;
      }
    }
    List<Interval> intervals = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      double[] sorted = draws[i].clone();
      Arrays.sort(sorted);
      double mean = 0;
      for (double v : sorted) {
        mean += v;
      }
      mean /= used;
      double ss = 0;
      for (double v : sorted) {
        ss += (v - mean) * (v - mean);
      }
      intervals.add(new Interval(names.get(i), estimates[i], Math.sqrt(ss / (used - 1)),
          quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2)));
    }
    return new Result(intervals, draws, level, seed, replicates, failed, notConverged,
        failures);
  }

  /** Type-7 quantile (linear interpolation between order statistics) of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Whether a fitted model reports convergence: crmkit's fitted CLV models and model states do;
   * anything else is taken as converged (make the fit function throw to reject a replicate).
   */
  static boolean converged(Object m) {
    FitReport r = null;
    if (m instanceof BgFamilyModel b && b.isFitted()) {
      r = b.fitReport();
    } else if (m instanceof BgBb b && b.isFitted()) {
      r = b.fitReport();
    } else if (m instanceof GammaGamma g && g.isFitted()) {
      r = g.fitReport();
    } else if (m instanceof ShiftedBetaGeometric s && s.isFitted()) {
      r = s.fitReport();
    } else if (m instanceof ModelState s) {
      r = s.report();
    } else if (m instanceof FitReport f) {
      r = f;
    }
    return r == null || r.converged();
  }

  /** Vose's alias method: O(1) draws from a discrete distribution given by weights. */
  private static final class Alias {
    private final double[] prob;
    private final int[] alias;

    Alias(double[] w) {
      int n = w.length;
      prob = new double[n];
      alias = new int[n];
      double total = 0;
      for (double v : w) {
        total += v;
      }
      double[] scaled = new double[n];
      int[] small = new int[n];
      int[] large = new int[n];
      int ns = 0;
      int nl = 0;
      for (int i = 0; i < n; i++) {
        scaled[i] = w[i] * n / total;
        if (scaled[i] < 1) {
          small[ns++] = i;
        } else {
          large[nl++] = i;
        }
      }
      while (ns > 0 && nl > 0) {
        int s = small[--ns];
        int l = large[--nl];
        prob[s] = scaled[s];
        alias[s] = l;
        scaled[l] = scaled[l] + scaled[s] - 1;
        if (scaled[l] < 1) {
          small[ns++] = l;
        } else {
          large[nl++] = l;
        }
      }
      while (nl > 0) {
        prob[large[--nl]] = 1;
      }
      while (ns > 0) {
        prob[small[--ns]] = 1; // rounding leftovers
      }
    }

    int sample(SplittableRandom rng) {
      int i = rng.nextInt(prob.length);
      return rng.nextDouble() < prob[i] ? i : alias[i];
    }
  }

  /**
   * One statistic's bootstrap summary.
   *
   * @param name the statistic's name
   * @param estimate its value on the data
   * @param standardError the standard deviation of the replicates (n − 1 denominator)
   * @param lower the (1 − level)/2 percentile of the replicates (type-7 interpolation)
   * @param upper the (1 + level)/2 percentile
   */
  public record Interval(String name, double estimate, double standardError, double lower,
      double upper) {}

  /**
   * A bootstrap result: percentile intervals of every statistic and the replicates they came
   * from.
   *
   * @param intervals per statistic, in the order of the fit to the data
   * @param draws the successful replicates, draws[statistic][replicate] (copied in and out)
   * @param level the intervals' coverage
   * @param seed the resampling seed
   * @param replicates the replicates requested
   * @param failed replicates left out because the fit threw or a statistic was missing or not
   *     finite
   * @param notConverged replicates left out because the fit did not converge
   * @param failures the first few reasons, by replicate number
   */
  public record Result(List<Interval> intervals, double[][] draws, double level, long seed,
      int replicates, int failed, int notConverged, List<String> failures) {

    /** Copies. */
    public Result {
      intervals = List.copyOf(intervals);
      draws = deepCopy(draws);
      failures = List.copyOf(failures);
    }

    private static double[][] deepCopy(double[][] a) {
      double[][] c = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        c[i] = a[i].clone();
      }
      return c;
    }

    @Override
    public double[][] draws() {
      return deepCopy(draws);
    }

    /** The replicates used, replicates − failed − notConverged. */
    public int used() {
      return replicates - failed - notConverged;
    }

    /** The statistic {@code name}'s interval. @throws IllegalArgumentException if unknown */
    public Interval interval(String name) {
      for (Interval i : intervals) {
        if (i.name().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no statistic '" + name + "' in "
          + intervals.stream().map(Interval::name).toList());
    }

    /** The successful replicates of statistic {@code name} (a copy). */
    public double[] draws(String name) {
      return draws[intervals.indexOf(interval(name))].clone();
    }

    /** Columns statistic, estimate, std_error, lower, upper. */
    public Table toTable() {
      int n = intervals.size();
      return ColumnTable.builder(n)
          .strings("statistic", i -> intervals.get(i).name())
          .doubles("estimate", i -> intervals.get(i).estimate())
          .doubles("std_error", i -> intervals.get(i).standardError())
          .doubles("lower", i -> intervals.get(i).lower())
          .doubles("upper", i -> intervals.get(i).upper())
          .build();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r && r.intervals.equals(intervals)
          && Arrays.deepEquals(r.draws, draws) && Double.compare(r.level, level) == 0
          && r.seed == seed && r.replicates == replicates && r.failed == failed
          && r.notConverged == notConverged && r.failures.equals(failures);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(intervals, Arrays.deepHashCode(draws), level, seed,
          replicates, failed, notConverged, failures);
    }

    @Override
    public String toString() {
      int w = 9;
      for (Interval i : intervals) {
        w = Math.max(w, i.name().length());
      }
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "Bootstrap: %d replicates (%d used, %d failed, %d not converged), seed %d, "
              + "%s%% percentile intervals%n", replicates, used(), failed, notConverged, seed,
          new java.math.BigDecimal(level * 100).round(new java.math.MathContext(4))
              .stripTrailingZeros().toPlainString()));
      String row = "  %-" + w + "s  %10s  %10s  %10s  %10s%n";
      sb.append(String.format(Locale.ROOT, row, "statistic", "estimate", "std.err", "lower",
          "upper"));
      for (Interval i : intervals) {
        sb.append(String.format(Locale.ROOT, row, i.name(), Tables.number(i.estimate()),
            Tables.number(i.standardError()), Tables.number(i.lower()),
            Tables.number(i.upper())));
      }
      for (String f : failures) {
        sb.append(String.format(Locale.ROOT, "  left out: %s%n", f));
      }
      return sb.toString().stripTrailing();
    }
  }
}
