package org.crmkit.io.csv;

import java.io.IOException;
import java.util.Locale;

/**
 * A row of a delimited file that cannot be read. The message names the file, the line, the
 * column, the value and the reason:
 * {@code orders.csv, line 1233, column 'Amount': '12,50' is not a number (decimal separator '.')}.
 */
public final class CsvReadException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final String value;
  private final String reason;

  /**
   * @param file the file name (or a description of the source)
   * @param line the 1-based line number
   * @param column the column name or position, or null for the whole row
   * @param value the offending text, or null
   * @param reason what is wrong
   */
  public CsvReadException(String file, long line, String column, String value, String reason) {
    super(format(file, line, column, value, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.value = value;
    this.reason = reason;
  }

  static String format(String file, long line, String column, String value, String reason) {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(", line ").append(String.format(Locale.ROOT, "%d", line));
    if (column != null) {
      sb.append(", column '").append(column).append('\'');
    }
    sb.append(": ");
    if (value != null) {
      sb.append('\'').append(RowProblem.shorten(value)).append("' ");
    }
    sb.append(reason);
    return sb.toString();
  }

  /** The file name or source description. */
  public String file() {
    return file;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The column name or position, or null. */
  public String column() {
    return column;
  }

  /** The offending text, or null. */
  public String value() {
    return value;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}
