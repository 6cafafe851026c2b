package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A table of numeric customer features: one row per customer (unique, non-blank ids), one named
 * column per feature, every value finite. It is what {@link ChurnFeatures} builds, what a
 * {@link ChurnClassifier} fits on and what a {@link ChurnPredictor} scores; users may also build
 * one from their own attributes ({@link #of}) and add columns ({@link #withColumn},
 * {@link #join}).
 *
 * <p>A NaN or infinite value is rejected when the table is made, with the row, the customer and the
 * feature in the message, so no model ever sees one. Storage is by column; rows keep the order
 * given. Instances are immutable and thread-safe; arrays are copied in and out.
 */
public final class FeatureTable {

  private final String[] ids;
  private final String[] names;
  private final double[][] columns;
  private final Map<String, Integer> rowOf;
  private final Map<String, Integer> columnOf;

  private FeatureTable(String[] ids, String[] names, double[][] columns) {
    this.ids = ids;
    this.names = names;
    this.columns = columns;
    this.rowOf = index("customer id", ids);
    this.columnOf = index("feature name", names);
  }

  private static Map<String, Integer> index(String what, String[] keys) {
    Map<String, Integer> m = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      String k = keys[i];
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %d is %s", what, i + 1,
            k == null ? "null" : "blank"));
      }
      Integer old = m.put(k, i);
      if (old != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s '%s' appears twice (positions %d and %d)", what, k, old + 1, i + 1));
      }
    }
    return m;
  }

  /**
   * A table from rows: {@code rows[i][j]} is feature {@code featureNames[j]} of customer
   * {@code customerIds[i]}.
   *
   * @throws IllegalArgumentException if an id or name is null, blank or repeated, a row has the
   *     wrong length, or a value is NaN or infinite (naming the row, customer and feature)
   */
  public static FeatureTable of(String[] customerIds, String[] featureNames, double[][] rows) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("featureNames", featureNames);
    Checks.notNull("rows", rows);
    int n = customerIds.length;
    int p = featureNames.length;
    if (rows.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rows has %d rows but there are %d customer ids", rows.length, n));
    }
    double[][] cols = new double[p][n];
    for (int i = 0; i < n; i++) {
      double[] r = rows[i];
      if (r == null || r.length != p) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': expected %d features, found %s", i + 1, customerIds[i], p,
            r == null ? "null" : Integer.toString(r.length)));
      }
      for (int j = 0; j < p; j++) {
        cols[j][i] = r[j];
      }
    }
    return checked(customerIds.clone(), featureNames.clone(), cols);
  }

  /**
   * A table from named columns, in the map's iteration order (use a {@link LinkedHashMap}).
   *
   * @throws IllegalArgumentException as {@link #of}, or if a column's length differs from the
   *     number of ids
   */
  public static FeatureTable ofColumns(String[] customerIds, Map<String, double[]> columns) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("columns", columns);
    String[] names = new String[columns.size()];
    double[][] cols = new double[columns.size()][];
    int j = 0;
    for (var e : columns.entrySet()) {
      names[j] = e.getKey();
      double[] c = e.getValue();
      if (c == null || c.length != customerIds.length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "column '%s' has %s values, but there are %d customer ids", e.getKey(),
            c == null ? "no" : Integer.toString(c.length), customerIds.length));
      }
      cols[j++] = c.clone();
    }
    return checked(customerIds.clone(), names, cols);
  }

  /** Takes ownership of the arrays after checking every value. */
  static FeatureTable checked(String[] ids, String[] names, double[][] cols) {
    var t = new FeatureTable(ids, names, cols);
    for (int j = 0; j < cols.length; j++) {
      double[] c = cols[j];
      for (int i = 0; i < c.length; i++) {
        if (!Double.isFinite(c[i])) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "row %d, customer '%s': feature '%s' is %s; features must be finite", i + 1,
              ids[i], names[j], Checks.format(c[i])));
        }
      }
    }
    return t;
  }

  /** The number of customers (rows). */
  public int size() {
    return ids.length;
  }

  /** The number of features (columns). */
  public int featureCount() {
    return names.length;
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return List.of(names);
  }

  /** The id of the customer in row {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** A copy of the customer ids, in row order. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** The row of this customer, or -1. */
  public int indexOf(String customerId) {
    Integer i = rowOf.get(customerId);
    return i == null ? -1 : i;
  }

  /** The column of this feature, or -1. */
  public int columnOf(String feature) {
    Integer j = columnOf.get(feature);
    return j == null ? -1 : j;
  }

  /** True when the table has this feature. */
  public boolean hasFeature(String feature) {
    return columnOf.containsKey(feature);
  }

  /** The value of feature column {@code col} in row {@code row}. */
  public double value(int row, int col) {
    return columns[col][row];
  }

  /**
   * The value of a named feature in row {@code row}.
   *
   * @throws IllegalArgumentException if there is no such feature
   */
  public double value(int row, String feature) {
    return columns[requireColumn(feature)][row];
  }

  /** A copy of one feature column. @throws IllegalArgumentException if there is no such feature */
  public double[] column(String feature) {
    return columns[requireColumn(feature)].clone();
  }

  /** A copy of row {@code i}, in column order. */
  public double[] row(int i) {
    double[] r = new double[names.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = columns[j][i];
    }
    return r;
  }

  /** A copy of the whole table as rows ({@code [customer][feature]}). */
  public double[][] rows() {
    return rowsOf(names);
  }

  /** The rows with the columns in this order (all must exist); new arrays. */
  double[][] rowsOf(String[] order) {
    int[] cols = new int[order.length];
    for (int j = 0; j < order.length; j++) {
      cols[j] = requireColumn(order[j]);
    }
    double[][] out = new double[ids.length][order.length];
    for (int j = 0; j < cols.length; j++) {
      double[] c = columns[cols[j]];
      for (int i = 0; i < c.length; i++) {
        out[i][j] = c[i];
      }
    }
    return out;
  }

  private int requireColumn(String feature) {
    Integer j = columnOf.get(feature);
    if (j == null) {
      throw new IllegalArgumentException("no feature '" + feature + "' in this table; it has "
          + List.of(names));
    }
    return j;
  }

  /**
   * These columns only, in this order.
   *
   * @throws IllegalArgumentException if a name is unknown or repeated
   */
  public FeatureTable select(String... features) {
    Checks.notNull("features", features);
    double[][] cols = new double[features.length][];
    for (int j = 0; j < features.length; j++) {
      cols[j] = columns[requireColumn(features[j])];
    }
    return new FeatureTable(ids, features.clone(), cols);
  }

  /**
   * All columns but these.
   *
   * @throws IllegalArgumentException if a name is unknown
   */
  public FeatureTable without(String... features) {
    Checks.notNull("features", features);
    var drop = new java.util.HashSet<String>();
    for (String f : features) {
      requireColumn(f);
      drop.add(f);
    }
    List<String> keep = new ArrayList<>();
    for (String n : names) {
      if (!drop.contains(n)) {
        keep.add(n);
      }
    }
    return select(keep.toArray(new String[0]));
  }

  /**
   * This table with one more column, in row order.
   *
   * @throws IllegalArgumentException if the name exists, the length differs, or a value is not
   *     finite
   */
  public FeatureTable withColumn(String feature, double[] values) {
    Checks.notBlank("feature", feature);
    Checks.notNull("values", values);
    if (values.length != ids.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column '%s' has %d values, the table %d rows", feature, values.length, ids.length));
    }
    String[] n2 = Arrays.copyOf(names, names.length + 1);
    n2[names.length] = feature;
    double[][] c2 = Arrays.copyOf(columns, columns.length + 1);
    c2[columns.length] = values.clone();
    return checked(ids, n2, c2);
  }

  /**
   * This table with the columns of {@code other} added, matched by customer id. Every customer
   * of this table must be in {@code other}; extra rows of {@code other} are ignored.
   *
   * @throws IllegalArgumentException naming the first customer missing from {@code other}, or a
   *     feature name present in both
   */
  public FeatureTable join(FeatureTable other) {
    Checks.notNull("other", other);
    for (String n : other.names) {
      if (columnOf.containsKey(n)) {
        throw new IllegalArgumentException("feature '" + n + "' is in both tables");
      }
    }
    int[] at = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      at[i] = other.indexOf(ids[i]);
      if (at[i] < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s' is not in the joined table", i + 1, ids[i]));
      }
    }
    String[] n2 = Arrays.copyOf(names, names.length + other.names.length);
    double[][] c2 = Arrays.copyOf(columns, columns.length + other.names.length);
    for (int j = 0; j < other.names.length; j++) {
      n2[names.length + j] = other.names[j];
      double[] src = other.columns[j];
      double[] c = new double[ids.length];
      for (int i = 0; i < ids.length; i++) {
        c[i] = src[at[i]];
      }
      c2[names.length + j] = c;
    }
    return new FeatureTable(ids, n2, c2);
  }

  /** The rows at these positions, in this order (a position may not repeat). */
  public FeatureTable rowsAt(int[] positions) {
    Checks.notNull("positions", positions);
    String[] id2 = new String[positions.length];
    double[][] c2 = new double[names.length][positions.length];
    for (int k = 0; k < positions.length; k++) {
      int i = positions[k];
      java.util.Objects.checkIndex(i, ids.length);
      id2[k] = ids[i];
      for (int j = 0; j < names.length; j++) {
        c2[j][k] = columns[j][i];
      }
    }
    return new FeatureTable(id2, names, c2);
  }

  /** The table for writing with crm-io: {@code customer} then one column per feature. */
  public Table toTable() {
    var b = ColumnTable.builder(ids.length).strings("customer", ids);
    for (int j = 0; j < names.length; j++) {
      b.doubles(names[j], columns[j]);
    }
    return b.build();
  }

  /** Equal when ids, names and every value (bit for bit) are equal, in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureTable t && Arrays.equals(ids, t.ids)
        && Arrays.equals(names, t.names) && Arrays.deepEquals(columns, t.columns);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.deepHashCode(columns);
  }

  /** A header line and the first rows, for JShell. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "FeatureTable: %s customers, %d features%n", Fmt.count(ids.length), names.length));
    sb.append(toTable().format(Fmt.MAX_ROWS));
    return sb.toString().stripTrailing();
  }
}
