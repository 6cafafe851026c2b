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
 * The customer value matrix: each customer in one of four {@link Quadrant}s by current value ×
 * potential value, "high" meaning at or above a cut point.
 *
 * <pre>{@code
 * ValueMatrix m = ValueMatrix.byMedians(ids, currentValue, potentialValue);
 * m.quadrant("C042");                       // MOST_GROWABLE
 * m.withLabels(Map.of(Quadrant.LOW_VALUE, "basic service")).toTable();
 * }</pre>
 *
 * <p>The current value is typically the margin of the last year or a value score; the
 * potential value an estimate of what the customer could spend (share of wallet, a CLV model's
 * forecast minus the current value, a score of growth indicators). The matrix only sorts: how
 * good it is depends on those estimates. Median cut points split each axis in halves; business
 * thresholds are often better.
 *
 * <p>Source: Peppers, D., Rogers, M. &amp; Dorf, B. (1999), Is your company ready for
 * one-to-one marketing?, Harvard Business Review 77(1), 151–160 (most valuable, most growable
 * and below-zero customers).
 *
 * @param customerIds the customers, in the order given
 * @param current current values (copied)
 * @param potential potential values (copied)
 * @param currentCut the lowest high current value
 * @param potentialCut the lowest high potential value
 * @param quadrants each customer's quadrant
 * @param labels the label of each quadrant (all four)
 */
public record ValueMatrix(List<String> customerIds, double[] current, double[] potential,
    double currentCut, double potentialCut, List<Quadrant> quadrants,
    Map<Quadrant, String> labels) {

  /** Checks that the quadrants follow from the values and cut points; copies. */
  public ValueMatrix {
    customerIds = List.copyOf(Checks.notNull("customerIds", customerIds));
    current = Checks.notNull("current", current).clone();
    potential = Checks.notNull("potential", potential).clone();
    quadrants = List.copyOf(Checks.notNull("quadrants", quadrants));
    Checks.finite("currentCut", currentCut);
    Checks.finite("potentialCut", potentialCut);
    int n = customerIds.size();
    if (current.length != n || potential.length != n || quadrants.size() != n) {
      throw new IllegalArgumentException(n + " customers, " + current.length
          + " current values, " + potential.length + " potential values, " + quadrants.size()
          + " quadrants");
    }
    for (int i = 0; i < n; i++) {
      Quadrant q = Quadrant.of(current[i] >= currentCut, potential[i] >= potentialCut);
      if (quadrants.get(i) != q) {
        throw new IllegalArgumentException("customer '" + customerIds.get(i) + "': quadrant "
            + quadrants.get(i) + " does not follow from its values");
      }
    }
    Checks.notNull("labels", labels);
    EnumMap<Quadrant, String> l = new EnumMap<>(Quadrant.class);
    for (Quadrant q : Quadrant.values()) {
      l.put(q, Checks.notBlank("label of " + q, labels.get(q)));
    }
    labels = Collections.unmodifiableMap(l);
  }

  /**
   * The matrix with each axis cut at its median (type-7 sample quantile 0.5): at or above the
   * median is high.
   */
  public static ValueMatrix byMedians(List<String> customerIds, double[] current,
      double[] potential) {
    check(customerIds, current, potential);
    return of(customerIds, current, potential, Quantiles.type7(current, 0.5),
        Quantiles.type7(potential, 0.5));
  }

  /**
   * The matrix with these cut points: current value &ge; currentCut is high, potential value
   * &ge; potentialCut is high.
   *
   * @throws IllegalArgumentException if ids repeat or are blank, lengths differ, or a value or
   *     cut is not finite (naming the customer)
   */
  public static ValueMatrix of(List<String> customerIds, double[] current, double[] potential,
      double currentCut, double potentialCut) {
    check(customerIds, current, potential);
    List<Quadrant> q = new ArrayList<>(current.length);
    for (int i = 0; i < current.length; i++) {
      q.add(Quadrant.of(current[i] >= currentCut, potential[i] >= potentialCut));
    }
    EnumMap<Quadrant, String> labels = new EnumMap<>(Quadrant.class);
    for (Quadrant x : Quadrant.values()) {
      labels.put(x, x.defaultLabel());
    }
    return new ValueMatrix(customerIds, current, potential, currentCut, potentialCut, q,
        labels);
  }

  private static void check(List<String> ids, double[] current, double[] potential) {
    Checks.notNull("customerIds", ids);
    Checks.notNull("current", current);
    Checks.notNull("potential", potential);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("customerIds is empty: nobody to place");
    }
    if (current.length != ids.size() || potential.length != ids.size()) {
      throw new IllegalArgumentException(ids.size() + " customers, " + current.length
          + " current values, " + potential.length + " potential values");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < current.length; i++) {
      String id = Checks.notBlank("customerIds[" + i + "]", ids.get(i));
      if (!seen.add(id)) {
        throw new IllegalArgumentException("customerIds[" + i + "]: customer '" + id
            + "' appears twice");
      }
      if (!Double.isFinite(current[i]) || !Double.isFinite(potential[i])) {
        throw new IllegalArgumentException("customer '" + id + "': current and potential "
            + "value must be finite: " + current[i] + ", " + potential[i]);
      }
    }
  }

  /** A copy whose labels are replaced where {@code newLabels} gives one. */
  public ValueMatrix withLabels(Map<Quadrant, String> newLabels) {
    Checks.notNull("newLabels", newLabels);
    EnumMap<Quadrant, String> l = new EnumMap<>(labels);
    l.putAll(newLabels);
    return new ValueMatrix(customerIds, current, potential, currentCut, potentialCut,
        quadrants, l);
  }

  /** A copy of the current values. */
  @Override
  public double[] current() {
    return current.clone();
  }

  /** A copy of the potential values. */
  @Override
  public double[] potential() {
    return potential.clone();
  }

  /** The quadrant of one customer. */
  public Quadrant quadrant(String customerId) {
    int i = customerIds.indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' is not in the matrix");
    }
    return quadrants.get(i);
  }

  /** The number of customers per quadrant, every quadrant present. */
  public Map<Quadrant, Long> counts() {
    EnumMap<Quadrant, Long> c = new EnumMap<>(Quadrant.class);
    for (Quadrant q : Quadrant.values()) {
      c.put(q, 0L);
    }
    for (Quadrant q : quadrants) {
      c.merge(q, 1L, Long::sum);
    }
    return Collections.unmodifiableMap(c);
  }

  /** Columns {@code customer_id}, {@code current}, {@code potential}, {@code quadrant}, {@code label}. */
  public Table toTable() {
    return ColumnTable.builder(current.length)
        .strings("customer_id", customerIds::get)
        .doubles("current", current)
        .doubles("potential", potential)
        .strings("quadrant", i -> quadrants.get(i).name())
        .strings("label", i -> labels.get(quadrants.get(i)))
        .build();
  }

  /** The 2 × 2 grid of counts with labels. */
  @Override
  public String toString() {
    Map<Quadrant, Long> c = counts();
    String fmt = "%n  %-14s %,8d  %s";
    return String.format(Locale.ROOT, "value matrix of %,d customers (current >= %.4g, "
            + "potential >= %.4g are high):" + fmt + fmt + fmt + fmt, current.length, currentCut,
        potentialCut, "high / high", c.get(Quadrant.MOST_VALUABLE),
        labels.get(Quadrant.MOST_VALUABLE), "low / high", c.get(Quadrant.MOST_GROWABLE),
        labels.get(Quadrant.MOST_GROWABLE), "high / low", c.get(Quadrant.MAINTAIN),
        labels.get(Quadrant.MAINTAIN), "low / low", c.get(Quadrant.LOW_VALUE),
        labels.get(Quadrant.LOW_VALUE));
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ValueMatrix m && customerIds.equals(m.customerIds)
        && java.util.Arrays.equals(current, m.current)
        && java.util.Arrays.equals(potential, m.potential)
        && Double.compare(currentCut, m.currentCut) == 0
        && Double.compare(potentialCut, m.potentialCut) == 0 && quadrants.equals(m.quadrants)
        && labels.equals(m.labels);
  }

  @Override
  public int hashCode() {
    return customerIds.hashCode() * 31 + quadrants.hashCode();
  }
}
