package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.crmkit.core.Checks;

/** Tallies of survey scores on an integer scale, with strict or lenient range checks. */
final class Scores {

  private Scores() {}

  /** counts[i] = responses with score min + i; excluded = out-of-range scores (lenient mode). */
  record Tally(long[] counts, long excluded) {}

  /**
   * Counts scores per scale point.
   *
   * @throws IllegalArgumentException if scores is null or empty, if a score is out of range in
   *     strict mode (naming its position and value), or if no score is in range
   */
  static Tally tally(String metric, int[] scores, int min, int max, boolean lenient) {
    Checks.notNull("scores", scores);
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores is empty: " + metric + " needs at least one");
    }
    long[] counts = new long[max - min + 1];
    long excluded = 0;
    for (int i = 0; i < scores.length; i++) {
      int s = scores[i];
      if (s < min || s > max) {
        if (!lenient) {
          throw outOfRange(metric, "scores[" + i + "]", s, min, max);
        }
        excluded++;
      } else {
        counts[s - min]++;
      }
    }
    if (excluded == scores.length) {
      throw new IllegalArgumentException("no " + metric + " score in range " + min + ".." + max
          + ": all " + excluded + " were out of range");
    }
    return new Tally(counts, excluded);
  }

  private static IllegalArgumentException outOfRange(String metric, String where, int s, int min,
      int max) {
    return new IllegalArgumentException(where + " = " + s + " is outside the " + metric
        + " scale " + min + ".." + max
        + " (withLenient(true) excludes and counts out-of-range scores)");
  }

  /**
   * Checks counts per scale point: the right length, non-negative, a positive total that fits
   * in a long. Returns a copy.
   */
  static long[] counts(String metric, long[] counts, int min, int max) {
    Checks.notNull("counts", counts);
    int points = max - min + 1;
    if (counts.length != points) {
      throw new IllegalArgumentException("counts has " + counts.length + " entries; the "
          + metric + " scale " + min + ".." + max + " has " + points + " points");
    }
    long n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "counts[" + i + "] (score " + (min + i) + ") is negative: " + counts[i]);
      }
      n = Math.addExact(n, counts[i]);
    }
    if (n == 0) {
      throw new IllegalArgumentException(metric + " counts are all 0: no response");
    }
    return counts.clone();
  }

  /** Σ counts[from − min .. to − min]. */
  static long sum(long[] counts, int min, int from, int to) {
    long s = 0;
    for (int v = from; v <= to; v++) {
      s += counts[v - min];
    }
    return s;
  }

  /** Checks a scale: min &lt; max, at most 1,001 points. */
  static void scale(int min, int max) {
    if (min >= max) {
      throw new IllegalArgumentException(
          "scale minimum (" + min + ") must be below its maximum (" + max + ")");
    }
    if ((long) max - min > 1000) {
      throw new IllegalArgumentException(
          "a scale has at most 1001 points: " + min + ".." + max);
    }
  }

  /**
   * One metric per group label, in ascending label order, plus the overall metric.
   *
   * @param make builds the metric from counts per scale point and the excluded count
   */
  static <T extends Metric> Breakdown<T> byGroup(String metric, String description,
      int[] scores, String[] groups, int min, int max, boolean lenient, double level,
      BiFunction<long[], Long, T> make) {
    Checks.notNull("scores", scores);
    Checks.notNull("groups", groups);
    Stats.level(level);
    if (groups.length != scores.length) {
      throw new IllegalArgumentException("scores and groups differ in length: " + scores.length
          + " and " + groups.length);
    }
    Tally all = tally(metric, scores, min, max, lenient);
    int points = max - min + 1;
    Map<String, long[]> byLabel = new TreeMap<>();
    for (int i = 0; i < scores.length; i++) {
      String g = groups[i];
      if (g == null) {
        throw new IllegalArgumentException("groups[" + i + "] is null");
      }
      long[] c = byLabel.computeIfAbsent(g, k -> new long[points + 1]);
      int s = scores[i];
      c[s < min || s > max ? points : s - min]++;
    }
    List<Breakdown.Row<T>> rows = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (var e : byLabel.entrySet()) {
      long[] c = e.getValue();
      long excluded = c[points];
      if (excluded == Scores.sum(c, 0, 0, points)) {
        empty.add(e.getKey());
        continue;
      }
      T m = make.apply(Arrays.copyOf(c, points), excluded);
      rows.add(new Breakdown.Row<>(e.getKey(), m, m.interval(level)));
    }
    return new Breakdown<>(description, rows, make.apply(all.counts(), all.excluded()), empty,
        all.excluded(), level);
  }
}
