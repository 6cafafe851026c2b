package org.crmkit.core.rfm;

/**
 * How quantile scoring treats customers with equal values. Explicit thresholds (the third policy)
 * are given to the builder instead: {@link RfmScorer.Builder#recencyCuts(double...)} and its
 * siblings.
 */
public enum Ties {
  /**
   * Equal values always get the same score (the R rfm package and SPSS convention). This is the
   * R rfm 0.3.0 rule, worked out from its published results on {@code rfm_data_orders}: sort the
   * N values x<sub>(0)</sub> ≤ … ≤ x<sub>(N−1)</sub>; take the interior quantiles
   * q<sub>j</sub> = Q7(j/n), j = 1 … n−1, of Hyndman &amp; Fan type 7 (R's default:
   * h = (N−1)·j/n, q = x<sub>(⌊h⌋)</sub> + (h−⌊h⌋)(x<sub>(⌊h⌋+1)</sub> − x<sub>(⌊h⌋)</sub>));
   * the thresholds are t<sub>j</sub> = q<sub>j</sub> + 1 and the bins are half-open
   * [t<sub>j−1</sub>, t<sub>j</sub>), reported with t<sub>0</sub> = min and t<sub>n</sub> =
   * max + 1. A value's bin, counted from the lowest values, is 1 + #{j : x ≥ t<sub>j</sub>}.
   *
   * <p>For whole numbers (days, orders, whole currency units) and a whole quantile this puts
   * x ≤ q<sub>j</sub> in the lower bin; for a fractional quantile such as 296.4 the value 297 also
   * stays in the lower bin (297 &lt; 297.4). The "+ 1" is in the values' unit, so monetary
   * scores can change slightly when amounts are given in cents instead of dollars. Bins can hold
   * unequal counts, and with many ties some bins are empty (equal thresholds).
   */
  KEEP_TOGETHER,

  /**
   * Equal-count groups: customers are ranked by value, then by customer id (ascending), and rank
   * r (0-based) of N goes to group ⌊r·n/N⌋; group sizes differ by at most one. Equal values may
   * get different scores, decided by the customer id, so the result never depends on row order.
   * Each bin reports the closed range [lowest, highest] of its values; neighbouring bins may
   * share a boundary value. With fewer customers than bins some bins are empty.
   */
  SPLIT
}
