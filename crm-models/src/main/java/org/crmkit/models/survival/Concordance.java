package org.crmkit.models.survival;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.Sorting;

/**
 * Harrell's concordance index (C-index) of predictions against right-censored durations
 * (Harrell, Califf, Pryor, Lee &amp; Rosati 1982; Harrell, Lee &amp; Mark 1996).
 *
 * <p>A pair of subjects (i, j) is <em>comparable</em> when the shorter time is an observed event:
 * T_i &lt; T_j with E_i = 1, or T_i = T_j with E_i = 1 and E_j = 0 (a censoring at the event time
 * is taken to outlive the event). Pairs whose shorter time is censored, and pairs of two events at
 * the same time, are not comparable. A comparable pair is <em>concordant</em> when the prediction
 * ranks the longer-lived subject as longer-lived, <em>tied</em> when the two predictions are equal
 * (counted ½), and <em>discordant</em> otherwise:
 *
 * <p>C = (concordant + ½ tied) / comparable.
 *
 * <p>These are lifelines' {@code concordance_index} conventions (R's {@code survConcordance} treats
 * pairs the same way). Predictions are either predicted survival (higher = lives longer, as
 * lifelines' {@code predicted_scores}) with {@link #of}, or risk scores (higher = fails sooner,
 * e.g. a Cox linear predictor) with {@link #ofRisk}. Perfect order gives 1, reversed order 0, a
 * constant prediction 0.5. When no pair is comparable the index is 0.5 (no information) and
 * {@link #comparable()} is 0.
 *
 * <p>Counting takes O(n log n) time (sort by time, then a Fenwick tree over prediction ranks).
 *
 * @param comparable the number of comparable pairs
 * @param concordant the concordant pairs
 * @param tied comparable pairs with equal predictions
 * @param discordant the discordant pairs
 */
public record Concordance(long comparable, long concordant, long tied, long discordant) {

  /** Checks that the counts add up. */
  public Concordance {
    Checks.nonNegative("concordant", concordant);
    Checks.nonNegative("tied", tied);
    Checks.nonNegative("discordant", discordant);
    if (comparable != concordant + tied + discordant) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "comparable (%d) must equal concordant + tied + discordant (%d + %d + %d)",
          comparable, concordant, tied, discordant));
    }
  }

  /** C = (concordant + ½ tied) / comparable; 0.5 when no pair is comparable. */
  public double index() {
    return comparable == 0 ? 0.5 : (concordant + 0.5 * tied) / comparable;
  }

  /**
   * Concordance of predicted survival (higher = expected to live longer) with the observed data.
   *
   * @param durations observed times, finite and &ge; 0
   * @param events 1 = event, 0 = censored
   * @param predicted one finite prediction per row
   * @throws IllegalArgumentException on bad input; the message names the field and the row
   */
  public static Concordance of(double[] durations, int[] events, double[] predicted) {
    SurvivalData data = SurvivalData.of(durations, events);
    return count(data, checkPredictions(predicted, durations.length), false);
  }

  /** Concordance of predicted survival with {@code data}. */
  public static Concordance of(SurvivalData data, double[] predicted) {
    Checks.notNull("data", data);
    return count(data, checkPredictions(predicted, data.size()), false);
  }

  /**
   * Concordance of risk scores (higher = expected to fail sooner, such as a Cox model's x·β)
   * with the observed data: the index of {@link #of} on the negated scores.
   */
  public static Concordance ofRisk(double[] durations, int[] events, double[] risk) {
    SurvivalData data = SurvivalData.of(durations, events);
    return count(data, checkPredictions(risk, durations.length), true);
  }

  /** Concordance of risk scores with {@code data}. */
  public static Concordance ofRisk(SurvivalData data, double[] risk) {
    Checks.notNull("data", data);
    return count(data, checkPredictions(risk, data.size()), true);
  }

  /** Harrell's C of predicted survival: {@code of(durations, events, predicted).index()}. */
  public static double index(double[] durations, int[] events, double[] predicted) {
    return of(durations, events, predicted).index();
  }

  private static double[] checkPredictions(double[] predicted, int n) {
    Checks.notNull("predicted", predicted);
    if (predicted.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "predictions has %,d rows but durations has %,d", predicted.length, n));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(predicted[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: prediction must be finite: %s (predicted[%d])", i + 1,
            Checks.format(predicted[i]), i));
      }
    }
    return predicted;
  }

  /**
   * Counts pairs by walking distinct times from the longest down. A Fenwick tree holds the
   * prediction ranks of every subject that outlives the current time (longer durations, plus the
   * censored at the current time); each event at the current time is compared with all of them.
   */
  static Concordance count(SurvivalData data, double[] predicted, boolean risk) {
    double[] t = data.durationValues();
    boolean[] e = data.eventFlags();
    int n = t.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = (risk ? -predicted[i] : predicted[i]) + 0.0; // -0.0 and 0.0 tie
    }
    // dense ranks 1..m of the predictions
    double[] sorted = p.clone();
    Arrays.sort(sorted);
    int m = 0;
    double[] distinct = new double[n];
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct[m++] = sorted[i];
      }
    }
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = Arrays.binarySearch(distinct, 0, m, p[i]) + 1;
    }
    long[] tree = new long[m + 1];
    int[] order = Sorting.order(t);
    long inTree = 0;
    long comparable = 0;
    long concordant = 0;
    long tied = 0;
    int hi = n - 1;
    while (hi >= 0) {
      double now = t[order[hi]];
      int lo = hi;
      while (lo > 0 && t[order[lo - 1]] == now) {
        lo--;
      }
      for (int k = lo; k <= hi; k++) {
        int r = order[k];
        if (!e[r]) {
          add(tree, rank[r]);
          inTree++;
        }
      }
      for (int k = lo; k <= hi; k++) {
        int r = order[k];
        if (e[r]) {
          long below = prefix(tree, rank[r] - 1);
          long atOrBelow = prefix(tree, rank[r]);
          comparable += inTree;
          concordant += inTree - atOrBelow; // the survivor was predicted to live longer
          tied += atOrBelow - below;
        }
      }
      for (int k = lo; k <= hi; k++) {
        int r = order[k];
        if (e[r]) {
          add(tree, rank[r]);
          inTree++;
        }
      }
      hi = lo - 1;
    }
    return new Concordance(comparable, concordant, tied, comparable - concordant - tied);
  }

  private static void add(long[] tree, int i) {
    for (; i < tree.length; i += i & -i) {
      tree[i]++;
    }
  }

  private static long prefix(long[] tree, int i) {
    long s = 0;
    for (; i > 0; i -= i & -i) {
      s += tree[i];
    }
    return s;
  }

  /** E.g. {@code Concordance 0.6403 (comparable 48,021: concordant …, tied …, discordant …)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Concordance %s (comparable %s: concordant %s, tied %s, discordant %s)",
        Fmt.p4(index()), Fmt.count(comparable), Fmt.count(concordant), Fmt.count(tied),
        Fmt.count(discordant));
  }
}
