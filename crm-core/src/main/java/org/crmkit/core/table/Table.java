package org.crmkit.core.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A read-only table of typed columns: what crmkit's results expose for writing (crm-io writes
 * any table as CSV, JSON or JSON Lines) and for printing.
 *
 * <p>A cell is a {@link String}, a {@link Long}, a {@link Double}, a {@link LocalDate}, a
 * {@link Boolean} or null (missing). Every cell of a column has the column's {@link Type} (or is
 * null). Tables from crmkit are immutable.
 */
public interface Table {

  /** The type of a column. */
  enum Type {
    /** Text. */
    STRING,
    /** Whole numbers. */
    LONG,
    /** Real numbers; never NaN or infinite (missing values are null). */
    DOUBLE,
    /** Calendar dates. */
    DATE,
    /** true / false. */
    BOOLEAN
  }

  /** The column names, in order. */
  List<String> columns();

  /** The type of column {@code col}. */
  Type type(int col);

  /** The number of rows. */
  int rowCount();

  /** The cell at ({@code row}, {@code col}); see the class description for its type. */
  Object value(int row, int col);

  /** The number of columns. */
  default int columnCount() {
    return columns().size();
  }

  /** A fixed-width rendering of the first {@code maxRows} rows, for JShell. */
  default String format(int maxRows) {
    return TableFormat.format(this, maxRows);
  }

  /** Formats a cell for text output: numbers with {@link Locale#ROOT}, dates in ISO. */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    return v.toString();
  }
}
