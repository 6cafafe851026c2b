package org.crmkit.core.metrics;

/**
 * A net score: the share of one category minus the share of another, with the third category in
 * between counting 0 (NPS: promoters − detractors; CES: easy − difficult). Each response scores
 * +1, 0 or −1, so the per-response variance is p₊ + p₋ − (p₊ − p₋)² (Rocks 2016).
 */
final class NetScore {

  private NetScore() {}

  /** p₊ + p₋ − (p₊ − p₋)², never negative. */
  static double variance(double plus, double minus) {
    double d = plus - minus;
    return Math.max(0, plus + minus - d * d);
  }

  /** The Wald z comparison of two net scores: SE = sqrt(v_a/n_a + v_b/n_b). */
  static Comparison compare(String method, double netA, double varA, long nA, double netB,
      double varB, long nB, double level) {
    Stats.level(level);
    double d = netA - netB;
    double se = Math.sqrt(varA / nA + varB / nB);
    double z = Stats.ratio(d, se);
    return new Comparison(method, d, se, z, Double.POSITIVE_INFINITY, Stats.pNormal(z),
        Interval.around(d, Stats.zCritical(level) * se, level, -2, 2));
  }
}
