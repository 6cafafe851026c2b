package org.crmkit.io.json;

import java.io.IOException;
import java.util.Locale;

/**
 * A model-state document that cannot be read: not JSON, over a read limit, of another format or
 * a newer format version, with an unknown or missing field, a value of the wrong type, a
 * non-finite number, or values that do not make a valid state. The message names the source,
 * the line and column, the field and the reason:
 * {@code bgnbd.json, line 9, column 14, at parameters.r: expected a number, found a string}.
 */
public final class ModelStateFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String field;
  private final String reason;

  /**
   * @param source the file name or a description of the source
   * @param line the 1-based line, or -1 when unknown
   * @param column the 1-based column, or -1 when unknown
   * @param field the path of the field ({@code report.iterations}), or null for the document
   * @param reason what is wrong
   */
  public ModelStateFormatException(String source, long line, long column, String field,
      String reason) {
    super(format(source, line, column, field, reason));
    this.source = source;
    this.line = line;
    this.column = column;
    this.field = field;
    this.reason = reason;
  }

  private static String format(String source, long line, long column, String field,
      String reason) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(String.format(Locale.ROOT, ", line %d", line));
      if (column > 0) {
        sb.append(String.format(Locale.ROOT, ", column %d", column));
      }
    }
    if (field != null && !field.isEmpty()) {
      sb.append(", at ").append(field);
    }
    return sb.append(": ").append(reason).toString();
  }

  /** The file name or source description. */
  public String source() {
    return source;
  }

  /** The 1-based line, or -1 when unknown. */
  public long line() {
    return line;
  }

  /** The 1-based column, or -1 when unknown. */
  public long column() {
    return column;
  }

  /** The path of the field, or null for the document as a whole. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}
