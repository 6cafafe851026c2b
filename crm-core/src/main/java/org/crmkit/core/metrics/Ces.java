package org.crmkit.core.metrics;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Customer effort score (CES) from answers on an integer scale (default 1–7): the mean score
 * with its t interval, the share of "easy" answers, the share of "difficult" answers, and the
 * net = easy − difficult.
 *
 * <p><b>Direction.</b> On the default agreement scale ("the company made it easy to handle my
 * issue", 1 = strongly disagree … 7 = strongly agree) high means easy: easy = agreeing = 5–7,
 * difficult = disagreeing = 1–3, 4 neutral. On an effort scale (1 = very low effort … 5 = very
 * high effort) use {@code withHighIsEasy(false)}: easy is then the low end. Default bands: the
 * points above the midpoint and those below it (for an even number of points, the upper and
 * lower halves); {@link Options#withBands} sets them explicitly. The mean is always on the raw
 * scale, so read it with the direction.
 *
 * <p>Formulas: shares = count / n with Wilson intervals; net = p_E − p_D with per-response
 * variance p_E + p_D − (p_E − p_D)² (the NPS formula of Rocks 2016), Wald interval clipped to
 * [−1, 1]; mean ± t_{n−1}·s/√n clipped to the scale.
 *
 * <pre>{@code
 * Ces ces = Ces.ofCounts(new long[] {2, 3, 5, 10, 20, 35, 25});   // counts of 1..7
 * ces.mean();   // 5.48
 * ces.net();    // 0.80 - 0.10 = 0.70
 * Ces effort = Ces.withDefaults().withScale(1, 5).withHighIsEasy(false).of(scores);
 * }</pre>
 *
 * @param scaleMin the lowest score
 * @param scaleMax the highest score
 * @param easyMin the lowest "easy" score
 * @param easyMax the highest "easy" score
 * @param difficultMin the lowest "difficult" score
 * @param difficultMax the highest "difficult" score
 * @param counts {@code counts[i]} responses with score {@code scaleMin + i} (copied)
 * @param excluded out-of-range scores left out in lenient mode
 */
public record Ces(int scaleMin, int scaleMax, int easyMin, int easyMax, int difficultMin,
    int difficultMax, long[] counts, long excluded) implements Metric {

  private static final Options DEFAULTS = Options.defaults(1, 7, true, false);

  /** Validates the scale, the bands (within the scale, not overlapping) and the counts. */
  public Ces {
    checkBands(scaleMin, scaleMax, easyMin, easyMax, difficultMin, difficultMax);
    counts = Scores.counts("CES", counts, scaleMin, scaleMax);
    Checks.nonNegative("excluded", excluded);
  }

  private static void checkBands(int min, int max, int eLo, int eHi, int dLo, int dHi) {
    Scores.scale(min, max);
    if (eLo > eHi || eLo < min || eHi > max) {
      throw new IllegalArgumentException("the easy band " + eLo + ".." + eHi
          + " must be a non-empty range within the scale " + min + ".." + max);
    }
    if (dLo > dHi || dLo < min || dHi > max) {
      throw new IllegalArgumentException("the difficult band " + dLo + ".." + dHi
          + " must be a non-empty range within the scale " + min + ".." + max);
    }
    if (eLo <= dHi && dLo <= eHi) {
      throw new IllegalArgumentException("the easy band " + eLo + ".." + eHi
          + " overlaps the difficult band " + dLo + ".." + dHi);
    }
  }

  /** The default rules: scale 1–7, high = easy (easy 5–7, difficult 1–3), strict checks. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /** CES of 1–7 scores, high = easy; see {@link Options#of(int[])}. */
  public static Ces of(int[] scores) {
    return DEFAULTS.of(scores);
  }

  /** CES from 7 counts of the scores 1..7, high = easy. */
  public static Ces ofCounts(long[] countsPerScore) {
    return DEFAULTS.ofCounts(countsPerScore);
  }

  /** CES mean per group with the default rules; see {@link Options#byGroup}. */
  public static Breakdown<Ces> byGroup(int[] scores, String[] groups) {
    return DEFAULTS.byGroup(scores, groups);
  }

  /** A copy of the counts per scale point. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** True when the easy band lies above the difficult band. */
  public boolean highIsEasy() {
    return easyMin > difficultMax;
  }

  /** The number of responses counted. */
  @Override
  public long n() {
    return Scores.sum(counts, scaleMin, scaleMin, scaleMax);
  }

  /** The number of easy (agreeing, on the default scale) responses. */
  public long easy() {
    return Scores.sum(counts, scaleMin, easyMin, easyMax);
  }

  /** The number of difficult (disagreeing, on the default scale) responses. */
  public long difficult() {
    return Scores.sum(counts, scaleMin, difficultMin, difficultMax);
  }

  /** The easy share as a proportion (Wilson interval, comparisons). */
  public Proportion easyProportion() {
    return Proportion.of(easy(), n());
  }

  /** The difficult share as a proportion. */
  public Proportion difficultProportion() {
    return Proportion.of(difficult(), n());
  }

  /** p_E, the easy (agreeing) share. */
  public double easyShare() {
    return (double) easy() / n();
  }

  /** p_D, the difficult (disagreeing) share. */
  public double difficultShare() {
    return (double) difficult() / n();
  }

  /** The net score p_E − p_D, in [−1, 1]. */
  public double net() {
    return (double) (easy() - difficult()) / n();
  }

  /** The per-response variance of the net score, p_E + p_D − (p_E − p_D)². */
  public double netVariance() {
    return NetScore.variance(easyShare(), difficultShare());
  }

  /** sqrt(netVariance / n). */
  public double netStandardError() {
    return Math.sqrt(netVariance() / n());
  }

  /** The 95% Wald interval of the net score. */
  public Interval netInterval() {
    return netInterval(0.95);
  }

  /** The Wald interval net ± z·SE, clipped to [−1, 1]. */
  public Interval netInterval(double level) {
    return Interval.around(net(), Stats.zCritical(level) * netStandardError(), level, -1, 1);
  }

  /** The score distribution's mean, standard deviation and n. */
  public Mean scores() {
    return Mean.ofCounts(scaleMin, counts);
  }

  /** The mean score (raw scale). */
  public double mean() {
    return scores().mean();
  }

  /** The sample standard deviation of the scores. */
  public double standardDeviation() {
    return scores().standardDeviation();
  }

  /** {@link #mean()}: the estimate of breakdown tables. */
  @Override
  public double estimate() {
    return mean();
  }

  /** s/√n of the mean. */
  @Override
  public double standardError() {
    return scores().standardError();
  }

  /** The t interval of the mean. */
  @Override
  public Interval interval(double level) {
    return meanInterval(level);
  }

  /** The 95% t interval of the mean. */
  public Interval meanInterval() {
    return meanInterval(0.95);
  }

  /** The t interval of the mean, clipped to the scale; the whole scale when n = 1. */
  public Interval meanInterval(double level) {
    return scores().tInterval(level, scaleMin, scaleMax);
  }

  /** {@link #compareMeans(Ces, Ces, double)} at 95%. */
  public static Comparison compareMeans(Ces a, Ces b) {
    return compareMeans(a, b, 0.95);
  }

  /** Compares the means, a − b, by Welch's t test. */
  public static Comparison compareMeans(Ces a, Ces b, double level) {
    sameRules(a, b);
    return Mean.compare(a.scores(), b.scores(), level);
  }

  /** {@link #compareNet(Ces, Ces, double)} at 95%. */
  public static Comparison compareNet(Ces a, Ces b) {
    return compareNet(a, b, 0.95);
  }

  /** Compares the net scores, a − b, as NPS are compared (Wald z, SE = √(v_a/n_a + v_b/n_b)). */
  public static Comparison compareNet(Ces a, Ces b, double level) {
    sameRules(a, b);
    return NetScore.compare("CES net Wald z", a.net(), a.netVariance(), a.n(), b.net(),
        b.netVariance(), b.n(), level);
  }

  /** {@link #compareEasyShares(Ces, Ces, double)} at 95%. */
  public static Comparison compareEasyShares(Ces a, Ces b) {
    return compareEasyShares(a, b, 0.95);
  }

  /** Compares the easy shares, a − b: pooled two-proportion z, Newcombe interval. */
  public static Comparison compareEasyShares(Ces a, Ces b, double level) {
    sameRules(a, b);
    return Proportion.compare(a.easyProportion(), b.easyProportion(), level);
  }

  private static void sameRules(Ces a, Ces b) {
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    if (a.scaleMin != b.scaleMin || a.scaleMax != b.scaleMax || a.easyMin != b.easyMin
        || a.easyMax != b.easyMax || a.difficultMin != b.difficultMin
        || a.difficultMax != b.difficultMax) {
      throw new IllegalArgumentException("the two CES use different scales or bands: "
          + a.rules() + " and " + b.rules());
    }
  }

  private String rules() {
    return String.format(Locale.ROOT, "scale %d-%d, easy %d-%d, difficult %d-%d", scaleMin,
        scaleMax, easyMin, easyMax, difficultMin, difficultMax);
  }

  /** Equal when the scale, bands, counts and excluded count are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ces c && scaleMin == c.scaleMin && scaleMax == c.scaleMax
        && easyMin == c.easyMin && easyMax == c.easyMax && difficultMin == c.difficultMin
        && difficultMax == c.difficultMax && excluded == c.excluded
        && Arrays.equals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new long[] {scaleMin, scaleMax, easyMin, easyMax, difficultMin,
        difficultMax, excluded}) * 31 + Arrays.hashCode(counts);
  }

  /** Two lines: mean with t interval and the rules; shares and net with intervals. */
  @Override
  public String toString() {
    String ex = excluded > 0 ? ", " + Stats.count(excluded) + " excluded" : "";
    Mean m = scores();
    return String.format(Locale.ROOT,
        "CES mean %s (sd %s, n %s), t %s; %s%s%n"
            + "  easy %s (%s), difficult %s (%s), net %s %s",
        Stats.num(m.mean()), Stats.num(m.standardDeviation()), Stats.count(n()), meanInterval(),
        rules(), ex, Stats.dec(easyShare()), easyProportion().wilson(),
        Stats.dec(difficultShare()), difficultProportion().wilson(), Stats.dec(net()),
        netInterval());
  }

  /**
   * The rules of a CES: scale, easy and difficult bands, strict or lenient range checks.
   * Immutable; each {@code with…} returns a copy.
   *
   * @param scaleMin the lowest score
   * @param scaleMax the highest score
   * @param easyMin the lowest easy score
   * @param easyMax the highest easy score
   * @param difficultMin the lowest difficult score
   * @param difficultMax the highest difficult score
   * @param lenient true to exclude and count out-of-range scores instead of rejecting them
   */
  public record Options(int scaleMin, int scaleMax, int easyMin, int easyMax, int difficultMin,
      int difficultMax, boolean lenient) {

    /** Validates the scale and bands. */
    public Options {
      checkBands(scaleMin, scaleMax, easyMin, easyMax, difficultMin, difficultMax);
    }

    static Options defaults(int min, int max, boolean highIsEasy, boolean lenient) {
      Scores.scale(min, max);
      int points = max - min + 1;
      int lowerMax = min + points / 2 - 1;
      int upperMin = max - points / 2 + 1;
      return highIsEasy ? new Options(min, max, upperMin, max, min, lowerMax, lenient)
          : new Options(min, max, min, lowerMax, upperMin, max, lenient);
    }

    /** True when the easy band lies above the difficult band. */
    public boolean highIsEasy() {
      return easyMin > difficultMax;
    }

    /**
     * A copy with this scale and the default bands for it (same direction): the points above
     * the midpoint and those below it (1–7: 5–7 and 1–3; 1–5: 4–5 and 1–2; 1–6: 4–6 and 1–3).
     */
    public Options withScale(int min, int max) {
      return defaults(min, max, highIsEasy(), lenient);
    }

    /** A copy with this direction and the default bands (resets explicit bands). */
    public Options withHighIsEasy(boolean highIsEasy) {
      return defaults(scaleMin, scaleMax, highIsEasy, lenient);
    }

    /** A copy with explicit easy and difficult bands (inclusive, not overlapping). */
    public Options withBands(int easyFrom, int easyTo, int difficultFrom, int difficultTo) {
      return new Options(scaleMin, scaleMax, easyFrom, easyTo, difficultFrom, difficultTo,
          lenient);
    }

    /** A copy that excludes and counts out-of-range scores (true) or rejects them (false). */
    public Options withLenient(boolean excludeOutOfRange) {
      return new Options(scaleMin, scaleMax, easyMin, easyMax, difficultMin, difficultMax,
          excludeOutOfRange);
    }

    /**
     * CES of these scores.
     *
     * @throws IllegalArgumentException if {@code scores} is empty, or (strict mode) a score is
     *     off the scale — the message names its position and value — or (lenient mode) none is
     *     on it
     */
    public Ces of(int[] scores) {
      var t = Scores.tally("CES", scores, scaleMin, scaleMax, lenient);
      return make(t.counts(), t.excluded());
    }

    /** CES from counts per scale point, lowest score first. */
    public Ces ofCounts(long[] countsPerScore) {
      return make(countsPerScore, 0);
    }

    /** {@link #byGroup(int[], String[], double)} at 95%. */
    public Breakdown<Ces> byGroup(int[] scores, String[] groups) {
      return byGroup(scores, groups, 0.95);
    }

    /**
     * CES per group label ({@code groups[i]} labels {@code scores[i]}): rows in ascending label
     * order with n, the mean and its t interval; the overall CES.
     */
    public Breakdown<Ces> byGroup(int[] scores, String[] groups, double level) {
      return Scores.byGroup("CES", "CES mean (t interval)", scores, groups, scaleMin, scaleMax,
          lenient, level, this::make);
    }

    private Ces make(long[] counts, long excluded) {
      return new Ces(scaleMin, scaleMax, easyMin, easyMax, difficultMin, difficultMax, counts,
          excluded);
    }
  }
}
