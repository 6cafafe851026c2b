package org.crmkit.core.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A {@link Table} made of columns, each given as a length and a cell function (so a result can
 * expose its arrays without copying them). Build with {@link #builder(int)}.
 */
public final class ColumnTable implements Table {

  private final int rows;
  private final List<String> names;
  private final List<Type> types;
  private final List<IntFunction<Object>> cells;

  private ColumnTable(Builder b) {
    this.rows = b.rows;
    this.names = List.copyOf(b.names);
    this.types = List.copyOf(b.types);
    this.cells = List.copyOf(b.cells);
  }

  /** A builder of a table with {@code rows} rows. */
  public static Builder builder(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0: " + rows);
    }
    return new Builder(rows);
  }

  @Override
  public List<String> columns() {
    return names;
  }

  @Override
  public Type type(int col) {
    return types.get(col);
  }

  @Override
  public int rowCount() {
    return rows;
  }

  @Override
  public Object value(int row, int col) {
    Objects.checkIndex(row, rows);
    return cells.get(col).apply(row);
  }

  @Override
  public String toString() {
    return format(20);
  }

  /** Adds columns; names must be unique and not blank. */
  public static final class Builder {
    private final int rows;
    private final List<String> names = new ArrayList<>();
    private final List<Type> types = new ArrayList<>();
    private final List<IntFunction<Object>> cells = new ArrayList<>();

    private Builder(int rows) {
      this.rows = rows;
    }

    private Builder add(String name, Type type, IntFunction<Object> f) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a column name must not be blank");
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException("column '" + name + "' is given twice");
      }
      names.add(name);
      types.add(type);
      cells.add(f);
      return this;
    }

    private static void length(String name, int n, int rows) {
      if (n != rows) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "column '%s' has %d values, the table %d rows", name, n, rows));
      }
    }

    /** A text column (null cells are missing). */
    public Builder strings(String name, String[] v) {
      length(name, v.length, rows);
      return add(name, Type.STRING, i -> v[i]);
    }

    /** A text column computed per row. */
    public Builder strings(String name, IntFunction<String> f) {
      return add(name, Type.STRING, f::apply);
    }

    /** A whole-number column. */
    public Builder longs(String name, int[] v) {
      length(name, v.length, rows);
      return add(name, Type.LONG, i -> (long) v[i]);
    }

    /** A whole-number column. */
    public Builder longs(String name, long[] v) {
      length(name, v.length, rows);
      return add(name, Type.LONG, i -> v[i]);
    }

    /** A real-number column; NaN cells are written as missing. */
    public Builder doubles(String name, double[] v) {
      length(name, v.length, rows);
      return add(name, Type.DOUBLE, i -> Double.isFinite(v[i]) ? v[i] : null);
    }

    /** A real-number column computed per row; non-finite values are missing. */
    public Builder doubles(String name, java.util.function.IntToDoubleFunction f) {
      return add(name, Type.DOUBLE, i -> {
        double d = f.applyAsDouble(i);
        return Double.isFinite(d) ? d : null;
      });
    }

    /** A date column computed per row (null cells are missing). */
    public Builder dates(String name, IntFunction<LocalDate> f) {
      return add(name, Type.DATE, f::apply);
    }

    /** A boolean column. */
    public Builder booleans(String name, boolean[] v) {
      length(name, v.length, rows);
      return add(name, Type.BOOLEAN, i -> v[i]);
    }

    /** The table. */
    public ColumnTable build() {
      return new ColumnTable(this);
    }
  }
}
