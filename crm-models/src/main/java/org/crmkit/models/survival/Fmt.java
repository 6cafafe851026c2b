package org.crmkit.models.survival;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the {@code toString()} tables, always {@link Locale#ROOT}. */
final class Fmt {

  /** Rows printed before "… n more". */
  static final int MAX_ROWS = 20;

  private Fmt() {}

  /** A number with about 4 significant digits, integers without decimals, "inf" for ∞. */
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

  /** Exactly 4 significant digits, trailing zeros kept (coefficient tables); "inf" for ∞. */
  static String sig4(double v) {
    if (!Double.isFinite(v)) {
      return num(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e7) {
      return new BigDecimal(v).round(new MathContext(4)).toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** A probability or ratio with 4 decimals. */
  static String p4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A p-value: 4 decimals, or "&lt;1e-16"-style for tiny values. */
  static String pValue(double p) {
    if (p >= 1e-4) {
      return String.format(Locale.ROOT, "%.4f", p);
    }
    if (p < 1e-300) {
      return "<1e-300";
    }
    return String.format(Locale.ROOT, "%.2e", p);
  }

  /** A count with thousands separators. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** The confidence level as a percentage, e.g. "95%" or "97.5%". */
  static String level(double level) {
    return new BigDecimal(level * 100).round(new MathContext(6)).stripTrailingZeros()
        .toPlainString() + "%";
  }
}
