package org.crmkit.io.csv;

/**
 * One skipped row of a lenient read.
 *
 * @param line the 1-based line number
 * @param column the column name or position, or null for the whole row
 * @param value the offending text (shortened to 80 characters), or null
 * @param reason what is wrong; rows are counted per reason
 */
public record RowProblem(long line, String column, String value, String reason) {

  /** Shortens {@code value} to at most 80 characters. */
  public RowProblem {
    value = value == null ? null : shorten(value);
  }

  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("line ").append(line);
    if (column != null) {
      sb.append(", column '").append(column).append('\'');
    }
    sb.append(": ");
    if (value != null) {
      sb.append('\'').append(value).append("' ");
    }
    return sb.append(reason).toString();
  }
}
