package org.crmkit.core.metrics;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Customer satisfaction (CSAT) from answers on an integer scale (default 1–5): the share of
 * satisfied customers — the top k boxes (default 2: scores 4 and 5) — with its Wilson interval,
 * and the mean score with its t interval.
 *
 * <p>Formulas: share = (responses in the top k points) / n, Wilson (1927) interval (see
 * {@link Proportion#wilson(double)}); mean = Σ score·count / n, interval mean ± t_{n−1}·s/√n
 * clipped to the scale (the whole scale when n = 1). Two CSATs compare by the pooled
 * two-proportion z test with Newcombe's (1998) interval ({@link #compareShares}) or by Welch's t
 * ({@link #compareMeans}).
 *
 * <pre>{@code
 * Csat c = Csat.of(scores);                                       // 1-5, top-2-box
 * Csat c7 = Csat.withDefaults().withScale(1, 7).withTopBoxes(3).of(scores);
 * Csat fromCounts = Csat.ofCounts(new long[] {5, 10, 20, 40, 25});  // counts of 1..5
 * }</pre>
 *
 * @param scaleMin the lowest score of the scale
 * @param scaleMax the highest score of the scale
 * @param topBoxes how many of the highest points count as satisfied, 1 &le; k &lt; points
 * @param counts {@code counts[i]} responses with score {@code scaleMin + i} (copied)
 * @param excluded out-of-range scores left out in lenient mode
 */
public record Csat(int scaleMin, int scaleMax, int topBoxes, long[] counts, long excluded)
    implements Metric {

  private static final Options DEFAULTS = new Options(1, 5, 2, false);

  /** Validates the scale, k and the counts (length, non-negative, some response); copies. */
  public Csat {
    checkOptions(scaleMin, scaleMax, topBoxes);
    counts = Scores.counts("CSAT", counts, scaleMin, scaleMax);
    Checks.nonNegative("excluded", excluded);
  }

  private static void checkOptions(int min, int max, int k) {
    Scores.scale(min, max);
    if (k < 1 || k > max - min) {
      throw new IllegalArgumentException("topBoxes must be in [1, " + (max - min)
          + "] on the scale " + min + ".." + max + ": " + k);
    }
  }

  /** The default rules: scale 1–5, top-2-box, strict range checks. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /** CSAT of 1–5 scores, top-2-box; see {@link Options#of(int[])}. */
  public static Csat of(int[] scores) {
    return DEFAULTS.of(scores);
  }

  /** CSAT from 5 counts of the scores 1..5, top-2-box. */
  public static Csat ofCounts(long[] countsPerScore) {
    return DEFAULTS.ofCounts(countsPerScore);
  }

  /** CSAT share per group with the default rules; see {@link Options#byGroup}. */
  public static Breakdown<Csat> byGroup(int[] scores, String[] groups) {
    return DEFAULTS.byGroup(scores, groups);
  }

  /** A copy of the counts per scale point. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** The number of responses counted. */
  @Override
  public long n() {
    return Scores.sum(counts, scaleMin, scaleMin, scaleMax);
  }

  /** The lowest satisfied score: scaleMax − topBoxes + 1. */
  public int satisfiedMin() {
    return scaleMax - topBoxes + 1;
  }

  /** The number of satisfied responses (in the top k points). */
  public long satisfied() {
    return Scores.sum(counts, scaleMin, satisfiedMin(), scaleMax);
  }

  /** The satisfied share as a proportion (for its Wilson interval and comparisons). */
  public Proportion topBox() {
    return Proportion.of(satisfied(), n());
  }

  /** The satisfied share, in [0, 1]. */
  public double share() {
    return (double) satisfied() / n();
  }

  /** The satisfied share in percent. */
  public double percent() {
    return 100 * share();
  }

  /** {@link #share()}. */
  @Override
  public double estimate() {
    return share();
  }

  /** sqrt(p(1 − p)/n) of the share. */
  @Override
  public double standardError() {
    return topBox().standardError();
  }

  /** The Wilson interval of the share. */
  @Override
  public Interval interval(double level) {
    return wilson(level);
  }

  /** The 95% Wilson interval of the share. */
  public Interval wilson() {
    return wilson(0.95);
  }

  /** The Wilson interval of the share (Wilson 1927); within [0, 1]. */
  public Interval wilson(double level) {
    return topBox().wilson(level);
  }

  /** The score distribution's mean, standard deviation and n. */
  public Mean scores() {
    return Mean.ofCounts(scaleMin, counts);
  }

  /** The mean score. */
  public double mean() {
    return scores().mean();
  }

  /** The sample standard deviation of the scores (n − 1 divisor). */
  public double standardDeviation() {
    return scores().standardDeviation();
  }

  /** The 95% t interval of the mean. */
  public Interval meanInterval() {
    return meanInterval(0.95);
  }

  /** The t interval of the mean, clipped to [scaleMin, scaleMax]; the whole scale if n = 1. */
  public Interval meanInterval(double level) {
    return scores().tInterval(level, scaleMin, scaleMax);
  }

  /** {@link #compareShares(Csat, Csat, double)} at 95%. */
  public static Comparison compareShares(Csat a, Csat b) {
    return compareShares(a, b, 0.95);
  }

  /**
   * Compares the satisfied shares, a − b: pooled two-proportion z test, Newcombe interval
   * ({@link Proportion#compare(Proportion, Proportion, double)}).
   *
   * @throws IllegalArgumentException if the scales or k differ
   */
  public static Comparison compareShares(Csat a, Csat b, double level) {
    sameScale(a, b);
    if (a.topBoxes != b.topBoxes) {
      throw new IllegalArgumentException("the two CSATs count different top boxes: "
          + a.topBoxes + " and " + b.topBoxes);
    }
    return Proportion.compare(a.topBox(), b.topBox(), level);
  }

  /** {@link #compareMeans(Csat, Csat, double)} at 95%. */
  public static Comparison compareMeans(Csat a, Csat b) {
    return compareMeans(a, b, 0.95);
  }

  /**
   * Compares the mean scores, a − b, by Welch's t test ({@link Mean#compare}).
   *
   * @throws IllegalArgumentException if the scales differ or a group has one response
   */
  public static Comparison compareMeans(Csat a, Csat b, double level) {
    sameScale(a, b);
    return Mean.compare(a.scores(), b.scores(), level);
  }

  private static void sameScale(Csat a, Csat b) {
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    if (a.scaleMin != b.scaleMin || a.scaleMax != b.scaleMax) {
      throw new IllegalArgumentException("the two CSATs use different scales: " + a.scaleMin
          + ".." + a.scaleMax + " and " + b.scaleMin + ".." + b.scaleMax);
    }
  }

  /** Equal when the scale, k, counts and excluded count are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Csat c && scaleMin == c.scaleMin && scaleMax == c.scaleMax
        && topBoxes == c.topBoxes && excluded == c.excluded && Arrays.equals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * scaleMin + scaleMax) + topBoxes) + Arrays.hashCode(counts)
        + Long.hashCode(excluded);
  }

  /** Two lines: share with counts and Wilson interval; mean with t interval. */
  @Override
  public String toString() {
    String ex = excluded > 0 ? ", " + Stats.count(excluded) + " excluded" : "";
    Mean m = scores();
    return String.format(Locale.ROOT,
        "CSAT top-%d-box (%d-%d of %d-%d) %s (%s of %s), Wilson %s%s%n  mean %s (sd %s), t %s",
        topBoxes, satisfiedMin(), scaleMax, scaleMin, scaleMax, Stats.dec(share()),
        Stats.count(satisfied()), Stats.count(n()), wilson(), ex, Stats.num(m.mean()),
        Stats.num(m.standardDeviation()), meanInterval());
  }

  /**
   * The rules of a CSAT: scale, number of top boxes, and strict or lenient range checks.
   * Immutable; each {@code with…} returns a copy.
   *
   * @param scaleMin the lowest score
   * @param scaleMax the highest score, above scaleMin (at most 1,001 points)
   * @param topBoxes the number of highest points counted as satisfied, 1 &le; k &lt; points
   * @param lenient true to exclude and count out-of-range scores instead of rejecting them
   */
  public record Options(int scaleMin, int scaleMax, int topBoxes, boolean lenient) {

    /** Validates the scale and k. */
    public Options {
      checkOptions(scaleMin, scaleMax, topBoxes);
    }

    /** A copy with this scale (k unchanged; it must still fit). */
    public Options withScale(int min, int max) {
      return new Options(min, max, topBoxes, lenient);
    }

    /** A copy counting the top {@code k} points as satisfied. */
    public Options withTopBoxes(int k) {
      return new Options(scaleMin, scaleMax, k, lenient);
    }

    /** A copy that excludes and counts out-of-range scores (true) or rejects them (false). */
    public Options withLenient(boolean excludeOutOfRange) {
      return new Options(scaleMin, scaleMax, topBoxes, excludeOutOfRange);
    }

    /**
     * CSAT of these scores.
     *
     * @throws IllegalArgumentException if {@code scores} is empty, or (strict mode) a score is
     *     off the scale — the message names its position and value — or (lenient mode) none is
     *     on it
     */
    public Csat of(int[] scores) {
      var t = Scores.tally("CSAT", scores, scaleMin, scaleMax, lenient);
      return new Csat(scaleMin, scaleMax, topBoxes, t.counts(), t.excluded());
    }

    /** CSAT from counts per scale point, lowest score first. */
    public Csat ofCounts(long[] countsPerScore) {
      return new Csat(scaleMin, scaleMax, topBoxes, countsPerScore, 0);
    }

    /** {@link #byGroup(int[], String[], double)} at 95%. */
    public Breakdown<Csat> byGroup(int[] scores, String[] groups) {
      return byGroup(scores, groups, 0.95);
    }

    /**
     * CSAT per group label ({@code groups[i]} labels {@code scores[i]}): rows in ascending label
     * order with n, the satisfied share and its Wilson interval; the overall CSAT.
     */
    public Breakdown<Csat> byGroup(int[] scores, String[] groups, double level) {
      return Scores.byGroup("CSAT", "CSAT top-" + topBoxes + "-box share (Wilson interval)",
          scores, groups, scaleMin, scaleMax, lenient, level,
          (c, ex) -> new Csat(scaleMin, scaleMax, topBoxes, c, ex));
    }
  }
}
