package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import org.crmkit.models.segment.FeatureTable;
import org.crmkit.models.segment.Scaler;

/**
 * Standardised RFM-like features of {@code n} synthetic customers, for the segmentation
 * benchmarks: recency_days ~ exponential with mean 120 days, capped at 730 and rounded to whole
 * days; orders = 1 + geometric with mean 2; monetary = orders × lognormal(ln 40, 0.8). Then
 * log1p on orders and monetary, and z-scores (what a user would cluster on).
 */
final class SyntheticRfmFeatures {

  private SyntheticRfmFeatures() {}

  static FeatureTable generate(long seed, int n) {
    var r = new SplittableRandom(seed);
    String[] ids = new String[n];
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      ids[i] = "C" + i;
      double recency = Math.min(730, Math.rint(-120 * Math.log(1 - r.nextDouble())));
      int orders = 1;
      while (r.nextDouble() < 2.0 / 3) {
        orders++;
      }
      double monetary = orders * Math.exp(Math.log(40) + 0.8 * r.nextGaussian());
      rows[i] = new double[] {recency, orders, monetary};
    }
    FeatureTable raw = FeatureTable.of(ids, new String[] {"recency_days", "orders", "monetary"},
        rows);
    return Scaler.zScore().withLog1p("orders", "monetary").fit(raw).transform(raw);
  }
}
