package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;

/**
 * A metric per group (segment, touchpoint, channel, period ...), computed in one pass, with the
 * overall metric of all observations.
 *
 * <p>Rows are in ascending label order ({@link String#compareTo}), so the table does not depend
 * on the order of the input. In lenient mode, out-of-range scores are excluded per group and
 * counted in each row's metric and in {@code overall}; a group whose every score was excluded
 * has no row and is listed in {@code groupsWithoutValidScores}.
 *
 * @param description the metric and its interval, for example "NPS (adjusted Wald interval)"
 * @param rows one row per group with at least one valid score
 * @param overall the metric of all observations
 * @param groupsWithoutValidScores labels whose every score was excluded (lenient mode)
 * @param excluded the number of out-of-range scores excluded in lenient mode (0 otherwise)
 * @param level the confidence level of the rows' intervals
 * @param <T> the metric
 */
public record Breakdown<T extends Metric>(String description, List<Row<T>> rows, T overall,
    List<String> groupsWithoutValidScores, long excluded, double level) {

  /** Validates and copies the lists. */
  public Breakdown {
    Checks.notBlank("description", description);
    rows = List.copyOf(Checks.notNull("rows", rows));
    Checks.notNull("overall", overall);
    groupsWithoutValidScores = List.copyOf(
        Checks.notNull("groupsWithoutValidScores", groupsWithoutValidScores));
    Checks.nonNegative("excluded", excluded);
    Stats.level(level);
  }

  /**
   * One group of a breakdown.
   *
   * @param label the group's label
   * @param metric the group's metric
   * @param interval the metric's default interval at the breakdown's level
   * @param <T> the metric
   */
  public record Row<T extends Metric>(String label, T metric, Interval interval) {

    /** Validates that no component is null. */
    public Row {
      Checks.notNull("label", label);
      Checks.notNull("metric", metric);
      Checks.notNull("interval", interval);
    }

    /** The group's number of observations. */
    public long n() {
      return metric.n();
    }

    /** The group's estimate. */
    public double estimate() {
      return metric.estimate();
    }
  }

  /** The number of groups with a row. */
  public int size() {
    return rows.size();
  }

  /** The labels of the rows, in order. */
  public List<String> labels() {
    List<String> out = new ArrayList<>(rows.size());
    for (Row<T> r : rows) {
      out.add(r.label());
    }
    return List.copyOf(out);
  }

  /**
   * The metric of one group.
   *
   * @throws IllegalArgumentException if the breakdown has no row with this label
   */
  public T get(String label) {
    for (Row<T> r : rows) {
      if (r.label().equals(label)) {
        return r.metric();
      }
    }
    throw new IllegalArgumentException("no group '" + label + "' in this breakdown; groups: "
        + labels());
  }

  /** {@link #weightedIndex(Map, double)} at the breakdown's level. */
  public WeightedIndex weightedIndex(Map<String, ? extends Number> weights) {
    return weightedIndex(weights, level);
  }

  /**
   * A weighted index over the groups (for example a touchpoint index): Σ w_g·estimate_g with the
   * weights normalised to sum 1; see {@link WeightedIndex#of}.
   *
   * @param weights one weight &ge; 0 per row label (0 leaves a group out); not all 0
   */
  public WeightedIndex weightedIndex(Map<String, ? extends Number> weights, double level) {
    Map<String, Metric> metrics = new java.util.LinkedHashMap<>();
    for (Row<T> r : rows) {
      metrics.put(r.label(), r.metric());
    }
    return WeightedIndex.of(metrics, weights, level);
  }

  /** A table: group, n, estimate, interval; the overall row last; at most 20 groups shown. */
  @Override
  public String toString() {
    int w = 5;
    for (Row<T> r : rows) {
      w = Math.max(w, r.label().length());
    }
    String fmt = "  %-" + w + "s  %10s  %9s  %9s  %9s%n";
    var sb = new StringBuilder();
    sb.append(description).append(" by group, ").append(Stats.percent(level))
        .append(String.format(Locale.ROOT, ", %d groups%n", rows.size()));
    sb.append(String.format(Locale.ROOT, fmt, "group", "n", "estimate", "lower", "upper"));
    int shown = Math.min(rows.size(), 20);
    for (int i = 0; i < shown; i++) {
      Row<T> r = rows.get(i);
      sb.append(String.format(Locale.ROOT, fmt, r.label(), Stats.count(r.n()),
          Stats.dec(r.estimate()), Stats.dec(r.interval().lower()),
          Stats.dec(r.interval().upper())));
    }
    if (rows.size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", rows.size() - shown));
    }
    Interval all = overall.interval(level);
    sb.append(String.format(Locale.ROOT, fmt, "all", Stats.count(overall.n()),
        Stats.dec(overall.estimate()), Stats.dec(all.lower()), Stats.dec(all.upper())));
    if (excluded > 0) {
      sb.append(String.format(Locale.ROOT, "  excluded: %,d out-of-range scores%n", excluded));
    }
    if (!groupsWithoutValidScores.isEmpty()) {
      sb.append("  groups without a valid score: ").append(groupsWithoutValidScores);
    }
    return sb.toString().stripTrailing();
  }
}
