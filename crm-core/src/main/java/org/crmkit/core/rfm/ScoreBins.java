package org.crmkit.core.rfm;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * The bins of one RFM dimension: the bounds of every bin and how many customers each score got.
 *
 * <p>Bins are numbered in <em>value order</em> (bin 0 holds the lowest values) by
 * {@link #lowerBounds()} and {@link #upperBounds()}, as the R rfm package prints its threshold
 * table; {@link #lower(int)}, {@link #upper(int)}, {@link #count(int)} and {@link #scoreCounts()}
 * are indexed by <em>score</em>. For frequency and monetary, score s is bin s−1; recency is
 * reversed, so score s is bin n−s (score n holds the fewest days since the last purchase).
 *
 * <p>Bounds: for {@link Method#QUANTILES} and {@link Method#GIVEN} a bin is the half-open
 * interval [lower, upper); the outer bounds are min and max + 1 of the data (quantiles) or ∓∞
 * (given cuts). For {@link Method#RANKS} a bin is the closed range [lowest, highest] of the
 * values it holds, and neighbouring bins may share a value. Bounds never decrease from bin to bin;
 * an empty bin has lower = upper. Immutable; arrays are copied out.
 */
public final class ScoreBins {

  /** How the bins were made. */
  public enum Method {
    /** Thresholds from type 7 quantiles + 1, ties kept together ({@link Ties#KEEP_TOGETHER}). */
    QUANTILES,
    /** Equal-count groups of ranks by (value, customer id) ({@link Ties#SPLIT}). */
    RANKS,
    /** Thresholds given by the caller. */
    GIVEN
  }

  private final Dimension dimension;
  private final Method method;
  private final double[] lower;
  private final double[] upper;
  private final int[] counts;

  /** Takes ownership of the arrays (value order for bounds, score order for counts). */
  ScoreBins(Dimension dimension, Method method, double[] lower, double[] upper, int[] counts) {
    this.dimension = dimension;
    this.method = method;
    this.lower = lower;
    this.upper = upper;
    this.counts = counts;
  }

  /** The dimension these bins score. */
  public Dimension dimension() {
    return dimension;
  }

  /** How the bins were made. */
  public Method method() {
    return method;
  }

  /** The number of bins n; scores run 1..n. */
  public int bins() {
    return counts.length;
  }

  /** True when a bin includes its upper bound ({@link Method#RANKS}). */
  public boolean upperInclusive() {
    return method == Method.RANKS;
  }

  /** The lower bounds of the bins in value order (lowest values first). */
  public double[] lowerBounds() {
    return lower.clone();
  }

  /** The upper bounds of the bins in value order (lowest values first). */
  public double[] upperBounds() {
    return upper.clone();
  }

  /**
   * The interior thresholds t<sub>1</sub> … t<sub>n−1</sub> in value order: the upper bounds of
   * all but the last bin. For {@link Method#GIVEN} these are the caller's cuts.
   */
  public double[] thresholds() {
    double[] t = new double[counts.length - 1];
    System.arraycopy(upper, 0, t, 0, t.length);
    return t;
  }

  /** The customers with each score: element s−1 counts score s. */
  public int[] scoreCounts() {
    return counts.clone();
  }

  /** The number of customers with score {@code score}. */
  public int count(int score) {
    return counts[checkScore(score) - 1];
  }

  /** The lower bound of the bin that gets score {@code score}. */
  public double lower(int score) {
    return lower[binOfScore(score)];
  }

  /** The upper bound of the bin that gets score {@code score}. */
  public double upper(int score) {
    return upper[binOfScore(score)];
  }

  private int binOfScore(int score) {
    checkScore(score);
    return dimension.reversed() ? counts.length - score : score - 1;
  }

  private int checkScore(int score) {
    return Checks.inRange("score", score, 1, counts.length);
  }

  /** The bin of score {@code score} as text: "[115, 181)" or "[3, 4]". */
  public String describe(int score) {
    return "[" + Fmt.num(lower(score)) + ", " + Fmt.num(upper(score))
        + (upperInclusive() ? "]" : ")");
  }

  /** One line per score: bounds and count. */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s bins (%s):%n", dimension.label(),
        method.name().toLowerCase(Locale.ROOT)));
    for (int s = counts.length; s >= 1; s--) {
      sb.append(String.format(Locale.ROOT, "  %3d  %-24s %,9d%n", s, describe(s), count(s)));
    }
    return sb.toString().stripTrailing();
  }
}
