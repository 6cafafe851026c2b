package org.crmkit.models.churn;

import java.util.SplittableRandom;

/** Seeded synthetic churn data for classifier tests. */
final class Synthetic {

  private Synthetic() {}

  /** A table and its labels. */
  record Data(FeatureTable features, int[] y) {}

  /**
   * n customers, features {@code signal} (drives churn), {@code weak} (drives it a little),
   * {@code noise} (independent) and {@code constant} (always 1); P(churn) = σ(−1 + 2·signal +
   * 0.5·weak), so about 30 % churn.
   */
  static Data data(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] ids = new String[n];
    double[][] rows = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format("K%05d", i);
      double signal = gauss(r);
      double weak = gauss(r);
      double noise = 3 * gauss(r) + 10;
      rows[i] = new double[] {signal, weak, noise, 1};
      double p = 1 / (1 + Math.exp(-(-1 + 2 * signal + 0.5 * weak)));
      y[i] = r.nextDouble() < p ? 1 : 0;
    }
    return new Data(FeatureTable.of(ids, new String[] {"signal", "weak", "noise", "constant"},
        rows), y);
  }

  static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
