package org.crmkit.core.table;

import java.util.Locale;

/** Fixed-width rendering of a {@link Table}. */
final class TableFormat {

  private TableFormat() {}

  static String format(Table t, int maxRows) {
    int cols = t.columnCount();
    int rows = Math.min(t.rowCount(), Math.max(0, maxRows));
    String[][] cells = new String[rows + 1][cols];
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      cells[0][c] = t.columns().get(c);
      width[c] = cells[0][c].length();
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Object v = t.value(r, c);
        String s = v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d)
            : Table.text(v);
        cells[r + 1][c] = s;
        width[c] = Math.max(width[c], s.length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r <= rows; r++) {
      sb.append(' ');
      for (int c = 0; c < cols; c++) {
        boolean left = t.type(c) == Table.Type.STRING;
        String s = cells[r][c];
        String pad = " ".repeat(width[c] - s.length());
        sb.append(' ').append(left ? s + pad : pad + s);
      }
      sb.append('\n');
    }
    if (t.rowCount() > rows) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", t.rowCount() - rows));
    }
    return sb.toString().stripTrailing();
  }
}
