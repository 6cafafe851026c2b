package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NelsonAalenTest {

  // ORACLES.md "Survival": waltons H(30/50/60/75), 5 decimals published. These are the classic
  // d/n increments (R survfit cumhaz; lifelines with nelson_aalen_smoothing=False).
  @Test
  void waltonsCumulativeHazardMatches() {
    NelsonAalen na = NelsonAalen.fit(SurvivalFixtures.waltons());
    assertEquals(0.18732, na.cumulativeHazardAt(30), 5e-6);
    assertEquals(0.47260, na.cumulativeHazardAt(50), 5e-6);
    assertEquals(1.09393, na.cumulativeHazardAt(60), 5e-6);
    assertEquals(3.92349, na.cumulativeHazardAt(75), 5e-6);
  }

  // lifelines' default (smoothed) estimate on the same data differs where events tie:
  // recomputed with numpy, sum over tied events of 1/(n - i).
  @Test
  void smoothedEstimateIsLifelinesDefault() {
    NelsonAalen na = NelsonAalen.withDefaults().withEstimator(NelsonAalen.Estimator.SMOOTHED)
        .fit(SurvivalFixtures.waltons());
    assertEquals(0.18903686658342939, na.cumulativeHazardAt(30), 1e-12);
    assertEquals(5.02133702953677, na.cumulativeHazardAt(75), 1e-12);
  }

  @Test
  void incrementsAndVariancesFollowTheFormulas() {
    // times 1, 2, 2, 2c, 5: n = 5, 4, 1
    double[] t = {1, 2, 2, 2, 5};
    int[] e = {1, 1, 1, 0, 1};
    NelsonAalen classic = NelsonAalen.fit(t, e);
    assertArrayEquals(new double[] {0.2, 0.2 + 0.5, 0.2 + 0.5 + 1.0},
        classic.cumulativeHazard(), 1e-15);
    assertArrayEquals(new double[] {4.0 / 125, 4.0 / 125 + 2.0 * 2 / 64,
        4.0 / 125 + 4.0 / 64 + 0.0}, classic.variance(), 1e-15);
    NelsonAalen smooth = NelsonAalen.withDefaults()
        .withEstimator(NelsonAalen.Estimator.SMOOTHED).fit(t, e);
    assertEquals(0.2 + 1.0 / 4 + 1.0 / 3, smooth.cumulativeHazardAt(2), 1e-15);
    assertEquals(1.0 / 25 + 1.0 / 16 + 1.0 / 9, smooth.varianceAt(2), 1e-15);
    assertEquals(0.0, classic.cumulativeHazardAt(0.5), 0.0);
    assertEquals(0.0, classic.lowerAt(0.5), 0.0);
    double h = classic.cumulativeHazardAt(1);
    double f = Math.exp(1.959963984540054 * Math.sqrt(4.0 / 125) / h);
    assertEquals(h / f, classic.lowerAt(1), 1e-12);
    assertEquals(h * f, classic.upperAt(1), 1e-12);
  }

  @Test
  void estimatorsAgreeWithoutTies() {
    double[] t = {3, 1, 4, 1.5, 9, 2.6};
    int[] e = {1, 0, 1, 1, 0, 1};
    assertArrayEquals(NelsonAalen.fit(t, e).cumulativeHazard(),
        NelsonAalen.withDefaults().withEstimator(NelsonAalen.Estimator.SMOOTHED).fit(t, e)
            .cumulativeHazard(), 1e-15);
  }

  @Test
  void toStringNamesTheEstimator() {
    String s = NelsonAalen.fit(SurvivalFixtures.waltons()).toString();
    assertTrue(s.startsWith("Nelson-Aalen (classic): 163 subjects, 156 events, 95% CI"), s);
  }
}
