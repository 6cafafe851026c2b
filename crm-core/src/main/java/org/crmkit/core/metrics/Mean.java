package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * The mean of a sample, with its standard deviation: enough for the t interval and the Welch
 * test.
 *
 * @param n the number of observations, &gt; 0
 * @param mean the sample mean, finite
 * @param standardDeviation the sample standard deviation (divisor n − 1; 0 when n = 1), finite
 *     and &ge; 0
 */
public record Mean(long n, double mean, double standardDeviation) implements Metric {

  /** Validates n &gt; 0, a finite mean, a finite non-negative standard deviation. */
  public Mean {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0: " + n);
    }
    Checks.finite("mean", mean);
    Checks.nonNegative("standardDeviation", standardDeviation);
    if (n == 1 && standardDeviation != 0) {
      throw new IllegalArgumentException(
          "standardDeviation of a single observation must be 0: " + standardDeviation);
    }
  }

  /**
   * The mean and sample standard deviation of {@code values} (two-pass, so large offsets do not
   * cancel).
   *
   * @throws IllegalArgumentException if {@code values} is empty or a value is not finite (the
   *     message names its position)
   */
  public static Mean of(double[] values) {
    return of("values", values);
  }

  static Mean of(String name, double[] values) {
    Checks.notNull(name, values);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " is empty");
    }
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]);
      }
      sum += values[i];
    }
    double m = sum / values.length;
    double ss = 0;
    double c = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
      c += v - m;
    }
    m += c / values.length;
    double var = values.length > 1
        ? Math.max(0, (ss - c * c / values.length) / (values.length - 1)) : 0;
    return new Mean(values.length, m, Math.sqrt(var));
  }

  /**
   * The mean of a score distribution: {@code counts[i]} observations of the score
   * {@code min + i}.
   */
  static Mean ofCounts(int min, long[] counts) {
    long n = 0;
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      n += counts[i];
      sum += (double) counts[i] * (min + i);
    }
    double m = sum / n;
    double ss = 0;
    for (int i = 0; i < counts.length; i++) {
      double d = min + i - m;
      ss += counts[i] * d * d;
    }
    return new Mean(n, m, n > 1 ? Math.sqrt(ss / (n - 1)) : 0);
  }

  /** The mean. */
  @Override
  public double estimate() {
    return mean;
  }

  /** The sample variance s². */
  public double variance() {
    return standardDeviation * standardDeviation;
  }

  /** s / sqrt(n). */
  @Override
  public double standardError() {
    return standardDeviation / Math.sqrt(n);
  }

  /** The t interval; see {@link #tInterval(double)}. */
  @Override
  public Interval interval(double level) {
    return tInterval(level);
  }

  /** The 95% t interval. */
  public Interval tInterval() {
    return tInterval(0.95);
  }

  /**
   * The t interval mean ± t_{n−1,(1+level)/2}·s/sqrt(n). With one observation there is no
   * estimate of spread: the interval is (−∞, ∞).
   */
  public Interval tInterval(double level) {
    return tInterval(level, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** The t interval clipped to [min, max] (a bounded scale); the whole [min, max] when n = 1. */
  Interval tInterval(double level, double min, double max) {
    Stats.level(level);
    if (n < 2) {
      return new Interval(min, max, level);
    }
    return Interval.around(mean, Stats.tCritical(level, n - 1) * standardError(), level, min,
        max);
  }

  /** The Welch test of a − b with the 95% interval. */
  public static Comparison compare(Mean a, Mean b) {
    return compare(a, b, 0.95);
  }

  /**
   * Compares two independent means, a − b, by Welch's t test: SE = sqrt(s_a²/n_a + s_b²/n_b),
   * t = (m_a − m_b)/SE, Welch–Satterthwaite degrees of freedom
   * ν = SE⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)); interval d ± t_{ν}·SE. When both
   * variances are 0, ν = n_a + n_b − 2. Welch, B. L. (1947), Biometrika 34(1–2), 28–35,
   * doi:10.1093/biomet/34.1-2.28.
   *
   * @throws IllegalArgumentException if a group has fewer than 2 observations
   */
  public static Comparison compare(Mean a, Mean b, double level) {
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    Stats.level(level);
    if (a.n < 2 || b.n < 2) {
      throw new IllegalArgumentException("Welch's t test needs at least 2 observations per group:"
          + " a has " + a.n + ", b has " + b.n);
    }
    double va = a.variance() / a.n;
    double vb = b.variance() / b.n;
    double se = Math.sqrt(va + vb);
    double d = a.mean - b.mean;
    double denom = va * va / (a.n - 1) + vb * vb / (b.n - 1);
    double df = denom > 0 ? (va + vb) * (va + vb) / denom : a.n + b.n - 2.0;
    double t = Stats.ratio(d, se);
    double half = Stats.tCritical(level, df) * se;
    return new Comparison("Welch t", d, se, t, df, Stats.pT(t, df),
        new Interval(d - half, d + half, level));
  }

  /** {@code mean 3.700 (sd 1.100, n 100), t [3.482, 3.918] 95%}. */
  @Override
  public String toString() {
    return "mean " + Stats.num(mean) + " (sd " + Stats.num(standardDeviation) + ", n "
        + Stats.count(n) + "), t " + tInterval();
  }
}
