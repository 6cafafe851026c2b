package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * A share: {@code successes} out of {@code trials} (satisfied customers, conversions, ...).
 *
 * <p>The estimate is p = successes / trials; its standard error sqrt(p(1 − p)/n); its interval
 * the Wilson score interval (Wilson 1927), which stays within [0, 1] and keeps its coverage near
 * 0 and 1, unlike the Wald interval p ± z·SE.
 *
 * @param successes the number of successes, 0 &le; successes &le; trials
 * @param trials the number of trials, &gt; 0
 */
public record Proportion(long successes, long trials) implements Metric {

  /** Validates 0 &le; successes &le; trials and trials &gt; 0. */
  public Proportion {
    Checks.nonNegative("successes", successes);
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be > 0: " + trials);
    }
    if (successes > trials) {
      throw new IllegalArgumentException(
          "successes (" + successes + ") must not exceed trials (" + trials + ")");
    }
  }

  /** The share of {@code successes} in {@code trials}. */
  public static Proportion of(long successes, long trials) {
    return new Proportion(successes, trials);
  }

  /** The number of trials. */
  @Override
  public long n() {
    return trials;
  }

  /** p = successes / trials. */
  @Override
  public double estimate() {
    return (double) successes / trials;
  }

  /** 100·p. */
  public double percent() {
    return 100 * estimate();
  }

  /** sqrt(p(1 − p)/n). */
  @Override
  public double standardError() {
    double p = estimate();
    return Math.sqrt(p * (1 - p) / trials);
  }

  /** The Wilson score interval; see {@link #wilson(double)}. */
  @Override
  public Interval interval(double level) {
    return wilson(level);
  }

  /** The 95% Wilson score interval. */
  public Interval wilson() {
    return wilson(0.95);
  }

  /**
   * The Wilson score interval: centre (p + z²/2n)/(1 + z²/n), half-width
   * z/(1 + z²/n)·sqrt(p(1 − p)/n + z²/4n²), z = Φ⁻¹((1 + level)/2). Within [0, 1]; it
   * contains p. Wilson, E. B. (1927), JASA 22(158), 209–212, doi:10.1080/01621459.1927.10502953.
   */
  public Interval wilson(double level) {
    double[] w = Stats.wilson(successes, trials, level);
    return new Interval(w[0], w[1], level);
  }

  /** The pooled two-proportion z test of a − b with the 95% Newcombe interval. */
  public static Comparison compare(Proportion a, Proportion b) {
    return compare(a, b, 0.95);
  }

  /**
   * Compares two independent shares, a − b.
   *
   * <p>Test: pooled two-proportion z, z = (p_a − p_b) / sqrt(p̄(1 − p̄)(1/n_a + 1/n_b)) with
   * p̄ = (x_a + x_b)/(n_a + n_b); two-sided p from the normal distribution. The reported standard
   * error is this pooled one.
   *
   * <p>Interval: Newcombe's hybrid score interval (method 10) from the Wilson intervals
   * [l_a, u_a], [l_b, u_b]: [d − sqrt((p_a − l_a)² + (u_b − p_b)²),
   * d + sqrt((u_a − p_a)² + (p_b − l_b)²)]. Newcombe, R. G. (1998), Statistics in Medicine 17,
   * 873–890, doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I.
   */
  public static Comparison compare(Proportion a, Proportion b, double level) {
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    Stats.level(level);
    double pa = a.estimate();
    double pb = b.estimate();
    double d = pa - pb;
    double pooled = (double) (a.successes + b.successes) / ((double) a.trials + b.trials);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.trials + 1.0 / b.trials));
    double z = Stats.ratio(d, se);
    double[] wa = Stats.wilson(a.successes, a.trials, level);
    double[] wb = Stats.wilson(b.successes, b.trials, level);
    double lo = d - Math.hypot(pa - wa[0], wb[1] - pb);
    double hi = d + Math.hypot(wa[1] - pa, pb - wb[0]);
    return new Comparison("pooled two-proportion z, Newcombe interval", d, se, z,
        Double.POSITIVE_INFINITY, Stats.pNormal(z),
        new Interval(Math.max(-1, Math.min(lo, d)), Math.min(1, Math.max(hi, d)), level));
  }

  /** {@code 0.6500 (65 of 100), Wilson [0.5525, 0.7364] 95%}. */
  @Override
  public String toString() {
    return Stats.dec(estimate()) + " (" + Stats.count(successes) + " of " + Stats.count(trials)
        + "), Wilson " + wilson();
  }
}
