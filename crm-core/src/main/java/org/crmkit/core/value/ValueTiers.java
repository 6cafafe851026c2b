package org.crmkit.core.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Customers in value tiers high / medium / low by two cut points on a value (a score, a CLV,
 * revenue): high when value &ge; {@code highCut}, medium when {@code mediumCut} &le; value &lt;
 * {@code highCut}, low otherwise. Every customer gets exactly one tier.
 *
 * <pre>{@code
 * ValueTiers t = ValueTiers.byThresholds(ids, clv, 1000, 200);   // high >= 1000, medium >= 200
 * ValueTiers q = ValueTiers.byQuantiles(ids, clv, 0.2, 0.5);     // top 20 %, bottom 50 %
 * q.counts();   // {HIGH=.., MEDIUM=.., LOW=..}
 * }</pre>
 *
 * @param customerIds the customers, in the order given
 * @param values their values (copied)
 * @param tiers their tiers, same order
 * @param highCut the lowest high value (+∞ when no customer may be high)
 * @param mediumCut the lowest medium value, &le; highCut (−∞ when no customer may be low)
 * @param rule how the cut points were set, for example {@code thresholds} or
 *     {@code quantiles 0.8 / 0.5}
 */
public record ValueTiers(List<String> customerIds, double[] values, List<ValueTier> tiers,
    double highCut, double mediumCut, String rule) {

  /** Checks that the tiers follow from the values and cut points; copies. */
  public ValueTiers {
    customerIds = List.copyOf(Checks.notNull("customerIds", customerIds));
    values = Checks.notNull("values", values).clone();
    tiers = List.copyOf(Checks.notNull("tiers", tiers));
    Checks.notBlank("rule", rule);
    if (values.length != customerIds.size() || tiers.size() != customerIds.size()) {
      throw new IllegalArgumentException(customerIds.size() + " customers, " + values.length
          + " values, " + tiers.size() + " tiers");
    }
    if (Double.isNaN(highCut) || Double.isNaN(mediumCut) || mediumCut > highCut) {
      throw new IllegalArgumentException("cut points must be ordered, mediumCut <= highCut: "
          + mediumCut + ", " + highCut);
    }
    for (int i = 0; i < values.length; i++) {
      if (tiers.get(i) != tierOf(values[i], highCut, mediumCut)) {
        throw new IllegalArgumentException("customer '" + customerIds.get(i) + "': tier "
            + tiers.get(i) + " does not follow from value " + values[i]);
      }
    }
  }

  private static ValueTier tierOf(double v, double high, double medium) {
    return v >= high ? ValueTier.HIGH : v >= medium ? ValueTier.MEDIUM : ValueTier.LOW;
  }

  /**
   * Tiers by fixed thresholds: high when value &ge; highAtLeast, medium when value &ge;
   * mediumAtLeast, low below.
   *
   * @throws IllegalArgumentException if ids repeat or are blank, lengths differ, a value is not
   *     finite (naming the customer), or mediumAtLeast &gt; highAtLeast
   */
  public static ValueTiers byThresholds(List<String> customerIds, double[] values,
      double highAtLeast, double mediumAtLeast) {
    check(customerIds, values);
    Checks.finite("highAtLeast", highAtLeast);
    Checks.finite("mediumAtLeast", mediumAtLeast);
    if (mediumAtLeast > highAtLeast) {
      throw new IllegalArgumentException("mediumAtLeast (" + mediumAtLeast
          + ") must not exceed highAtLeast (" + highAtLeast + ")");
    }
    return make(customerIds, values, highAtLeast, mediumAtLeast, "thresholds");
  }

  /**
   * Tiers by shares of customers: the cut points are the type-7 sample quantiles (as R's
   * {@code quantile}) of the values at 1 − highShare and at lowShare, so about the top
   * {@code highShare} are high and the bottom {@code lowShare} low. Customers tied at a cut
   * point go to the higher tier, so with ties the shares are approximate. A share of 0 empties
   * its tier.
   *
   * @param highShare the share of high customers, in [0, 1]
   * @param lowShare the share of low customers, in [0, 1], highShare + lowShare &le; 1
   */
  public static ValueTiers byQuantiles(List<String> customerIds, double[] values,
      double highShare, double lowShare) {
    check(customerIds, values);
    Checks.inRange("highShare", highShare, 0, 1);
    Checks.inRange("lowShare", lowShare, 0, 1);
    if (highShare + lowShare > 1 + 1e-12) {
      throw new IllegalArgumentException("highShare + lowShare must not exceed 1: "
          + highShare + " + " + lowShare);
    }
    double high = highShare == 0 ? Double.POSITIVE_INFINITY
        : Quantiles.type7(values, 1 - highShare);
    double medium = lowShare == 0 ? Double.NEGATIVE_INFINITY : Quantiles.type7(values, lowShare);
    medium = Math.min(medium, high);
    String rule = String.format(Locale.ROOT, "quantiles: top %.4g high, bottom %.4g low",
        highShare, lowShare);
    return make(customerIds, values, high, medium, rule);
  }

  private static void check(List<String> ids, double[] values) {
    Checks.notNull("customerIds", ids);
    Checks.notNull("values", values);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("customerIds is empty: nobody to tier");
    }
    if (ids.size() != values.length) {
      throw new IllegalArgumentException(ids.size() + " customers but " + values.length
          + " values");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.length; i++) {
      String id = Checks.notBlank("customerIds[" + i + "]", ids.get(i));
      if (!seen.add(id)) {
        throw new IllegalArgumentException("customerIds[" + i + "]: customer '" + id
            + "' appears twice");
      }
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("customer '" + id + "': value must be finite: "
            + values[i]);
      }
    }
  }

  private static ValueTiers make(List<String> ids, double[] values, double high, double medium,
      String rule) {
    List<ValueTier> tiers = new ArrayList<>(values.length);
    for (double v : values) {
      tiers.add(tierOf(v, high, medium));
    }
    return new ValueTiers(ids, values, tiers, high, medium, rule);
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The tier of one customer. */
  public ValueTier tier(String customerId) {
    int i = customerIds.indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' has no tier");
    }
    return tiers.get(i);
  }

  /** The number of customers per tier, every tier present (0 when empty), HIGH first. */
  public Map<ValueTier, Long> counts() {
    EnumMap<ValueTier, Long> c = new EnumMap<>(ValueTier.class);
    for (ValueTier t : ValueTier.values()) {
      c.put(t, 0L);
    }
    for (ValueTier t : tiers) {
      c.merge(t, 1L, Long::sum);
    }
    return Collections.unmodifiableMap(c);
  }

  /** The customers of one tier, in input order. */
  public List<String> ids(ValueTier tier) {
    Checks.notNull("tier", tier);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i) == tier) {
        out.add(customerIds.get(i));
      }
    }
    return List.copyOf(out);
  }

  /** Columns {@code customer_id}, {@code value}, {@code tier}. */
  public Table toTable() {
    return ColumnTable.builder(values.length)
        .strings("customer_id", customerIds::get)
        .doubles("value", values)
        .strings("tier", i -> tiers.get(i).name())
        .build();
  }

  /** The rule, the cut points and the count per tier. */
  @Override
  public String toString() {
    Map<ValueTier, Long> c = counts();
    return String.format(Locale.ROOT,
        "value tiers (%s): high >= %s, medium >= %s%n  HIGH %,d  MEDIUM %,d  LOW %,d", rule,
        cut(highCut), cut(mediumCut), c.get(ValueTier.HIGH), c.get(ValueTier.MEDIUM),
        c.get(ValueTier.LOW));
  }

  private static String cut(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.4g", v);
  }

  /** Equal when every component is equal (values by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ValueTiers t && customerIds.equals(t.customerIds)
        && java.util.Arrays.equals(values, t.values) && tiers.equals(t.tiers)
        && Double.compare(highCut, t.highCut) == 0 && Double.compare(mediumCut, t.mediumCut) == 0
        && rule.equals(t.rule);
  }

  @Override
  public int hashCode() {
    return customerIds.hashCode() * 31 + tiers.hashCode();
  }
}
