package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.List;

/** Invariants of the survival estimators on random censored data (with many tied times). */
class SurvivalProperties {

  /** Random rows: integer durations 0..30 (so ties are common), about 70% events. */
  record Rows(double[] t, int[] e, double[] score) {}

  private static final Rows[] PICKED = {
      new Rows(new double[] {0}, new int[] {1}, new double[] {0}),
      new Rows(new double[] {3, 1, 2}, new int[] {0, 0, 0}, new double[] {1, 2, 3}),
      new Rows(new double[] {4, 4, 4, 4}, new int[] {1, 1, 1, 1}, new double[] {-1, 1, -1, 1}),
      new Rows(new double[] {0, 0, 5, 5}, new int[] {1, 0, 1, 0}, new double[] {2, 2, 0, 0})};

  /**
   * Random rows (1..60 rows: duration 0..30, an event 7 times in 10, a score -5..5), mixed one
   * time in ten with hand-picked ones: one row, all censored, all tied events.
   */
  private static Rows rows(SplittableRandom r) {
    if (r.nextInt(10) == 0) {
      return PICKED[r.nextInt(PICKED.length)];
    }
    int n = 1 + r.nextInt(60);
    double[] t = new double[n];
    int[] e = new int[n];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextInt(31);
      e[i] = r.nextInt(10) < 7 ? 1 : 0;
      score[i] = r.nextInt(11) - 5;
    }
    return new Rows(t, e, score);
  }

  static Stream<Arguments> rows300() {
    return Cases.random(401L, 300, r -> Arguments.of(rows(r)));
  }

  static Stream<Arguments> rows200() {
    return Cases.random(402L, 200, r -> Arguments.of(rows(r)));
  }

  static Stream<Arguments> rows100() {
    return Cases.random(403L, 100, r -> Arguments.of(rows(r)));
  }

  static Stream<Arguments> rowsAndLevels() {
    return Cases.random(404L, 300, r -> Arguments.of(rows(r), 0.5 + 0.49 * r.nextDouble()));
  }

  static Stream<Arguments> sizes() {
    return Cases.random(405L, 200, r -> Arguments.of(2 + r.nextInt(79)));
  }

  @ParameterizedTest
  @MethodSource("rows300")
  void survivalIsNonIncreasingInUnitInterval(Rows r) {
    KaplanMeier km = KaplanMeier.fit(r.t(), r.e());
    double prev = 1.0;
    for (double s : km.survival()) {
      assertTrue(s >= 0 && s <= prev, () -> Arrays.toString(km.survival()));
      prev = s;
    }
    for (double t = -1; t <= 32; t += 0.5) {
      double s = km.survivalAt(t);
      assertTrue(s >= 0 && s <= 1);
    }
  }

  @ParameterizedTest
  @MethodSource("rowsAndLevels")
  void intervalContainsTheEstimate(Rows r, double level) {
    KaplanMeier km = KaplanMeier.withLevel(level).fit(r.t(), r.e());
    double[] s = km.survival();
    double[] lo = km.lower();
    double[] hi = km.upper();
    for (int j = 0; j < s.length; j++) {
      assertTrue(0 <= lo[j] && lo[j] <= s[j] && s[j] <= hi[j] && hi[j] <= 1,
          "j=" + j + " " + lo[j] + " " + s[j] + " " + hi[j]);
    }
    KaplanMeier.Median m = km.median();
    assertTrue(m.lower() <= m.time() && m.time() <= m.upper());
  }

  @ParameterizedTest
  @MethodSource("rows200")
  void nelsonAalenSurvivalBoundsKaplanMeier(Rows r) {
    // 1 - x <= exp(-x): exp(-H_NA(t)) >= S_KM(t)
    KaplanMeier km = KaplanMeier.fit(r.t(), r.e());
    NelsonAalen na = NelsonAalen.fit(r.t(), r.e());
    for (double t : km.times()) {
      assertTrue(Math.exp(-na.cumulativeHazardAt(t)) >= km.survivalAt(t) - 1e-15);
    }
  }

  @ParameterizedTest
  @MethodSource("rows200")
  void theTimeUnitDoesNotChangeTheCurve(Rows r) {
    double[] weeks = r.t();
    double[] days = Arrays.stream(weeks).map(w -> 7 * w).toArray();
    assertEquals(Arrays.toString(KaplanMeier.fit(weeks, r.e()).survival()),
        Arrays.toString(KaplanMeier.fit(days, r.e()).survival()));
  }

  @ParameterizedTest
  @MethodSource("rows300")
  void concordanceMatchesThePairwiseDefinition(Rows r) {
    Concordance c = Concordance.of(r.t(), r.e(), r.score());
    long comparable = 0;
    long concordant = 0;
    long tied = 0;
    double[] t = r.t();
    int[] e = r.e();
    double[] p = r.score();
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t.length; j++) {
        boolean ok = e[i] == 1 && (t[i] < t[j] || (t[i] == t[j] && e[j] == 0));
        if (ok) {
          comparable++;
          if (p[j] > p[i]) {
            concordant++;
          } else if (p[j] == p[i]) {
            tied++;
          }
        }
      }
    }
    assertEquals(comparable, c.comparable());
    assertEquals(concordant, c.concordant());
    assertEquals(tied, c.tied());
    assertEquals(c.index(), 1 - Concordance.ofRisk(r.t(), r.e(), r.score()).index(), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void concordanceOfPerfectAndReversedOrder(int n) {
    double[] t = new double[n];
    int[] e = new int[n];
    double[] rev = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = (i * 37) % n; // a permutation of 0..n-1 when gcd(37, n) = 1
      e[i] = 1;
    }
    Assumptions.assumeTrue(Arrays.stream(t).distinct().count() == n);
    for (int i = 0; i < n; i++) {
      rev[i] = -t[i];
    }
    assertEquals(1.0, Concordance.index(t, e, t), 0.0);
    assertEquals(0.0, Concordance.index(t, e, rev), 0.0);
  }

  @ParameterizedTest
  @MethodSource("rows200")
  void logRankIsSymmetricInTheGroupOrder(Rows r) {
    String[] g = new String[r.t().length];
    for (int i = 0; i < g.length; i++) {
      g[i] = r.score()[i] < 0 ? "a" : r.score()[i] == 0 ? "b" : "c";
    }
    SurvivalData d = SurvivalData.of(r.t(), r.e(), g);
    List<String> labels = d.groupLabels();
    Assumptions.assumeTrue(labels.size() >= 2 && d.eventCount() > 0);
    LogRank forward;
    try {
      forward = LogRank.test(d, labels.toArray(String[]::new));
    } catch (IllegalArgumentException noInformation) {
      return; // no event time with two groups at risk: nothing to compare
    }
    String[] reversed = labels.reversed().toArray(String[]::new);
    LogRank backward = LogRank.test(d, reversed);
    assertEquals(forward.statistic(), backward.statistic(), 1e-9 * (1 + forward.statistic()));
    assertEquals(forward.degreesOfFreedom(), backward.degreesOfFreedom());
    assertTrue(forward.pValue() >= 0 && forward.pValue() <= 1);
  }

  @ParameterizedTest
  @MethodSource("rows100")
  void coxScoreTestEqualsLogRankWithoutTies(Rows r) {
    // distinct times: rank the durations and break ties by row
    int n = r.t().length;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.t()[i] * 100 + i;
    }
    double[][] x = new double[n][1];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.score()[i] > 0 ? 1 : 0;
      g[i] = r.score()[i] > 0 ? "b" : "a";
    }
    SurvivalData d = SurvivalData.of(t, r.e(), g);
    Assumptions.assumeTrue(d.groupLabels().size() == 2 && d.eventCount() > 0);
    LogRank lr;
    try {
      lr = LogRank.test(d);
    } catch (IllegalArgumentException noInformation) {
      return;
    }
    // the score test does not depend on the fit, which diverges when a group has all the
    // early events (monotone likelihood): evaluate it alone
    ChiSquareTest score = CoxPh.scoreTestAtZero(CoxPh.withDefaults(), x, new String[] {"b"}, d);
    assertEquals(lr.statistic(), score.statistic(), 1e-9 * (1 + lr.statistic()));
  }
}
