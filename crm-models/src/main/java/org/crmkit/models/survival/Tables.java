package org.crmkit.models.survival;

/** Fixed-width text tables for {@code toString()}. Package-private. */
final class Tables {

  private Tables() {}

  /** Appends a table with every column right-aligned, indented by two spaces. */
  static void append(StringBuilder sb, String[] header, String[][] rows) {
    append(sb, header, rows, false);
  }

  /**
   * Appends a table indented by two spaces, columns separated by two spaces, numbers
   * right-aligned; the first column is left-aligned when {@code firstLeft}.
   */
  static void append(StringBuilder sb, String[] header, String[][] rows, boolean firstLeft) {
    int[] w = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      w[c] = header[c].length();
      for (String[] r : rows) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    line(sb, header, w, firstLeft);
    for (String[] r : rows) {
      line(sb, r, w, firstLeft);
    }
  }

  private static void line(StringBuilder sb, String[] cells, int[] w, boolean firstLeft) {
    StringBuilder line = new StringBuilder(" ");
    for (int c = 0; c < cells.length; c++) {
      line.append(' ');
      if (c == 0 && firstLeft) {
        line.append(cells[c]).append(" ".repeat(w[c] - cells[c].length()));
      } else {
        line.append(" ".repeat(w[c] - cells[c].length())).append(cells[c]);
      }
      if (c < cells.length - 1) {
        line.append(' ');
      }
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
