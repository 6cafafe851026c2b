package org.crmkit.core.value;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Weighted value scores of customers from a {@link ValueScorer}: per customer the score
 * S = Σ_k w_k·s_k in [0, 1] and each normalised indicator score s_k in [0, 1] (already reversed
 * for lower-is-better indicators).
 *
 * @param customerIds the customers, in the order given
 * @param indicators the indicators, in weight order
 * @param weights the weights, summing to 1 (copied)
 * @param normalised normalised[k][i]: indicator k of customer i, in [0, 1] (copied)
 * @param scores the score of each customer, in [0, 1] (copied)
 * @param normalisation how indicators were normalised
 * @param lowerIsBetter the indicators that were reversed
 */
public record ValueScores(List<String> customerIds, List<String> indicators, double[] weights,
    double[][] normalised, double[] scores, Normalisation normalisation,
    Set<String> lowerIsBetter) {

  /** Checks shapes and ranges; copies. */
  public ValueScores {
    customerIds = List.copyOf(Checks.notNull("customerIds", customerIds));
    indicators = List.copyOf(Checks.notNull("indicators", indicators));
    int n = customerIds.size();
    int m = indicators.size();
    weights = Checks.notNull("weights", weights).clone();
    scores = Checks.notNull("scores", scores).clone();
    Checks.notNull("normalised", normalised);
    if (weights.length != m || normalised.length != m || scores.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shapes differ: %d indicators, %d weights, %d normalised columns; %d customers, %d "
              + "scores", m, weights.length, normalised.length, n, scores.length));
    }
    double[][] copy = new double[m][];
    for (int k = 0; k < m; k++) {
      copy[k] = Checks.notNull("normalised[" + k + "]", normalised[k]).clone();
      if (copy[k].length != n) {
        throw new IllegalArgumentException("normalised[" + k + "] has " + copy[k].length
            + " values for " + n + " customers");
      }
      for (int i = 0; i < n; i++) {
        Checks.inRange("normalised[" + k + "][" + i + "]", copy[k][i], 0, 1);
      }
      Checks.nonNegative("weights[" + k + "]", weights[k]);
    }
    normalised = copy;
    for (int i = 0; i < n; i++) {
      Checks.inRange("scores[" + i + "]", scores[i], 0, 1);
    }
    Checks.notNull("normalisation", normalisation);
    lowerIsBetter = java.util.Collections.unmodifiableSet(
        new LinkedHashSet<>(Checks.notNull("lowerIsBetter", lowerIsBetter)));
  }

  /** A copy of the scores, in customer order. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** A copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** A copy of the normalised indicator scores, [indicator][customer]. */
  @Override
  public double[][] normalised() {
    double[][] c = new double[normalised.length][];
    for (int k = 0; k < c.length; k++) {
      c[k] = normalised[k].clone();
    }
    return c;
  }

  /** The number of customers. */
  public int size() {
    return scores.length;
  }

  /**
   * The score of one customer.
   *
   * @throws IllegalArgumentException if the customer was not scored
   */
  public double score(String customerId) {
    return scores[index(customerId)];
  }

  /** The normalised score of one indicator of one customer. */
  public double indicatorScore(String indicator, String customerId) {
    int k = indicators.indexOf(indicator);
    if (k < 0) {
      throw new IllegalArgumentException("no indicator '" + indicator + "'; indicators: "
          + indicators);
    }
    return normalised[k][index(customerId)];
  }

  private int index(String customerId) {
    int i = customerIds.indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' was not scored");
    }
    return i;
  }

  /** Tiers by thresholds on the score; see {@link ValueTiers#byThresholds}. */
  public ValueTiers tiersByThresholds(double highAtLeast, double mediumAtLeast) {
    return ValueTiers.byThresholds(customerIds, scores, highAtLeast, mediumAtLeast);
  }

  /** Tiers by shares of customers; see {@link ValueTiers#byQuantiles}. */
  public ValueTiers tiersByQuantiles(double highShare, double lowShare) {
    return ValueTiers.byQuantiles(customerIds, scores, highShare, lowShare);
  }

  /** Columns {@code customer_id}, {@code score}, then {@code <indicator>_score} per indicator. */
  public Table toTable() {
    var b = ColumnTable.builder(scores.length)
        .strings("customer_id", customerIds::get)
        .doubles("score", scores);
    for (int k = 0; k < indicators.size(); k++) {
      b.doubles(indicators.get(k) + "_score", normalised[k]);
    }
    return b.build();
  }

  /** A header with the weights, then the first 20 customers. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT, "value scores of %,d customers (%s):",
        scores.length, normalisation));
    for (int k = 0; k < indicators.size(); k++) {
      sb.append(String.format(Locale.ROOT, " %s %.3f%s", indicators.get(k), weights[k],
          lowerIsBetter.contains(indicators.get(k)) ? " (reversed)" : ""));
    }
    return sb.append(System.lineSeparator()).append(toTable().format(20)).toString();
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ValueScores v && customerIds.equals(v.customerIds)
        && indicators.equals(v.indicators) && Arrays.equals(weights, v.weights)
        && Arrays.deepEquals(normalised, v.normalised) && Arrays.equals(scores, v.scores)
        && normalisation == v.normalisation && lowerIsBetter.equals(v.lowerIsBetter);
  }

  @Override
  public int hashCode() {
    return customerIds.hashCode() * 31 + Arrays.hashCode(scores);
  }
}
