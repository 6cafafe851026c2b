package org.crmkit.core.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Criteria weights derived by {@link Ahp}, with the consistency of the comparisons behind them.
 *
 * @param names the criteria, in the matrix's order
 * @param weights the normalised principal eigenvector: positive, summing to 1 (copied)
 * @param lambdaMax the principal eigenvalue λmax, &ge; n for a reciprocal matrix
 * @param consistencyIndex CI = (λmax − n)/(n − 1), &ge; 0 (0 for n = 1)
 * @param randomIndex RI(n) of the table used
 * @param consistencyRatio CR = CI/RI (0 when RI = 0, n &le; 2)
 * @param maxConsistencyRatio the limit the ratio was checked against
 * @param acceptedInconsistent true when CR exceeded the limit and the caller accepted it
 * @param iterations the power iterations used
 */
public record AhpWeights(List<String> names, double[] weights, double lambdaMax,
    double consistencyIndex, double randomIndex, double consistencyRatio,
    double maxConsistencyRatio, boolean acceptedInconsistent, int iterations) {

  /** Checks the components; copies the list and the array. */
  public AhpWeights {
    names = List.copyOf(Checks.notNull("names", names));
    Checks.notNull("weights", weights);
    if (weights.length != names.size() || weights.length == 0) {
      throw new IllegalArgumentException(weights.length + " weights for " + names.size()
          + " criteria");
    }
    weights = weights.clone();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      Checks.positive("weights[" + i + "]", weights[i]);
      sum += weights[i];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("weights must sum to 1: " + sum);
    }
    Checks.finite("lambdaMax", lambdaMax);
    Checks.nonNegative("consistencyIndex", consistencyIndex);
    Checks.nonNegative("randomIndex", randomIndex);
    Checks.nonNegative("consistencyRatio", consistencyRatio);
    Checks.positive("maxConsistencyRatio", maxConsistencyRatio);
    Checks.nonNegative("iterations", iterations);
  }

  /** A copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The number of criteria. */
  public int size() {
    return weights.length;
  }

  /**
   * The weight of one criterion.
   *
   * @throws IllegalArgumentException if there is no such criterion
   */
  public double weight(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no criterion '" + name + "'; criteria: " + names);
    }
    return weights[i];
  }

  /** The weights by name, in the criteria's order (for {@link ValueScorer#of(Map)}). */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      m.put(names.get(i), weights[i]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** True when the consistency ratio is within {@code limit}. */
  public boolean isConsistent(double limit) {
    return consistencyRatio <= limit;
  }

  /** Columns {@code criterion}, {@code weight}. */
  public Table toTable() {
    return ColumnTable.builder(weights.length)
        .strings("criterion", names::get)
        .doubles("weight", weights.clone())
        .build();
  }

  /** The consistency line, then one line per criterion. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "AHP weights, %d criteria: lambda max %.4f, CI %.4f, RI %.2f, CR %.4f%s", size(),
        lambdaMax, consistencyIndex, randomIndex, consistencyRatio,
        acceptedInconsistent ? String.format(Locale.ROOT,
            " (above %.2f: accepted on request)", maxConsistencyRatio) : ""));
    int w = 9;
    for (String s : names) {
      w = Math.max(w, s.length());
    }
    for (int i = 0; i < weights.length; i++) {
      sb.append(String.format(Locale.ROOT, "%n  %-" + w + "s  %.4f", names.get(i),
          weights[i]));
    }
    return sb.toString();
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof AhpWeights a && names.equals(a.names)
        && java.util.Arrays.equals(weights, a.weights)
        && Double.compare(lambdaMax, a.lambdaMax) == 0
        && Double.compare(consistencyIndex, a.consistencyIndex) == 0
        && Double.compare(randomIndex, a.randomIndex) == 0
        && Double.compare(consistencyRatio, a.consistencyRatio) == 0
        && Double.compare(maxConsistencyRatio, a.maxConsistencyRatio) == 0
        && acceptedInconsistent == a.acceptedInconsistent && iterations == a.iterations;
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + java.util.Arrays.hashCode(weights);
  }
}
