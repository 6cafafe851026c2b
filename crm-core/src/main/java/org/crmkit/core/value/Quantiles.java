package org.crmkit.core.value;

import java.util.Arrays;

/** Type-7 sample quantiles (Hyndman &amp; Fan 1996), as R's default {@code quantile}. */
final class Quantiles {

  private Quantiles() {}

  /**
   * The p-quantile of {@code values} (finite, not empty): with x sorted and h = (n − 1)p,
   * x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
   */
  static double type7(double[] values, double p) {
    double[] x = values.clone();
    Arrays.sort(x);
    double h = (x.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= x.length) {
      return x[x.length - 1];
    }
    return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
  }
}
