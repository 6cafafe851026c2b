package org.crmkit.models.segment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the {@code toString()} tables, always {@link Locale#ROOT}. */
final class Fmt {

  /** Rows printed before "… n more". */
  static final int MAX_ROWS = 20;

  private Fmt() {}

  /** A number with about 4 significant digits, integers without decimals. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e7) {
      return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** A share as a percentage with one decimal: "12.5%". */
  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The "… n more" line. */
  static String more(long n) {
    return String.format(Locale.ROOT, "  … %,d more%n", n);
  }

  /** {@code s} cut to {@code max} characters, with "…" when cut. */
  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * Renders rows of cells as a fixed-width table: the first row is the header, the first
   * {@code leftColumns} columns are left-aligned, the others right-aligned.
   */
  static String table(java.util.List<String[]> rows, int leftColumns) {
    int cols = rows.get(0).length;
    int[] w = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    var sb = new StringBuilder();
    for (String[] r : rows) {
      var line = new StringBuilder(" ");
      for (int c = 0; c < cols; c++) {
        String pad = " ".repeat(w[c] - r[c].length());
        line.append(' ').append(c < leftColumns ? r[c] + pad : pad + r[c]);
      }
      sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
