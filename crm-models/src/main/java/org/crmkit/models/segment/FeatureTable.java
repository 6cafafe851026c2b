package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Customers × named numeric features: what the clusterers of this package read.
 *
 * <pre>{@code
 * FeatureTable rfm = FeatureTable.fromRfm(RfmScorer.defaults().score(log, analysisDate));
 * FeatureTable f = rfm.with("tickets", ticketsByCustomer);   // the user's own attribute
 * }</pre>
 *
 * <p>Every value is finite: a NaN or infinite feature is rejected when the table is made, naming
 * the row, the customer and the column. Customer ids are unique and not blank; column names are
 * unique and not blank; a table has at least one customer and one column. Rows keep the order in
 * which the customers were given ({@link #fromRfm} and {@link #fromSummaries} give ascending ids).
 *
 * <p>Immutable and thread-safe; arrays are copied in and out. Storage is one row-major
 * {@code double[]}, 8 bytes per value, plus the ids and an id index.
 */
public final class FeatureTable {

  private final String[] ids;
  private final List<String> columns;
  private final double[] data;
  private final Map<String, Integer> index;

  private FeatureTable(String[] ids, List<String> columns, double[] data,
      Map<String, Integer> index) {
    this.ids = ids;
    this.columns = columns;
    this.data = data;
    this.index = index;
  }

  /** Takes ownership of the arrays after checking them. */
  static FeatureTable own(String[] ids, List<String> columns, double[] data) {
    Checks.notNull("ids", ids);
    Checks.notNull("columns", columns);
    if (ids.length == 0) {
      throw new IllegalArgumentException("a feature table needs at least one customer");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a feature table needs at least one column");
    }
    List<String> cols = List.copyOf(checkNames(columns));
    int d = cols.size();
    if (data.length != (long) ids.length * d) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d values for %d customers × %d columns", data.length, ids.length, d));
    }
    Map<String, Integer> index = HashMap.newHashMap(ids.length);
    for (int i = 0; i < ids.length; i++) {
      String id = ids[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: customer id is %s", i + 1, id == null ? "null" : "blank"));
      }
      Integer before = index.putIfAbsent(id, i);
      if (before != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': customer id appears twice (first in row %d)", i + 1, id,
            before + 1));
      }
      for (int j = 0; j < d; j++) {
        double v = data[i * d + j];
        if (!Double.isFinite(v)) {
          throw Checks.badRow(i + 1, id, "feature '" + cols.get(j) + "'",
              "must be finite: " + Checks.format(v));
        }
      }
    }
    return new FeatureTable(ids, cols, data, index);
  }

  private static List<String> checkNames(List<String> names) {
    var seen = new java.util.HashSet<String>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("a column name must not be null or blank: " + names);
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("column '" + n + "' is given twice: " + names);
      }
    }
    return names;
  }

  /**
   * A table from rows: {@code rows[i]} holds the features of customer {@code ids[i]}, in the order
   * of {@code columns}.
   *
   * @throws IllegalArgumentException if lengths differ (naming the row), a value is NaN or
   *     infinite (naming row, customer and column), an id is blank or repeated, or a column name
   *     is blank or repeated
   */
  public static FeatureTable of(String[] ids, String[] columns, double[][] rows) {
    Checks.notNull("ids", ids);
    Checks.notNull("columns", columns);
    Checks.notNull("rows", rows);
    if (rows.length != ids.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d ids but %d rows", ids.length, rows.length));
    }
    int d = columns.length;
    double[] data = new double[Math.multiplyExact(ids.length, d)];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null || rows[i].length != d) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': %s values for %d columns %s", i + 1, ids[i],
            rows[i] == null ? "no" : Integer.toString(rows[i].length), d,
            Arrays.toString(columns)));
      }
      System.arraycopy(rows[i], 0, data, i * d, d);
    }
    return own(ids.clone(), Arrays.asList(columns.clone()), data);
  }

  /** A builder of a table of these customers, one column at a time. */
  public static Builder builder(String[] customerIds) {
    return new Builder(Checks.notNull("customerIds", customerIds).clone());
  }

  /**
   * The RFM values of every customer of {@code rfm}: {@code recency_days} (days since the last
   * purchase at the analysis date), {@code orders} and {@code monetary} (total revenue or revenue
   * per order, as the table was scored; see {@link RfmTable#monetaryBasis()}). The scores are not
   * included: they are ranks, and clustering works better on the values, scaled.
   */
  public static FeatureTable fromRfm(RfmTable rfm) {
    Checks.notNull("rfm", rfm);
    int n = rfm.size();
    double[] data = new double[n * 3];
    for (int i = 0; i < n; i++) {
      data[3 * i] = rfm.recencyDays(i);
      data[3 * i + 1] = rfm.orders(i);
      data[3 * i + 2] = rfm.monetary(i);
    }
    return own(rfm.customerIds(), List.of("recency_days", "orders", "monetary"), data);
  }

  /**
   * Buy-till-you-die summaries as features, in the summaries' time unit: {@code x} (repeat
   * purchase periods), {@code t_x} (first to last purchase), {@code T} (first purchase to the
   * observation end), {@code since_last_purchase} = T − t_x; then {@code monetary} (mean repeat
   * spend, 0 when x = 0) when known, and {@code orders} and {@code total_spend} when the summaries
   * were made from a log.
   */
  public static FeatureTable fromSummaries(CustomerSummaries summaries) {
    Checks.notNull("summaries", summaries);
    List<String> cols = new ArrayList<>(List.of("x", "t_x", "T", "since_last_purchase"));
    boolean m = summaries.hasMonetary();
    boolean h = summaries.hasPurchaseHistory();
    if (m) {
      cols.add("monetary");
    }
    if (h) {
      cols.add("orders");
      cols.add("total_spend");
    }
    int n = summaries.size();
    int d = cols.size();
    double[] data = new double[n * d];
    for (int i = 0; i < n; i++) {
      int o = i * d;
      data[o] = summaries.x(i);
      data[o + 1] = summaries.tx(i);
      data[o + 2] = summaries.T(i);
      data[o + 3] = summaries.T(i) - summaries.tx(i);
      int j = o + 4;
      if (m) {
        data[j++] = summaries.monetary(i);
      }
      if (h) {
        data[j++] = summaries.orders(i);
        data[j] = summaries.totalSpend(i);
      }
    }
    return own(summaries.customerIds(), cols, data);
  }

  /** The number of customers (rows). */
  public int size() {
    return ids.length;
  }

  /** The number of features (columns). */
  public int columnCount() {
    return columns.size();
  }

  /** The column names, in order. */
  public List<String> columns() {
    return columns;
  }

  /** True when the table has a column of this name. */
  public boolean hasColumn(String name) {
    return columns.contains(name);
  }

  /**
   * The position of column {@code name}.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  public int columnIndex(String name) {
    int j = columns.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no column '" + name + "' in " + columns);
    }
    return j;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** A copy of the customer ids, in row order. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** The row of this customer, or −1. */
  public int indexOf(String customerId) {
    Integer i = index.get(customerId);
    return i == null ? -1 : i;
  }

  /** The value of feature {@code col} for customer {@code i}. */
  public double value(int i, int col) {
    java.util.Objects.checkIndex(i, ids.length);
    java.util.Objects.checkIndex(col, columns.size());
    return data[i * columns.size() + col];
  }

  /** A copy of customer {@code i}'s features, in column order. */
  public double[] row(int i) {
    java.util.Objects.checkIndex(i, ids.length);
    int d = columns.size();
    return Arrays.copyOfRange(data, i * d, i * d + d);
  }

  /** A copy of column {@code name}, in row order. */
  public double[] column(String name) {
    int j = columnIndex(name);
    int d = columns.size();
    double[] v = new double[ids.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = data[i * d + j];
    }
    return v;
  }

  /**
   * This table with one more column, aligned with the rows.
   *
   * @throws IllegalArgumentException if the name is taken, the length differs or a value is not
   *     finite (naming the customer)
   */
  public FeatureTable with(String name, double[] values) {
    Checks.notNull("values", values);
    if (values.length != ids.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column '%s' has %d values, the table %d customers", name, values.length, ids.length));
    }
    return appendColumn(name, values);
  }

  /**
   * This table with one more column taken from a map by customer id, for the user's own
   * attributes. Every customer of the table must be in the map; customers of the map that are not
   * in the table are not used (a table is often a subset, for example the customers active
   * before a date).
   *
   * @throws IllegalArgumentException naming the first customer the map lacks, a null or
   *     non-finite value, or a taken name
   */
  public FeatureTable with(String name, Map<String, ? extends Number> byCustomer) {
    Checks.notNull("byCustomer", byCustomer);
    double[] v = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      Number x = byCustomer.get(ids[i]);
      if (x == null) {
        throw Checks.badRow(i + 1, ids[i], "feature '" + name + "'",
            "is missing: the map has no value for this customer");
      }
      v[i] = x.doubleValue();
    }
    return appendColumn(name, v);
  }

  private FeatureTable appendColumn(String name, double[] v) {
    Checks.notBlank("name", name);
    if (columns.contains(name)) {
      throw new IllegalArgumentException("column '" + name + "' is already in " + columns);
    }
    int d = columns.size();
    int n = ids.length;
    double[] out = new double[n * (d + 1)];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        throw Checks.badRow(i + 1, ids[i], "feature '" + name + "'",
            "must be finite: " + Checks.format(v[i]));
      }
      System.arraycopy(data, i * d, out, i * (d + 1), d);
      out[i * (d + 1) + d] = v[i];
    }
    List<String> cols = new ArrayList<>(columns);
    cols.add(name);
    return new FeatureTable(ids, List.copyOf(cols), out, index);
  }

  /**
   * This table joined with {@code other} on the customer id: the columns of this table, then
   * those of {@code other}, rows in this table's order. Both must hold the same customers.
   *
   * @throws IllegalArgumentException naming a customer found in one table only, or a column name
   *     both tables use
   */
  public FeatureTable join(FeatureTable other) {
    Checks.notNull("other", other);
    for (String c : other.columns) {
      if (columns.contains(c)) {
        throw new IllegalArgumentException("both tables have a column '" + c + "'");
      }
    }
    if (other.size() != size()) {
      for (String id : other.ids) {
        if (indexOf(id) < 0) {
          throw new IllegalArgumentException("customer '" + id
              + "' is in the other table only; a join needs the same customers in both");
        }
      }
    }
    int d1 = columns.size();
    int d2 = other.columns.size();
    int d = d1 + d2;
    double[] out = new double[ids.length * d];
    for (int i = 0; i < ids.length; i++) {
      int k = other.indexOf(ids[i]);
      if (k < 0) {
        throw Checks.badRow(i + 1, ids[i], "customer",
            "is not in the other table; a join needs the same customers in both");
      }
      System.arraycopy(data, i * d1, out, i * d, d1);
      System.arraycopy(other.data, k * d2, out, i * d + d1, d2);
    }
    List<String> cols = new ArrayList<>(columns);
    cols.addAll(other.columns);
    return new FeatureTable(ids, List.copyOf(checkNames(cols)), out, index);
  }

  /**
   * This table with only the named columns, in the order given.
   *
   * @throws IllegalArgumentException if a name is unknown or repeated
   */
  public FeatureTable select(String... names) {
    Checks.notNull("names", names);
    if (names.length == 0) {
      throw new IllegalArgumentException("select at least one column");
    }
    checkNames(Arrays.asList(names));
    int[] js = new int[names.length];
    for (int k = 0; k < names.length; k++) {
      js[k] = columnIndex(names[k]);
    }
    int d = columns.size();
    int e = js.length;
    double[] out = new double[ids.length * e];
    for (int i = 0; i < ids.length; i++) {
      for (int k = 0; k < e; k++) {
        out[i * e + k] = data[i * d + js[k]];
      }
    }
    return new FeatureTable(ids, List.of(names.clone()), out, index);
  }

  /** The table for writing: customer, then one column per feature. */
  public Table toTable() {
    var b = ColumnTable.builder(size()).strings("customer", ids);
    int d = columns.size();
    for (int j = 0; j < d; j++) {
      int col = j;
      b.doubles(columns.get(j), i -> data[i * d + col]);
    }
    return b.build();
  }

  /** A header line and the first 20 rows. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Feature table: %s customers × %d features%n%s",
        Fmt.count(size()), columnCount(), toTable().format(Fmt.MAX_ROWS));
  }

  // ----- package-private access for the algorithms (no copies) -----

  /** The row-major values; callers must not modify them. */
  double[] data() {
    return data;
  }

  /** The ids; callers must not modify them. */
  String[] ids() {
    return ids;
  }

  /** Fresh row arrays, for Smile and Commons Math, which want {@code double[][]}. */
  double[][] rows() {
    int d = columns.size();
    double[][] r = new double[ids.length][];
    for (int i = 0; i < r.length; i++) {
      r[i] = Arrays.copyOfRange(data, i * d, i * d + d);
    }
    return r;
  }

  /** A table of the same customers with other values (already checked finite). */
  FeatureTable withValues(List<String> newColumns, double[] newData) {
    return new FeatureTable(ids, List.copyOf(newColumns), newData, index);
  }

  /**
   * Checks that this table's columns are {@code expected}, in that order.
   *
   * @param what what expects them, for the message ("the scaler", "the clustering")
   */
  void requireColumns(List<String> expected, String what) {
    if (!columns.equals(expected)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column mismatch: %s was made on columns %s, this feature table has %s", what,
          expected, columns));
    }
  }

  /**
   * Checks that this table holds exactly these customers in this order.
   *
   * @param what what expects them
   */
  void requireCustomers(String[] expected, String what) {
    if (expected == ids) {
      return;
    }
    if (expected.length != ids.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d customers, this feature table %d", what, expected.length, ids.length));
    }
    for (int i = 0; i < ids.length; i++) {
      if (!ids[i].equals(expected[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: %s has customer '%s', this feature table '%s'; use the same customers in"
                + " the same order", i + 1, what, expected[i], ids[i]));
      }
    }
  }

  /** A builder of a {@link FeatureTable}, one column at a time. */
  public static final class Builder {
    private final String[] ids;
    private final Map<String, double[]> cols = new LinkedHashMap<>();

    private Builder(String[] ids) {
      this.ids = ids;
    }

    /**
     * Adds a column aligned with the ids.
     *
     * @throws IllegalArgumentException if the name is blank or taken, or the length differs
     */
    public Builder column(String name, double[] values) {
      Checks.notBlank("name", name);
      Checks.notNull("values", values);
      if (values.length != ids.length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "column '%s' has %d values, the table %d customers", name, values.length,
            ids.length));
      }
      if (cols.putIfAbsent(name, values.clone()) != null) {
        throw new IllegalArgumentException("column '" + name + "' is given twice");
      }
      return this;
    }

    /** Adds a whole-number column aligned with the ids. */
    public Builder column(String name, int[] values) {
      Checks.notNull("values", values);
      double[] v = new double[values.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = values[i];
      }
      return column(name, v);
    }

    /**
     * The table.
     *
     * @throws IllegalArgumentException naming row, customer and column of a NaN or infinite
     *     value, or a blank or repeated id
     */
    public FeatureTable build() {
      int d = cols.size();
      List<String> names = new ArrayList<>(cols.keySet());
      double[] data = new double[Math.multiplyExact(ids.length, d)];
      int j = 0;
      for (double[] c : cols.values()) {
        for (int i = 0; i < ids.length; i++) {
          data[i * d + j] = c[i];
        }
        j++;
      }
      return own(ids.clone(), names, data);
    }
  }
}
