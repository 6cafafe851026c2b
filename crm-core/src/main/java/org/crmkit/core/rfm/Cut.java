package org.crmkit.core.rfm;

/**
 * Where a {@linkplain SegmentMap#highLow(Cut) high/low map} splits each dimension. A customer is
 * "high" when strictly better than the cut: orders or monetary &gt; cut, recency days &lt; cut
 * (recent is high), score &gt; cut. A value equal to the cut is "low".
 */
public enum Cut {
  /** The mean of the raw values (recency days, orders, monetary). */
  MEAN,
  /** The median (type 7 quantile at 0.5) of the raw values. */
  MEDIAN,
  /** The mean of the scores (recency scores already run recent = high). */
  SCORE_MEAN,
  /** The median of the scores. */
  SCORE_MEDIAN;

  /** True when the cut is taken over the scores rather than the raw values. */
  public boolean onScores() {
    return this == SCORE_MEAN || this == SCORE_MEDIAN;
  }
}
