package org.crmkit.models.churn;

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
    if (!Double.isFinite(v)) {
      return Double.toString(v);
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

  /** 4 decimals. */
  static String p4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A count with thousands separators. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** Left-pads or right-pads {@code s} to {@code w} characters. */
  static String pad(String s, int w, boolean left) {
    return String.format(Locale.ROOT, "%" + (left ? "-" : "") + w + "s", s);
  }
}
