package org.crmkit.core.rfm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the {@code toString()} tables; {@link Locale#ROOT} throughout. */
final class Fmt {

  static final int MAX_ROWS = 20;

  private Fmt() {}

  /** Up to 6 significant digits, no grouping, no exponent: 297.4, 1489, -inf. */
  static String num(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** Two decimals with thousands separators: 464,158.00. */
  static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  /** Thousands separators: 4,906. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A percentage with one decimal: 34.4%. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** {@code s} cut to {@code width} characters, with an ellipsis when cut. */
  static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  /** The "… N more" line. */
  static String more(long n) {
    return String.format(Locale.ROOT, "  … %,d more%n", n);
  }
}
