package org.crmkit.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;

/**
 * A weighted index of metrics measured on separate groups of respondents (for example CSAT per
 * touchpoint, weighted by each touchpoint's importance).
 *
 * <p>Formula: the user's weights u_g are normalised, w_g = u_g / Σ u, so they sum to 1 and only
 * their ratios matter; index I = Σ w_g·e_g with e_g the group's estimate. If the groups hold
 * different respondents (independent samples), SE(I) = sqrt(Σ w_g²·SE_g²) and the interval is
 * I ± z·SE(I) (normal approximation, not clipped). The weights are the user's: their choice is
 * not estimated and adds no uncertainty here.
 *
 * @param weights the normalised weights per group, summing to 1, in the groups' order
 * @param estimates the estimate per group, same order
 * @param index Σ w_g·e_g
 * @param standardError sqrt(Σ w_g²·SE_g²)
 * @param interval index ± z·SE
 */
public record WeightedIndex(Map<String, Double> weights, Map<String, Double> estimates,
    double index, double standardError, Interval interval) {

  /** Copies the maps (keeping their order) and checks the numbers. */
  public WeightedIndex {
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("weights",
        weights)));
    estimates = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("estimates",
        estimates)));
    Checks.finite("index", index);
    Checks.nonNegative("standardError", standardError);
    Checks.notNull("interval", interval);
  }

  /**
   * The weighted index of {@code metrics} with these weights.
   *
   * @param metrics the metric per group, in the order the result should keep
   * @param weights one finite weight &ge; 0 per group, same keys as {@code metrics}, not all 0
   * @param level the confidence level of the interval
   * @throws IllegalArgumentException if a group has no weight, a weight names no group, a weight
   *     is negative or not finite, or all weights are 0
   */
  public static WeightedIndex of(Map<String, ? extends Metric> metrics,
      Map<String, ? extends Number> weights, double level) {
    Checks.notNull("metrics", metrics);
    Checks.notNull("weights", weights);
    Stats.level(level);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("no group to index");
    }
    for (String k : weights.keySet()) {
      if (!metrics.containsKey(k)) {
        throw new IllegalArgumentException("weight for '" + k + "', which is not a group; groups: "
            + metrics.keySet());
      }
    }
    double total = 0;
    for (String k : metrics.keySet()) {
      Number u = weights.get(k);
      if (u == null) {
        throw new IllegalArgumentException(
            "group '" + k + "' has no weight (give it weight 0 to leave it out)");
      }
      double v = u.doubleValue();
      if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("weight of '" + k + "' must be finite and >= 0: " + v);
      }
      total += v;
    }
    if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weights must sum to a finite value > 0: " + total);
    }
    Map<String, Double> w = new LinkedHashMap<>();
    Map<String, Double> e = new LinkedHashMap<>();
    double index = 0;
    double var = 0;
    for (var entry : metrics.entrySet()) {
      double wg = weights.get(entry.getKey()).doubleValue() / total;
      Metric m = entry.getValue();
      w.put(entry.getKey(), wg);
      e.put(entry.getKey(), m.estimate());
      index += wg * m.estimate();
      var += wg * wg * m.standardError() * m.standardError();
    }
    double se = Math.sqrt(var);
    double half = Stats.zCritical(level) * se;
    return new WeightedIndex(w, e, index, se, new Interval(index - half, index + half, level));
  }

  /** The index, its SE and interval, then one line per group with weight and estimate. */
  @Override
  public String toString() {
    var sb = new StringBuilder("weighted index " + Stats.num(index) + ", SE "
        + Stats.num(standardError) + ", " + interval);
    int width = 5;
    for (String k : weights.keySet()) {
      width = Math.max(width, k.length());
    }
    String fmt = "%n  %-" + width + "s  %7s  %9s";
    sb.append(String.format(Locale.ROOT, fmt, "group", "weight", "estimate"));
    for (var entry : weights.entrySet()) {
      sb.append(String.format(Locale.ROOT, fmt, entry.getKey(), Stats.dec(entry.getValue()),
          Stats.dec(estimates.get(entry.getKey()))));
    }
    return sb.toString();
  }
}
