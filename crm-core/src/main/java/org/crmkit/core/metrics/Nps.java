package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * Net Promoter Score from answers on the 0–10 "how likely are you to recommend" scale:
 * NPS = p_P − p_D, the share of promoters (by default 9–10) minus the share of detractors (by
 * default 0–6); passives (7–8) count in n only (Reichheld 2003).
 *
 * <p><b>Scale of the score.</b> {@link #score()} is a fraction in [−1, 1] (0.30);
 * {@link #points()} is the same value ×100 in [−100, 100] (30.0), as NPS is usually quoted.
 * Standard errors and intervals are on the fraction scale; {@link Interval#scale(double)
 * interval.scale(100)} gives points.
 *
 * <p><b>Uncertainty</b> (Rocks 2016). Each response scores +1, 0 or −1, so the per-response
 * variance is v = p_P + p_D − (p_P − p_D)² and SE = sqrt(v/n). The Wald interval is
 * NPS ± z·SE; the adjusted Wald interval adds 3 to n and ¾ to promoters and to detractors
 * before computing the same (better coverage in small samples and near ±1). Both are clipped to
 * [−1, 1].
 *
 * <pre>{@code
 * Nps nps = Nps.of(scores);                                   // cut points 9-10 / 0-6
 * Nps eight = Nps.withDefaults().withPromoterMin(8).of(scores);
 * Nps fromCounts = Nps.ofCounts(50, 30, 20);                 // promoters, passives, detractors
 * Comparison change = Nps.compare(thisQuarter, lastQuarter);  // thisQuarter − lastQuarter
 * }</pre>
 *
 * @param promoters responses at or above {@code promoterMin}
 * @param passives responses between the cut points
 * @param detractors responses at or below {@code detractorMax}
 * @param excluded out-of-range scores left out in lenient mode (0 otherwise)
 * @param promoterMin the lowest promoter score (default 9)
 * @param detractorMax the highest detractor score (default 6)
 */
public record Nps(long promoters, long passives, long detractors, long excluded,
    int promoterMin, int detractorMax) implements Metric {

  /** The lowest score of the scale. */
  public static final int SCALE_MIN = 0;

  /** The highest score of the scale. */
  public static final int SCALE_MAX = 10;

  private static final Options DEFAULTS = new Options(9, 6, false);

  /**
   * Validates the counts (non-negative, at least one response) and the cut points
   * (0 &le; detractorMax &lt; promoterMin &le; 10).
   */
  public Nps {
    Checks.nonNegative("promoters", promoters);
    Checks.nonNegative("passives", passives);
    Checks.nonNegative("detractors", detractors);
    Checks.nonNegative("excluded", excluded);
    if (Math.addExact(Math.addExact(promoters, passives), detractors) == 0) {
      throw new IllegalArgumentException("NPS needs at least one response: all counts are 0");
    }
    checkCuts(promoterMin, detractorMax);
  }

  private static void checkCuts(int promoterMin, int detractorMax) {
    Checks.inRange("promoterMin", promoterMin, SCALE_MIN + 1, SCALE_MAX);
    Checks.inRange("detractorMax", detractorMax, SCALE_MIN, SCALE_MAX - 1);
    if (detractorMax >= promoterMin) {
      throw new IllegalArgumentException("detractorMax (" + detractorMax
          + ") must be below promoterMin (" + promoterMin + ")");
    }
  }

  /** The default rules: promoters 9–10, detractors 0–6, strict range checks. */
  public static Options withDefaults() {
    return DEFAULTS;
  }

  /** NPS of 0–10 scores with the default cut points; see {@link Options#of(int[])}. */
  public static Nps of(int[] scores) {
    return DEFAULTS.of(scores);
  }

  /** NPS from the three counts, with the default cut points recorded. */
  public static Nps ofCounts(long promoters, long passives, long detractors) {
    return DEFAULTS.ofCounts(promoters, passives, detractors);
  }

  /** NPS from 11 counts of the scores 0..10, default cut points. */
  public static Nps ofCounts(long[] countsPerScore) {
    return DEFAULTS.ofCounts(countsPerScore);
  }

  /** NPS per group with the default rules; see {@link Options#byGroup(int[], String[])}. */
  public static Breakdown<Nps> byGroup(int[] scores, String[] groups) {
    return DEFAULTS.byGroup(scores, groups);
  }

  /** The number of responses counted: promoters + passives + detractors. */
  @Override
  public long n() {
    return promoters + passives + detractors;
  }

  /** p_P, the share of promoters. */
  public double promoterShare() {
    return (double) promoters / n();
  }

  /** The share of passives. */
  public double passiveShare() {
    return (double) passives / n();
  }

  /** p_D, the share of detractors. */
  public double detractorShare() {
    return (double) detractors / n();
  }

  /** NPS as a fraction in [−1, 1]: p_P − p_D. */
  public double score() {
    return (double) (promoters - detractors) / n();
  }

  /** NPS in points, in [−100, 100]: 100·(p_P − p_D). */
  public double points() {
    return 100 * score();
  }

  /** {@link #score()}. */
  @Override
  public double estimate() {
    return score();
  }

  /** The per-response variance p_P + p_D − (p_P − p_D)² (Rocks 2016), fraction scale. */
  public double variance() {
    return NetScore.variance(promoterShare(), detractorShare());
  }

  /** sqrt(variance / n). */
  @Override
  public double standardError() {
    return Math.sqrt(variance() / n());
  }

  /** The 95% Wald interval. */
  public Interval wald() {
    return wald(0.95);
  }

  /** The Wald interval NPS ± z·SE, clipped to [−1, 1]; it contains {@link #score()}. */
  public Interval wald(double level) {
    return Interval.around(score(), Stats.zCritical(level) * standardError(), level, -1, 1);
  }

  /** The adjusted estimate (P + ¾ − D − ¾)/(n + 3) = (P − D)/(n + 3) (Rocks 2016). */
  public double adjustedScore() {
    return (promoters - detractors) / (n() + 3.0);
  }

  /**
   * The adjusted standard error: sqrt(v'/(n + 3)) with v' the variance of the shares
   * (P + ¾)/(n + 3) and (D + ¾)/(n + 3).
   */
  public double adjustedStandardError() {
    double n3 = n() + 3.0;
    return Math.sqrt(NetScore.variance((promoters + 0.75) / n3, (detractors + 0.75) / n3) / n3);
  }

  /** The 95% adjusted Wald interval. */
  public Interval adjustedWald() {
    return adjustedWald(0.95);
  }

  /**
   * The adjusted Wald interval {@link #adjustedScore()} ± z·{@link #adjustedStandardError()},
   * clipped to [−1, 1]. It is centred on the adjusted estimate, which lies between the score and
   * 0; Rocks (2016) found its coverage closest to nominal among the intervals compared.
   */
  public Interval adjustedWald(double level) {
    return Interval.around(adjustedScore(), Stats.zCritical(level) * adjustedStandardError(),
        level, -1, 1);
  }

  /**
   * The adjusted Wald interval: the default for breakdown tables, because its coverage holds for
   * small groups where the Wald interval collapses (Rocks 2016). It is centred on
   * {@link #adjustedScore()}, not on {@link #score()}: for a group of a few answers the raw score
   * can lie outside it (one detractor: score −1, interval about [−0.99, 0.49]). Use
   * {@link #wald(double)} for an interval around the raw score.
   */
  @Override
  public Interval interval(double level) {
    return adjustedWald(level);
  }

  /** {@link #compare(Nps, Nps, double)} at 95%. */
  public static Comparison compare(Nps a, Nps b) {
    return compare(a, b, 0.95);
  }

  /**
   * Compares two independent NPS, a − b: SE = sqrt(v_a/n_a + v_b/n_b), z = difference / SE,
   * two-sided normal p-value, Wald interval difference ± z·SE (clipped to [−2, 2]).
   *
   * @throws IllegalArgumentException if the two use different cut points
   */
  public static Comparison compare(Nps a, Nps b, double level) {
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    if (a.promoterMin != b.promoterMin || a.detractorMax != b.detractorMax) {
      throw new IllegalArgumentException("the two NPS use different cut points: promoters "
          + a.promoterMin + "-10 / detractors 0-" + a.detractorMax + " versus "
          + b.promoterMin + "-10 / 0-" + b.detractorMax);
    }
    return NetScore.compare("NPS Wald z", a.score(), a.variance(), a.n(), b.score(),
        b.variance(), b.n(), level);
  }

  /**
   * Two lines: the score, counts and cut points; the standard error and both 95% intervals.
   */
  @Override
  public String toString() {
    String ex = excluded > 0 ? ", " + Stats.count(excluded) + " excluded" : "";
    return String.format(java.util.Locale.ROOT,
        "NPS %s (%+.1f points), n %s: %s promoters (%d-10), %s passives, %s detractors (0-%d)%s%n"
            + "  SE %s, Wald %s, adjusted Wald %s",
        Stats.dec(score()), points(), Stats.count(n()), Stats.count(promoters), promoterMin,
        Stats.count(passives), Stats.count(detractors), detractorMax, ex,
        Stats.num(standardError()), wald(), adjustedWald());
  }

  /**
   * The rules of an NPS: cut points and whether out-of-range scores are an error (the default)
   * or excluded and counted. Immutable; each {@code with…} returns a copy.
   *
   * @param promoterMin the lowest promoter score, 1..10
   * @param detractorMax the highest detractor score, 0..9, below promoterMin
   * @param lenient true to exclude (and count) scores outside 0..10 instead of rejecting them
   */
  public record Options(int promoterMin, int detractorMax, boolean lenient) {

    /** Validates 0 &le; detractorMax &lt; promoterMin &le; 10. */
    public Options {
      checkCuts(promoterMin, detractorMax);
    }

    /** A copy with promoters from this score up. */
    public Options withPromoterMin(int min) {
      return new Options(min, detractorMax, lenient);
    }

    /** A copy with detractors up to this score. */
    public Options withDetractorMax(int max) {
      return new Options(promoterMin, max, lenient);
    }

    /** A copy that excludes and counts out-of-range scores (true) or rejects them (false). */
    public Options withLenient(boolean excludeOutOfRange) {
      return new Options(promoterMin, detractorMax, excludeOutOfRange);
    }

    /**
     * NPS of these 0–10 scores.
     *
     * @throws IllegalArgumentException if {@code scores} is empty, or (strict mode) a score is
     *     outside 0..10 — the message names its position and value — or (lenient mode) no
     *     score is in range
     */
    public Nps of(int[] scores) {
      var t = Scores.tally("NPS", scores, SCALE_MIN, SCALE_MAX, lenient);
      return fromCounts(t.counts(), t.excluded());
    }

    /** NPS from the three counts, recording these cut points. */
    public Nps ofCounts(long promoters, long passives, long detractors) {
      return new Nps(promoters, passives, detractors, 0, promoterMin, detractorMax);
    }

    /** NPS from 11 counts: {@code countsPerScore[s]} responses with score s, s = 0..10. */
    public Nps ofCounts(long[] countsPerScore) {
      return fromCounts(Scores.counts("NPS", countsPerScore, SCALE_MIN, SCALE_MAX), 0);
    }

    /** {@link #byGroup(int[], String[], double)} at 95%. */
    public Breakdown<Nps> byGroup(int[] scores, String[] groups) {
      return byGroup(scores, groups, 0.95);
    }

    /**
     * NPS per group label (segment, touchpoint, channel, period ...): {@code groups[i]} is the
     * label of {@code scores[i]}. Rows in ascending label order, each with n, the score and the
     * adjusted Wald interval at {@code level}; the overall NPS of all scores.
     */
    public Breakdown<Nps> byGroup(int[] scores, String[] groups, double level) {
      return Scores.byGroup("NPS", "NPS (adjusted Wald interval)", scores, groups, SCALE_MIN,
          SCALE_MAX, lenient, level, this::fromCounts);
    }

    private Nps fromCounts(long[] c, long excluded) {
      long p = Scores.sum(c, SCALE_MIN, promoterMin, SCALE_MAX);
      long d = Scores.sum(c, SCALE_MIN, SCALE_MIN, detractorMax);
      long all = Scores.sum(c, SCALE_MIN, SCALE_MIN, SCALE_MAX);
      return new Nps(p, all - p - d, d, excluded, promoterMin, detractorMax);
    }
  }
}
