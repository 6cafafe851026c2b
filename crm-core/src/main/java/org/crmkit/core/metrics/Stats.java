package org.crmkit.core.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Distribution quantiles, p-values and number formatting shared by the metrics. */
final class Stats {

  /** The standard normal distribution (no random generator: only its functions are used). */
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private Stats() {}

  /** Checks a confidence level: finite and strictly between 0 and 1. */
  static double level(double level) {
    if (level > 0 && level < 1) {
      return level;
    }
    throw new IllegalArgumentException("level must be in (0, 1): " + level);
  }

  /** z_{(1+level)/2}, the two-sided standard normal critical value (1.959964 at 0.95). */
  static double zCritical(double level) {
    level(level);
    return NORMAL.inverseCumulativeProbability(0.5 + level / 2);
  }

  /** The standard normal quantile Φ⁻¹(p), for p in (0, 1). */
  static double normalQuantile(double p) {
    return NORMAL.inverseCumulativeProbability(p);
  }

  /** The standard normal CDF Φ(x). */
  static double normalCdf(double x) {
    return NORMAL.cumulativeProbability(x);
  }

  /** t_{df, (1+level)/2}; the normal value when df is infinite. */
  static double tCritical(double level, double df) {
    level(level);
    if (df == Double.POSITIVE_INFINITY) {
      return zCritical(level);
    }
    return new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2);
  }

  /** Two-sided p-value 2Φ(−|z|); 1 when z = 0, 0 when z is infinite. */
  static double pNormal(double z) {
    return Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  /** Two-sided p-value 2 F_t(−|t|; df); the normal value when df is infinite. */
  static double pT(double t, double df) {
    if (df == Double.POSITIVE_INFINITY || Double.isInfinite(t)) {
      return pNormal(t);
    }
    return Math.min(1, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
  }

  /**
   * The Wilson score interval for x successes in n trials (Wilson 1927), clamped to [0, 1]
   * against rounding: centre (p + z²/2n) / (1 + z²/n), half-width
   * z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/4n²).
   */
  static double[] wilson(long x, long n, double level) {
    double z = zCritical(level);
    double p = (double) x / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    double lo = x == 0 ? 0 : Math.max(0, centre - half);
    double hi = x == n ? 1 : Math.min(1, centre + half);
    return new double[] {Math.min(lo, p), Math.max(hi, p)};
  }

  /** statistic = difference / se, with 0/0 = 0 and d/0 = ±∞. */
  static double ratio(double difference, double se) {
    if (se > 0) {
      return difference / se;
    }
    if (difference == 0) {
      return 0;
    }
    return difference > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /** A number with about 4 significant digits, plain notation unless tiny. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v).replace("Infinity", "∞");
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a < 1e-4 || a >= 1e9) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return new BigDecimal(v).round(new MathContext(4)).toPlainString();
  }

  /** A share in [0, 1] or a signed fraction, printed with 4 decimals. */
  static String dec(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 0.95 → "95%", 0.975 → "97.5%". */
  static String percent(double level) {
    return BigDecimal.valueOf(Math.round(level * 1e6) / 1e4).stripTrailingZeros()
        .toPlainString() + "%";
  }
}
