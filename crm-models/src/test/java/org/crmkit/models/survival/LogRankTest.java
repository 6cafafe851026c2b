package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class LogRankTest {

  // ORACLES.md: waltons miR-137 vs control chi-square 122.249 (3 decimals published)
  @Test
  void waltonsMatchesLifelines() {
    LogRank lr = LogRank.test(SurvivalFixtures.waltons(), "miR-137", "control");
    assertEquals(122.249, lr.statistic(), 5e-4);
    assertEquals(1, lr.degreesOfFreedom());
    assertEquals(List.of("miR-137", "control"), lr.groups());
    assertEquals(34, lr.observed()[0], 0.0);
    assertEquals(122, lr.observed()[1], 0.0);
    // recomputed (numpy): expected events 7.07551, 148.92449
    assertEquals(7.075510273, lr.expected()[0], 1e-8);
    // p from the chi-square(1) tail, far below what 1 - cdf can represent: erfc(sqrt(x/2)),
    // recomputed with Python's math.erfc: 2.03598322228558e-28
    assertEquals(2.03598322228558e-28, lr.pValue(), 1e-38);
  }

  // ORACLES.md: dd democracy vs not, 260.47 (2 decimals published)
  @Test
  void ddDemocracyMatchesLifelines() {
    LogRank lr = LogRank.test(SurvivalFixtures.dd());
    assertEquals(260.47, lr.statistic(), 5e-3);
    assertEquals(1, lr.degreesOfFreedom());
  }

  // k groups: dd by regime (6 groups). Recomputed with numpy (pseudo-inverse of V): 322.59908.
  @Test
  void ddRegimesKGroups() {
    SurvivalFixtures.Csv c = SurvivalFixtures.read("dd.csv");
    SurvivalData byRegime = SurvivalData.of(c.doubles("duration"), c.flags("observed"),
        c.strings("regime"));
    LogRank lr = LogRank.test(byRegime);
    assertEquals(6, lr.groups().size());
    assertEquals(5, lr.degreesOfFreedom());
    assertEquals(322.59907792069856, lr.statistic(), 1e-8);
    double sumO = 0;
    double sumE = 0;
    for (int g = 0; g < 6; g++) {
      sumO += lr.observed()[g];
      sumE += lr.expected()[g];
    }
    assertEquals(sumO, sumE, 1e-9);
  }

  @Test
  void twoArrayFormEqualsGroupedForm() {
    SurvivalData w = SurvivalFixtures.waltons();
    SurvivalData a = w.group("miR-137");
    SurvivalData b = w.group("control");
    LogRank arrays = LogRank.test(a.durations(), a.events(), b.durations(), b.events());
    assertEquals(LogRank.test(w, "miR-137", "control").statistic(), arrays.statistic(), 1e-9);
    assertEquals(List.of("A", "B"), arrays.groups());
  }

  @Test
  void pValueIsTheChiSquareUpperTail() {
    for (double x : new double[] {0.1, 1, 3.84, 10, 20}) {
      for (int df = 1; df <= 5; df++) {
        assertEquals(1 - new ChiSquaredDistribution(df).cumulativeProbability(x),
            SurvivalMath.chiSquareSf(x, df), 1e-12);
      }
    }
  }

  @Test
  void identicalGroupsGiveZero() {
    double[] t = {1, 2, 3, 4, 1, 2, 3, 4};
    int[] e = {1, 1, 0, 1, 1, 1, 0, 1};
    String[] g = {"a", "a", "a", "a", "b", "b", "b", "b"};
    LogRank lr = LogRank.test(SurvivalData.of(t, e, g));
    assertEquals(0.0, lr.statistic(), 1e-12);
    assertEquals(1.0, lr.pValue(), 1e-12);
  }

  @Test
  void badGroupsAreNamed() {
    SurvivalData w = SurvivalFixtures.waltons();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogRank.test(w, "control", "placebo"));
    assertTrue(e.getMessage().contains("'placebo' has no rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LogRank.test(w, "control"));
    assertThrows(IllegalArgumentException.class, () -> LogRank.test(w, "control", "control"));
    assertThrows(IllegalStateException.class,
        () -> LogRank.test(SurvivalData.of(new double[] {1}, new int[] {1})));
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> LogRank.test(new double[] {1, 2}, new int[] {1, 1}, new double[] {1, Double.NaN},
            new int[] {1, 0}));
    assertTrue(b.getMessage().startsWith("group B: row 2: duration"), b.getMessage());
    // no information: no event at all
    assertThrows(IllegalArgumentException.class, () -> LogRank.test(new double[] {1, 2},
        new int[] {0, 0}, new double[] {1, 3}, new int[] {0, 0}));
  }

  @Test
  void toStringShowsTheTable() {
    String s = LogRank.test(SurvivalFixtures.waltons(), "miR-137", "control").toString();
    assertEquals("""
        Log-rank test: 2 groups, chi-square 122.2 on 1 df, p 2.04e-28
          group      n  observed  expected
          miR-137   34        34     7.076
          control  129       122     148.9""", s);
  }
}
