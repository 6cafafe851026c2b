package org.crmkit.core.metrics;

/**
 * A metric estimated from n observations, with its standard error and its default interval.
 * {@link Breakdown} tables and {@link WeightedIndex} work on any metric.
 *
 * <p>Implementations say which estimate and which interval they give: {@link Nps} its score with
 * the adjusted Wald interval, {@link Csat} and {@link Proportion} a share with the Wilson
 * interval, {@link Ces} and {@link Mean} a mean with the t interval.
 */
public interface Metric {

  /** The number of observations the estimate uses (excluded ones not counted). */
  long n();

  /** The point estimate. */
  double estimate();

  /** The standard error of {@link #estimate()}, finite and &ge; 0. */
  double standardError();

  /**
   * The metric's default confidence interval at this level.
   *
   * @param level the confidence level, in (0, 1)
   */
  Interval interval(double level);
}
