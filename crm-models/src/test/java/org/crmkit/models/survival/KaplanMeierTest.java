package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  // ORACLES.md "Survival", g3 (lifelines test suite, checked against R survfit, conf.type
  // "log-log"). RIT group: published to 3 decimals.
  @Test
  void g3RitGroupMatchesR() {
    KaplanMeier km = KaplanMeier.fit(SurvivalFixtures.g3().group("RIT"));
    assertEquals(0.909, km.survivalAt(25), 5e-4);
    assertEquals(0.779, km.survivalAt(53), 5e-4);
  }

  @Test
  void g3ControlGroupEstimatesAndLogLogIntervalsMatchR() {
    KaplanMeier km = KaplanMeier.fit(SurvivalFixtures.g3().group("Control"));
    double[] t = {9, 19, 32, 34};
    double[] s = {0.8333, 0.6667, 0.5, 0.3333};         // 4 decimals published
    double[] lower = {0.2731, 0.1946, 0.1109, 0.0461};  // 4 decimals published
    double[] upper = {0.975, 0.904, 0.804, 0.676};      // 3 decimals published
    for (int i = 0; i < t.length; i++) {
      assertEquals(s[i], km.survivalAt(t[i]), 5e-5, "S(" + t[i] + ")");
      assertEquals(lower[i], km.lowerAt(t[i]), 5e-5, "lower(" + t[i] + ")");
      assertEquals(upper[i], km.upperAt(t[i]), 5e-4, "upper(" + t[i] + ")");
    }
  }

  // ORACLES.md: waltons S(30), S(50), S(60) published to 5 decimals; medians exact.
  @Test
  void waltonsSurvivalAndMediansMatchLifelines() {
    SurvivalData w = SurvivalFixtures.waltons();
    KaplanMeier km = KaplanMeier.fit(w);
    assertEquals(0.82722, km.survivalAt(30), 5e-6);
    assertEquals(0.61682, km.survivalAt(50), 5e-6);
    assertEquals(0.31152, km.survivalAt(60), 5e-6);
    assertEquals(56.0, km.median().time(), 0.0);
    Map<String, KaplanMeier> byGroup = KaplanMeier.fitByGroup(w);
    assertEquals(58.0, byGroup.get("control").median().time(), 0.0);
    assertEquals(26.0, byGroup.get("miR-137").median().time(), 0.0);
  }

  // Recomputed independently (numpy, the same Greenwood/log(-log) formulas, first time each
  // confidence curve is <= 0.5, as lifelines' median_survival_times(confidence_interval_)).
  @Test
  void medianIntervalsComeFromTheConfidenceCurves() {
    KaplanMeier.Median all = KaplanMeier.fit(SurvivalFixtures.waltons()).median();
    assertEquals(53.0, all.lower(), 0.0);
    assertEquals(58.0, all.upper(), 0.0);
    KaplanMeier.Median mir = KaplanMeier.fit(SurvivalFixtures.waltons().group("miR-137")).median();
    assertEquals(19.0, mir.lower(), 0.0);
    assertEquals(29.0, mir.upper(), 0.0);
    assertEquals(0.95, mir.level(), 0.0);
  }

  // ORACLES.md: dd KM median 4.0 years; democracies 3, non-democracies 6 (exact).
  @Test
  void ddMediansMatchLifelines() {
    SurvivalData dd = SurvivalFixtures.dd();
    assertEquals(1808, dd.size());
    assertEquals(4.0, KaplanMeier.fit(dd).median().time(), 0.0);
    assertEquals(3.0, KaplanMeier.fit(dd.group("Democracy")).median().time(), 0.0);
    assertEquals(6.0, KaplanMeier.fit(dd.group("Non-democracy")).median().time(), 0.0);
    // recomputed (numpy): interval of the overall median [3, 4]
    assertEquals(3.0, KaplanMeier.fit(dd).median().lower(), 0.0);
    assertEquals(4.0, KaplanMeier.fit(dd).median().upper(), 0.0);
  }

  @Test
  void lifeTableCountsRiskEventsAndCensoring() {
    // times 1, 2, 2, 2c, 3c, 5: censored at 2 is at risk at 2
    KaplanMeier km = KaplanMeier.fit(new double[] {2, 1, 2, 2, 3, 5}, new int[] {1, 1, 1, 0, 0, 1});
    assertArrayEquals(new double[] {1, 2, 3, 5}, km.times(), 0.0);
    assertArrayEquals(new int[] {6, 5, 2, 1}, km.atRisk());
    assertArrayEquals(new int[] {1, 2, 0, 1}, km.events());
    assertArrayEquals(new int[] {0, 1, 1, 0}, km.censored());
    double s1 = 5.0 / 6;
    double s2 = s1 * 3.0 / 5;
    assertArrayEquals(new double[] {s1, s2, s2, 0.0}, km.survival(), 1e-15);
    // Greenwood: S^2 * (1/(6*5) + 2/(5*3))
    assertEquals(s2 * s2 * (1.0 / 30 + 2.0 / 15), km.varianceAt(2.5), 1e-15);
    assertEquals(Math.sqrt(s2 * s2 * (1.0 / 30 + 2.0 / 15)), km.standardErrors()[1], 1e-15);
    // step function: right-continuous, 1 before the first event, last value after the end
    assertEquals(1.0, km.survivalAt(0.999), 0.0);
    assertEquals(s1, km.survivalAt(1.0), 0.0);
    assertEquals(s1, km.survivalAt(1.999), 0.0);
    assertEquals(0.0, km.survivalAt(100), 0.0);
    assertEquals(1.0, km.survivalAt(-5), 0.0);
    // S = 0: interval [0, 0]; S = 1: [1, 1]
    assertEquals(0.0, km.lowerAt(5), 0.0);
    assertEquals(0.0, km.upperAt(5), 0.0);
    assertEquals(1.0, km.lowerAt(0.5), 0.0);
    assertEquals(1.0, km.upperAt(0.5), 0.0);
    assertEquals(5.0, km.timeAtSurvival(0.3), 0.0);
    assertEquals(2.0, km.median().time(), 0.0);
  }

  @Test
  void medianIsInfiniteWhenSurvivalStaysAboveHalf() {
    KaplanMeier km = KaplanMeier.fit(new double[] {1, 2, 3, 4}, new int[] {1, 0, 0, 0});
    assertEquals(Double.POSITIVE_INFINITY, km.median().time(), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, km.median().upper(), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, km.timeAtSurvival(0.5), 0.0);
  }

  @Test
  void levelChangesOnlyTheIntervals() {
    SurvivalData c = SurvivalFixtures.g3().group("Control");
    KaplanMeier k95 = KaplanMeier.fit(c);
    KaplanMeier k80 = KaplanMeier.withLevel(0.80).fit(c);
    assertArrayEquals(k95.survival(), k80.survival(), 0.0);
    for (int j = 0; j < 4; j++) {
      assertEquals(true, k80.lower()[j] >= k95.lower()[j] && k80.upper()[j] <= k95.upper()[j]);
    }
    assertEquals(0.8, k80.level(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withLevel(1.0));
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withLevel(Double.NaN));
  }

  @Test
  void arraysAreCopiedOut() {
    KaplanMeier km = KaplanMeier.fit(new double[] {1, 2}, new int[] {1, 1});
    km.survival()[0] = 42;
    km.times()[0] = 42;
    assertEquals(0.5, km.survivalAt(1), 0.0);
  }

  @Test
  void toStringIsACompactTable() {
    KaplanMeier km = KaplanMeier.fit(SurvivalFixtures.g3().group("Control"));
    String expected = """
        Kaplan-Meier: 6 subjects, 4 events, median 32 (95% CI 9, inf)
          time  at risk  events  censored  survival   lower   upper
             9        6       1         0    0.8333  0.2731  0.9747
            19        5       1         0    0.6667  0.1946  0.9044
            32        4       1         0    0.5000  0.1109  0.8037
            34        3       1         0    0.3333  0.0461  0.6756
            48        2       0         1    0.3333  0.0461  0.6756
            50        1       0         1    0.3333  0.0461  0.6756""";
    assertEquals(expected, km.toString());
  }

  @Test
  void longTablesAreCut() {
    double[] t = new double[30];
    int[] e = new int[30];
    for (int i = 0; i < 30; i++) {
      t[i] = i + 1;
      e[i] = 1;
    }
    String s = KaplanMeier.fit(t, e).toString();
    assertEquals(true, s.endsWith("… 10 more"), s);
  }

  @Test
  void nanTimeIsRejected() {
    KaplanMeier km = KaplanMeier.fit(new double[] {1}, new int[] {1});
    assertThrows(IllegalArgumentException.class, () -> km.survivalAt(Double.NaN));
  }
}
