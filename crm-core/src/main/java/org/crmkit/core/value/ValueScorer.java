package org.crmkit.core.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Checks;

/**
 * A weighted customer value score: S = Σ_k w_k·s_k over indicators k (revenue, frequency,
 * margin, tenure, ...), where s_k is the customer's indicator value normalised to [0, 1]
 * ({@link Normalisation}) — reversed, 1 − s_k, for indicators where lower is better (cost to
 * serve, complaints, days since the last purchase) — and the weights w_k are the caller's,
 * normalised to sum 1, or derived by {@link Ahp}. S lies in [0, 1].
 *
 * <pre>{@code
 * Map<String, Double> w = new LinkedHashMap<>();
 * w.put("revenue", 0.5); w.put("orders", 0.3); w.put("complaints", 0.2);
 * ValueScores s = ValueScorer.of(w).withLowerIsBetter("complaints")
 *     .withNormalisation(Normalisation.PERCENTILE)
 *     .score(ids, Map.of("revenue", revenue, "orders", orders, "complaints", complaints));
 * ValueTiers tiers = ValueTiers.byQuantiles(s.customerIds(), s.scores(), 0.2, 0.5);
 * }</pre>
 *
 * <p>Normalisation is relative to the customers scored together: the same customer scores
 * differently in another batch. Score the whole base at once, and compare scores across runs
 * only with fixed bounds (min–max on a fixed reference set).
 *
 * <p>Immutable and thread-safe; each {@code with…} returns a copy.
 */
public final class ValueScorer {

  private final List<String> indicators;
  private final double[] weights;
  private final Set<String> lowerIsBetter;
  private final Normalisation normalisation;

  private ValueScorer(List<String> indicators, double[] weights, Set<String> lowerIsBetter,
      Normalisation normalisation) {
    this.indicators = indicators;
    this.weights = weights;
    this.lowerIsBetter = lowerIsBetter;
    this.normalisation = normalisation;
  }

  /**
   * A scorer with these weights per indicator, in the map's iteration order (use a
   * {@code LinkedHashMap} for a stable column order), min–max normalisation, higher is better.
   *
   * @param weights finite weights &ge; 0, not all 0; normalised to sum 1 (only ratios matter)
   */
  public static ValueScorer of(Map<String, ? extends Number> weights) {
    Checks.notNull("weights", weights);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("weights is empty: a score needs an indicator");
    }
    List<String> names = new ArrayList<>();
    double[] w = new double[weights.size()];
    double total = 0;
    int i = 0;
    for (var e : weights.entrySet()) {
      String name = Checks.notBlank("indicator", e.getKey());
      Number v = Checks.notNull("weight of '" + name + "'", e.getValue());
      w[i] = Checks.nonNegative("weight of '" + name + "'", v.doubleValue());
      total += w[i];
      names.add(name);
      i++;
    }
    if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weights must sum to a finite value > 0: " + total);
    }
    for (int k = 0; k < w.length; k++) {
      w[k] /= total;
    }
    return new ValueScorer(List.copyOf(names), w, Set.of(), Normalisation.MIN_MAX);
  }

  /** A scorer with the AHP weights, one indicator per criterion. */
  public static ValueScorer of(AhpWeights weights) {
    return of(Checks.notNull("weights", weights).asMap());
  }

  /** A copy with this normalisation. */
  public ValueScorer withNormalisation(Normalisation n) {
    return new ValueScorer(indicators, weights, lowerIsBetter,
        Checks.notNull("normalisation", n));
  }

  /**
   * A copy in which these indicators count reversed (lower is better); the others keep their
   * direction.
   *
   * @throws IllegalArgumentException if a name is not an indicator
   */
  public ValueScorer withLowerIsBetter(String... names) {
    Checks.notNull("names", names);
    Set<String> s = new LinkedHashSet<>(lowerIsBetter);
    for (String n : names) {
      if (!indicators.contains(n)) {
        throw new IllegalArgumentException("'" + n + "' is not an indicator; indicators: "
            + indicators);
      }
      s.add(n);
    }
    return new ValueScorer(indicators, weights, Collections.unmodifiableSet(s), normalisation);
  }

  /** The indicators, in order. */
  public List<String> indicators() {
    return indicators;
  }

  /** The normalised weights, summing to 1, in indicator order (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Scores customers.
   *
   * @param customerIds the customers; unique, not blank
   * @param columns one array per indicator, exactly the indicators, each value finite, in the
   *     order of {@code customerIds}
   * @throws IllegalArgumentException if an id repeats, a column is missing, extra or of the
   *     wrong length, or a value is not finite (the message names customer and indicator)
   */
  public ValueScores score(List<String> customerIds, Map<String, double[]> columns) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("columns", columns);
    int n = customerIds.size();
    if (n == 0) {
      throw new IllegalArgumentException("customerIds is empty: nobody to score");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String id = Checks.notBlank("customerIds[" + i + "]", customerIds.get(i));
      if (!seen.add(id)) {
        throw new IllegalArgumentException("customerIds[" + i + "]: customer '" + id
            + "' appears twice");
      }
    }
    for (String k : columns.keySet()) {
      if (!indicators.contains(k)) {
        throw new IllegalArgumentException("column '" + k + "' is not an indicator; "
            + "indicators: " + indicators);
      }
    }
    double[][] normalised = new double[indicators.size()][];
    double[] scores = new double[n];
    for (int k = 0; k < indicators.size(); k++) {
      String name = indicators.get(k);
      double[] x = columns.get(name);
      if (x == null) {
        throw new IllegalArgumentException("no column for indicator '" + name + "'");
      }
      if (x.length != n) {
        throw new IllegalArgumentException("column '" + name + "' has " + x.length
            + " values for " + n + " customers");
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[i])) {
          throw new IllegalArgumentException("customer '" + customerIds.get(i) + "': "
              + name + " must be finite: " + x[i]);
        }
      }
      double[] s = normalisation.apply(x);
      if (lowerIsBetter.contains(name)) {
        for (int i = 0; i < n; i++) {
          s[i] = 1 - s[i];
        }
      }
      normalised[k] = s;
      for (int i = 0; i < n; i++) {
        scores[i] += weights[k] * s[i];
      }
    }
    for (int i = 0; i < n; i++) {
      scores[i] = Math.min(1, Math.max(0, scores[i]));   // rounding of Σw·s with Σw = 1
    }
    return new ValueScores(customerIds, indicators, weights, normalised, scores, normalisation,
        lowerIsBetter);
  }

  /** {@code value scorer (MIN_MAX): revenue 0.500, orders 0.300, complaints 0.200 (lower is better)}. */
  @Override
  public String toString() {
    var sb = new StringBuilder("value scorer (" + normalisation + "):");
    for (int k = 0; k < indicators.size(); k++) {
      sb.append(k == 0 ? " " : ", ").append(indicators.get(k)).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.3f", weights[k]));
      if (lowerIsBetter.contains(indicators.get(k))) {
        sb.append(" (lower is better)");
      }
    }
    return sb.toString();
  }
}
