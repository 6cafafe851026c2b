package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Churn probabilities by customer, with risk tiers and, once values are attached, value at risk =
 * P(churn) × value (the value is typically a CLV, taken as an input column).
 *
 * <pre>{@code
 * ChurnScores s = model.score(features)
 *     .withValues(clvTable, "clv")
 *     .withTiers(RiskTiers.of(0.5, 0.8));
 * List<AtRisk> top = s.topAtRisk(50);   // by value at risk
 * }</pre>
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class ChurnScores {

  private final String[] ids;
  private final double[] p;
  private final double[] values;
  private final RiskTiers tiers;

  private ChurnScores(String[] ids, double[] p, double[] values, RiskTiers tiers) {
    this.ids = ids;
    this.p = p;
    this.values = values;
    this.tiers = tiers;
  }

  /**
   * Scores from ids and probabilities, with the {@link RiskTiers#defaults()} tiers.
   *
   * @throws IllegalArgumentException if lengths differ, an id is blank or repeated, or a
   *     probability is not in [0, 1]
   */
  public static ChurnScores of(String[] customerIds, double[] probabilities) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("probabilities", probabilities);
    if (customerIds.length != probabilities.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "customerIds has %d entries, probabilities %d", customerIds.length,
          probabilities.length));
    }
    var seen = new HashMap<String, Integer>(customerIds.length * 2);
    for (int i = 0; i < customerIds.length; i++) {
      String id = customerIds[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: customer id is %s", i + 1, id == null ? "null" : "blank"));
      }
      if (seen.put(id, i) != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': customer id appears twice", i + 1, id));
      }
      double v = probabilities[i];
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': probability must be in [0, 1]: %s", i + 1, id,
            Checks.format(v)));
      }
    }
    return new ChurnScores(customerIds.clone(), probabilities.clone(), null,
        RiskTiers.defaults());
  }

  /**
   * These scores with values matched by customer id; every scored customer needs one (extra ids
   * are ignored).
   *
   * @throws IllegalArgumentException naming the first scored customer without a value, a value that
   *     is not finite, or an id given twice
   */
  public ChurnScores withValues(String[] customerIds, double[] customerValues) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("customerValues", customerValues);
    if (customerIds.length != customerValues.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "customerIds has %d entries, values %d", customerIds.length, customerValues.length));
    }
    Map<String, Integer> at = new HashMap<>(customerIds.length * 2);
    for (int i = 0; i < customerIds.length; i++) {
      if (at.put(customerIds[i], i) != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': value given twice", i + 1, customerIds[i]));
      }
    }
    double[] v = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      Integer j = at.get(ids[i]);
      if (j == null) {
        throw new IllegalArgumentException("customer '" + ids[i] + "' has a score but no value");
      }
      double x = customerValues[j];
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "customer '%s': value must be finite: %s", ids[i], Checks.format(x)));
      }
      v[i] = x;
    }
    return new ChurnScores(ids, p, v, tiers);
  }

  /**
   * These scores with values from a column of a feature table (e.g. a CLV column), matched by
   * customer id.
   *
   * @throws IllegalArgumentException if the column does not exist or a scored customer is missing
   */
  public ChurnScores withValues(FeatureTable table, String column) {
    Checks.notNull("table", table);
    return withValues(table.customerIds(), table.column(column));
  }

  /** These scores with other tier cut points. */
  public ChurnScores withTiers(RiskTiers cutPoints) {
    return new ChurnScores(ids, p, values, Checks.notNull("tiers", cutPoints));
  }

  /** The number of customers. */
  public int size() {
    return ids.length;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** P(churn) of customer {@code i}. */
  public double probability(int i) {
    return p[i];
  }

  /** A copy of the probabilities. */
  public double[] probabilities() {
    return p.clone();
  }

  /** The tier cut points. */
  public RiskTiers tiers() {
    return tiers;
  }

  /** The tier of customer {@code i}. */
  public RiskTier tier(int i) {
    return tiers.tierOf(p[i]);
  }

  /** The number of customers in each tier (every tier present, possibly 0). */
  public Map<RiskTier, Integer> tierCounts() {
    Map<RiskTier, Integer> m = new EnumMap<>(RiskTier.class);
    for (RiskTier t : RiskTier.values()) {
      m.put(t, 0);
    }
    for (double v : p) {
      m.merge(tiers.tierOf(v), 1, Integer::sum);
    }
    return m;
  }

  /** True once values are attached. */
  public boolean hasValues() {
    return values != null;
  }

  /** The value of customer {@code i}. @throws IllegalStateException without values */
  public double value(int i) {
    requireValues();
    return values[i];
  }

  /** P(churn) × value of customer {@code i}. @throws IllegalStateException without values */
  public double valueAtRisk(int i) {
    requireValues();
    return p[i] * values[i];
  }

  /** Σ P(churn) × value: the expected value lost. @throws IllegalStateException without values */
  public double totalValueAtRisk() {
    requireValues();
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += p[i] * values[i];
    }
    return s;
  }

  private void requireValues() {
    if (values == null) {
      throw new IllegalStateException("no values attached: call withValues(...) first");
    }
  }

  /**
   * The {@code n} customers most at risk: by value at risk when values are attached, else by
   * probability; from the highest down, ties by customer id. Fewer when there are fewer customers.
   */
  public List<AtRisk> topAtRisk(int n) {
    return top(n, values != null);
  }

  /** The {@code n} customers with the highest churn probability (ties by customer id). */
  public List<AtRisk> topByProbability(int n) {
    return top(n, false);
  }

  private List<AtRisk> top(int n, boolean byValue) {
    Checks.nonNegative("n", n);
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      double ka = byValue ? p[a] * values[a] : p[a];
      double kb = byValue ? p[b] * values[b] : p[b];
      int c = Double.compare(kb, ka);
      return c != 0 ? c : ids[a].compareTo(ids[b]);
    });
    int m = Math.min(n, ids.length);
    List<AtRisk> out = new ArrayList<>(m);
    for (int r = 0; r < m; r++) {
      int i = order[r];
      out.add(new AtRisk(r + 1, ids[i], p[i], tier(i), values == null ? null : values[i],
          values == null ? null : p[i] * values[i]));
    }
    return List.copyOf(out);
  }

  /** The scores for writing: customer, churn_probability, risk_tier (and value, value_at_risk). */
  public Table toTable() {
    var b = ColumnTable.builder(ids.length).strings("customer", ids)
        .doubles("churn_probability", p)
        .strings("risk_tier", i -> tier(i).name());
    if (values != null) {
      b.doubles("value", values).doubles("value_at_risk", i -> p[i] * values[i]);
    }
    return b.build();
  }

  @Override
  public String toString() {
    Map<RiskTier, Integer> c = tierCounts();
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "ChurnScores: %s customers; HIGH (p >= %s) %s, MEDIUM (p >= %s) %s, LOW %s%s%n",
        Fmt.count(ids.length), Fmt.num(tiers.high()), Fmt.count(c.get(RiskTier.HIGH)),
        Fmt.num(tiers.medium()), Fmt.count(c.get(RiskTier.MEDIUM)),
        Fmt.count(c.get(RiskTier.LOW)), values == null ? ""
            : String.format(Locale.ROOT, "; value at risk %.2f", totalValueAtRisk())));
    List<AtRisk> top = topAtRisk(Fmt.MAX_ROWS);
    int w = 8;
    for (AtRisk a : top) {
      w = Math.max(w, a.customerId().length());
    }
    String f = "  %4s  %-" + w + "s %8s %-6s" + (values == null ? "%s%s" : " %12s %12s") + "%n";
    sb.append(String.format(Locale.ROOT, f, "rank", "customer", "p(churn)", "tier",
        values == null ? "" : "value", values == null ? "" : "at risk"));
    for (AtRisk a : top) {
      sb.append(String.format(Locale.ROOT, f, a.rank(), a.customerId(), Fmt.p4(a.probability()),
          a.tier(), values == null ? "" : String.format(Locale.ROOT, "%.2f", a.value()),
          values == null ? "" : String.format(Locale.ROOT, "%.2f", a.valueAtRisk())));
    }
    if (ids.length > top.size()) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", ids.length - top.size()));
    }
    return sb.toString().stripTrailing();
  }
}
