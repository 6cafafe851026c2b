package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.Checks;

/**
 * SERVQUAL gap scores (Parasuraman, Zeithaml &amp; Berry 1988): per service-quality dimension
 * (tangibles, reliability, responsiveness, assurance, empathy, or the caller's own), the gap
 * perception − expectation; negative gaps mean the service falls short of what customers expect.
 *
 * <p>Input: parallel arrays; observation i is a pair (expectation_i, perception_i) on
 * dimension_i. Per dimension: mean perception, mean expectation, gap = mean(P − E), and a paired
 * t interval gap ± t_{n−1}·s_d/√n from the differences d = P − E. The interval treats the pairs
 * as independent: give one pair per respondent and dimension (for example the respondent's
 * averages over the dimension's items), not one per item, for it to hold.
 *
 * <p>Overall: {@link #unweightedGap()} is the mean of the dimension gaps;
 * {@link #weightedGap(Map)} is Σ w_d·gap_d with the user's importance weights normalised to sum
 * 1 (as in SERVQUAL's 100-point allocation). The dimensions share respondents, so no standard
 * error is given for the overall gaps.
 *
 * @param dimensions one gap per dimension, in ascending name order
 * @param level the confidence level of the dimensions' intervals
 */
public record Servqual(List<Gap> dimensions, double level) {

  /** Copies the list; checks it is not empty and the level. */
  public Servqual {
    dimensions = List.copyOf(Checks.notNull("dimensions", dimensions));
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("SERVQUAL needs at least one dimension");
    }
    Stats.level(level);
  }

  /**
   * The gap of one dimension.
   *
   * @param dimension the dimension's name
   * @param n the number of (expectation, perception) pairs
   * @param perception the mean perception
   * @param expectation the mean expectation
   * @param gap mean(P − E) = perception − expectation
   * @param standardError s_d/√n of the gap (0 when n = 1)
   * @param interval the paired t interval of the gap ((−∞, ∞) when n = 1)
   */
  public record Gap(String dimension, long n, double perception, double expectation, double gap,
      double standardError, Interval interval) {

    /** Checks the components. */
    public Gap {
      Checks.notNull("dimension", dimension);
      if (n <= 0) {
        throw new IllegalArgumentException("n must be > 0: " + n);
      }
      Checks.finite("perception", perception);
      Checks.finite("expectation", expectation);
      Checks.finite("gap", gap);
      Checks.nonNegative("standardError", standardError);
      Checks.notNull("interval", interval);
    }
  }

  /** {@link #of(String[], double[], double[], double)} at 95%. */
  public static Servqual of(String[] dimensions, double[] expectations, double[] perceptions) {
    return of(dimensions, expectations, perceptions, 0.95);
  }

  /**
   * Gap scores per dimension.
   *
   * @param dimensions the dimension of each pair
   * @param expectations the expectation score of each pair
   * @param perceptions the perception score of each pair
   * @param level the confidence level of the intervals
   * @throws IllegalArgumentException if the arrays are empty or differ in length, a dimension is
   *     null, or a score is not finite (naming its position)
   */
  public static Servqual of(String[] dimensions, double[] expectations, double[] perceptions,
      double level) {
    Checks.notNull("dimensions", dimensions);
    Checks.notNull("expectations", expectations);
    Checks.notNull("perceptions", perceptions);
    Stats.level(level);
    int n = dimensions.length;
    if (expectations.length != n || perceptions.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "arrays differ in length: dimensions %d, expectations %d, perceptions %d", n,
          expectations.length, perceptions.length));
    }
    if (n == 0) {
      throw new IllegalArgumentException("no observation: the arrays are empty");
    }
    Map<String, List<Integer>> rows = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (dimensions[i] == null) {
        throw new IllegalArgumentException("dimensions[" + i + "] is null");
      }
      if (!Double.isFinite(expectations[i])) {
        throw new IllegalArgumentException("expectations[" + i + "] is " + expectations[i]);
      }
      if (!Double.isFinite(perceptions[i])) {
        throw new IllegalArgumentException("perceptions[" + i + "] is " + perceptions[i]);
      }
      rows.computeIfAbsent(dimensions[i], k -> new ArrayList<>()).add(i);
    }
    List<Gap> gaps = new ArrayList<>();
    for (var e : rows.entrySet()) {
      List<Integer> idx = e.getValue();
      double[] p = new double[idx.size()];
      double[] x = new double[idx.size()];
      double[] d = new double[idx.size()];
      for (int j = 0; j < idx.size(); j++) {
        p[j] = perceptions[idx.get(j)];
        x[j] = expectations[idx.get(j)];
        d[j] = p[j] - x[j];
      }
      Mean diff = Mean.of("differences", d);
      gaps.add(new Gap(e.getKey(), idx.size(), Mean.of(p).mean(), Mean.of(x).mean(),
          diff.mean(), diff.standardError(), diff.tInterval(level)));
    }
    return new Servqual(gaps, level);
  }

  /** The gap of one dimension. */
  public Gap get(String dimension) {
    for (Gap g : dimensions) {
      if (g.dimension().equals(dimension)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no dimension '" + dimension + "'; dimensions: "
        + names());
  }

  private List<String> names() {
    List<String> out = new ArrayList<>();
    for (Gap g : dimensions) {
      out.add(g.dimension());
    }
    return out;
  }

  /** The mean of the dimension gaps (each dimension counts equally). */
  public double unweightedGap() {
    double s = 0;
    for (Gap g : dimensions) {
      s += g.gap();
    }
    return s / dimensions.size();
  }

  /**
   * The weighted overall gap Σ w_d·gap_d, w_d = u_d / Σ u.
   *
   * @param weights one finite weight &ge; 0 per dimension (0 leaves it out), not all 0
   * @throws IllegalArgumentException if a dimension has no weight, a weight names no dimension,
   *     or the weights are negative, not finite or all 0
   */
  public double weightedGap(Map<String, ? extends Number> weights) {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (Gap g : dimensions) {
      metrics.put(g.dimension(), new Mean(g.n(), g.gap(), 0));
    }
    return WeightedIndex.of(metrics, weights, level).index();
  }

  /** A table: dimension, n, expectation, perception, gap, interval; then the unweighted gap. */
  @Override
  public String toString() {
    int w = 9;
    for (Gap g : dimensions) {
      w = Math.max(w, g.dimension().length());
    }
    String fmt = "  %-" + w + "s  %8s  %11s  %10s  %8s  %s%n";
    var sb = new StringBuilder(String.format(Locale.ROOT, "SERVQUAL gaps (perception − "
        + "expectation), paired t %s%n", Stats.percent(level)));
    sb.append(String.format(Locale.ROOT, fmt, "dimension", "n", "expectation", "perception",
        "gap", "interval"));
    for (Gap g : dimensions) {
      sb.append(String.format(Locale.ROOT, fmt, g.dimension(), Stats.count(g.n()),
          Stats.num(g.expectation()), Stats.num(g.perception()), Stats.num(g.gap()),
          "[" + Stats.num(g.interval().lower()) + ", " + Stats.num(g.interval().upper()) + "]"));
    }
    sb.append("  unweighted overall gap ").append(Stats.num(unweightedGap()));
    return sb.toString();
  }
}
