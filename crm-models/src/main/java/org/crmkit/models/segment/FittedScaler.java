package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A {@link Scaler} with the centers and scales it learnt from one feature table: it scales that
 * table, and new customers the same way. For column j: z = (f(v) − center_j) / scale_j, f = ln(1 +
 * v) for log1p columns and the identity otherwise; {@link #inverse(double[])} undoes it.
 *
 * <p>Immutable and thread-safe.
 */
public final class FittedScaler {

  private final Scaler.Method method;
  private final List<String> columns;
  private final boolean[] log;
  private final double[] center;
  private final double[] scale;
  private final boolean[] zero;

  FittedScaler(Scaler.Method method, List<String> columns, boolean[] log, double[] center,
      double[] scale, boolean[] zero) {
    this.method = method;
    this.columns = List.copyOf(columns);
    this.log = log;
    this.center = center;
    this.scale = scale;
    this.zero = zero;
  }

  static double log1p(double v, String customer, int row, String column) {
    if (!(v > -1)) {
      throw Checks.badRow(row + 1, customer, "feature '" + column + "'",
          "must be > -1 for log1p: " + Checks.format(v));
    }
    return Math.log1p(v);
  }

  /** The centering and scaling rule. */
  public Scaler.Method method() {
    return method;
  }

  /** The columns, in order; a table to transform must have exactly these. */
  public List<String> columns() {
    return columns;
  }

  /** True when column {@code name} gets ln(1 + v) first. */
  public boolean isLog1p(String name) {
    return log[index(name)];
  }

  /** The center of column {@code name} (mean or median, after log1p; 0 for NONE). */
  public double center(String name) {
    return center[index(name)];
  }

  /** The scale of column {@code name} (sd or IQR, after log1p; 1 for NONE or a zero scale). */
  public double scale(String name) {
    return scale[index(name)];
  }

  /** True when column {@code name}'s sd or IQR was 0, so it is only centered (scale 1). */
  public boolean scaleWasZero(String name) {
    return zero[index(name)];
  }

  private int index(String name) {
    int j = columns.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no column '" + name + "' in " + columns);
    }
    return j;
  }

  /**
   * Scales {@code features} (the table the scaler was fit on, or new customers).
   *
   * @throws IllegalArgumentException if the columns differ from {@link #columns()} (names and
   *     order), or a log1p value is &le; −1 (naming the customer)
   */
  public FeatureTable transform(FeatureTable features) {
    Checks.notNull("features", features);
    features.requireColumns(columns, "the scaler");
    int n = features.size();
    int d = columns.size();
    double[] in = features.data();
    double[] out = new double[in.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double v = in[i * d + j];
        if (log[j]) {
          v = log1p(v, features.customerId(i), i, columns.get(j));
        }
        double z = (v - center[j]) / scale[j];
        if (!Double.isFinite(z)) {
          throw Checks.badRow(i + 1, features.customerId(i), "feature '" + columns.get(j) + "'",
              "overflows when scaled: " + Checks.format(in[i * d + j]));
        }
        out[i * d + j] = z;
      }
    }
    return features.withValues(columns, out);
  }

  /**
   * Back to the original units: v = f⁻¹(z · scale + center), f⁻¹ = exp(·) − 1 for log1p columns.
   * Used to show centroids in dollars and days.
   *
   * @throws IllegalArgumentException if the length is not the number of columns
   */
  public double[] inverse(double[] scaled) {
    Checks.notNull("scaled", scaled);
    if (scaled.length != columns.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d values for the scaler's %d columns %s", scaled.length, columns.size(), columns));
    }
    double[] v = new double[scaled.length];
    for (int j = 0; j < v.length; j++) {
      double x = scaled[j] * scale[j] + center[j];
      v[j] = log[j] ? Math.expm1(x) : x;
    }
    return v;
  }

  /** One row per column: column, log1p, center, scale, scale_was_zero. */
  public Table toTable() {
    String[] names = columns.toArray(String[]::new);
    return ColumnTable.builder(names.length)
        .strings("column", names)
        .booleans("log1p", log.clone())
        .doubles("center", center.clone())
        .doubles("scale", scale.clone())
        .booleans("scale_was_zero", zero.clone())
        .build();
  }

  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"column", "transform", "center", "scale"});
    for (int j = 0; j < columns.size(); j++) {
      rows.add(new String[] {columns.get(j), log[j] ? "log1p" : "-", Fmt.num(center[j]),
          Fmt.num(scale[j]) + (zero[j] ? " (was 0)" : "")});
    }
    return String.format(Locale.ROOT, "Fitted scaler: %s, %d columns%n%s",
        method.name().toLowerCase(Locale.ROOT).replace('_', '-'), columns.size(),
        Fmt.table(rows, 2)).stripTrailing();
  }
}
