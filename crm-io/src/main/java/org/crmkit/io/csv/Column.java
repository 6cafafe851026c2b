package org.crmkit.io.csv;

import java.util.Objects;

/**
 * A column of a delimited file, by header name or by 0-based position.
 *
 * @param name the header name, or null when chosen by position
 * @param index the 0-based position, or -1 when chosen by name
 */
public record Column(String name, int index) {

  /** Checks that exactly one of name and index is given. */
  public Column {
    if ((name == null) == (index < 0)) {
      throw new IllegalArgumentException(
          "a column is chosen by a header name or by a position >= 0, not both: name=" + name
              + ", index=" + index);
    }
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("a column name must not be blank");
    }
  }

  /** The column with this header name (exact, case-sensitive; surrounding spaces ignored). */
  public static Column named(String name) {
    return new Column(Objects.requireNonNull(name, "name").strip(), -1);
  }

  /** The column at this 0-based position. */
  public static Column at(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a column position must be >= 0: " + index);
    }
    return new Column(null, index);
  }

  @Override
  public String toString() {
    return name != null ? name : "#" + index;
  }
}
