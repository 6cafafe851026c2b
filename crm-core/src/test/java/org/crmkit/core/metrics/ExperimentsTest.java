package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExperimentsTest {

  private static final double Z975 = 1.959963984540054;

  // Control 200 of 4000, treatment 248 of 4000. By hand:
  //   p_C = 0.05, p_T = 0.062, d = 0.012
  //   pooled p = 448/8000 = 0.056; SE = sqrt(0.056 * 0.944 * (1/4000 + 1/4000))
  //     = sqrt(0.052864 * 0.0005) = sqrt(2.6432e-5) = 0.00514121
  //   z = 0.012 / 0.00514121 = 2.33408; p = 2 * (1 - Phi(2.33408)) = 0.019591
  //   Wilson 95%: treatment [0.0549387, 0.0699018], control [0.0436671, 0.0571964]
  //   Newcombe: d - sqrt((0.062 - 0.0549387)^2 + (0.0571964 - 0.05)^2) = 0.0019178
  //             d + sqrt((0.0699018 - 0.062)^2 + (0.05 - 0.0436671)^2) = 0.0221264
  //   relative uplift 0.062 / 0.05 - 1 = 0.24
  //   Katz: SE(ln RR) = sqrt(1/248 - 1/4000 + 1/200 - 1/4000) = 0.0923702;
  //     exp(ln 1.24 -/+ 1.96 * 0.0923702) - 1 = [0.034656, 0.486098]
  // (scipy 1.17.1 norm.cdf agrees with every digit above.)
  @Test
  void conversionByHand() {
    ConversionTest t = AbTest.conversion(200, 4000, 248, 4000);
    Comparison c = t.comparison();
    assertEquals(0.012, t.absoluteUplift(), 1e-15);
    assertEquals(0.00514121, c.standardError(), 5e-9);
    assertEquals(2.33408, c.statistic(), 5e-6);
    assertEquals(0.019591, c.pValue(), 5e-7);
    assertEquals(0.0019178, c.interval().lower(), 5e-8);
    assertEquals(0.0221264, c.interval().upper(), 5e-8);
    assertEquals(0.24, t.relativeUplift(), 1e-12);
    assertEquals(0.034656, t.relativeUpliftInterval().lower(), 5e-7);
    assertEquals(0.486098, t.relativeUpliftInterval().upper(), 5e-7);
  }

  // Newcombe (1998), Statistics in Medicine 17, Table II, method 10 (hybrid score interval,
  // no continuity correction), 4 decimals; an independent Python computation of the formula
  // gives the same 4 digits for each. Includes the boundary cases 0/n and n/n.
  @Test
  void newcombeIntervalMatchesThePaper() {
    long[][] cases = {{56, 70, 48, 80}, {9, 10, 3, 10}, {6, 7, 2, 7}, {5, 56, 0, 29},
        {0, 10, 0, 20}, {10, 10, 0, 20}};
    double[][] expected = {{0.0524, 0.3339}, {0.1705, 0.8090}, {0.0582, 0.8062},
        {-0.0381, 0.1926}, {-0.1611, 0.2775}, {0.6791, 1.0000}};
    for (int i = 0; i < cases.length; i++) {
      long[] k = cases[i];
      Interval ci = Proportion.compare(Proportion.of(k[0], k[1]), Proportion.of(k[2], k[3]))
          .interval();
      assertEquals(expected[i][0], ci.lower(), 5e-5, "lower, case " + i);
      assertEquals(expected[i][1], ci.upper(), 5e-5, "upper, case " + i);
    }
  }

  @Test
  void conversionWithoutControlConversionsHasNoRelativeUplift() {
    ConversionTest t = AbTest.conversion(0, 100, 3, 100);
    assertEquals(0.03, t.absoluteUplift(), 1e-15);
    var e = assertThrows(IllegalStateException.class, t::relativeUplift);
    assertTrue(e.getMessage().contains("no conversion"), e.getMessage());
    assertThrows(IllegalStateException.class, t::relativeUpliftInterval);
  }

  // Control {2, 2, 5, 7}, treatment {1, 2, 3, 4.5}: by hand
  //   means 4.0 and 2.625; variances (n - 1): 6.0 and 2.229167
  //   s^2/n: 1.5 and 0.5572917; SE = sqrt(2.0572917) = 1.434326
  //   t = (2.625 - 4.0) / 1.434326 = -0.958638
  //   df = 2.0572917^2 / (1.5^2/3 + 0.5572917^2/3) = 4.232449 / 0.853524 = 4.958789
  // scipy 1.17.1 ttest_ind(equal_var=False): t -0.9586383, p 0.3821135, df 4.958789;
  // 95% CI -1.375 -/+ t_{0.975, 4.9588} * 1.434326 = [-5.071288, 2.321288]
  @Test
  void revenuePerUserWelchByHand() {
    RevenueTest r = AbTest.revenuePerUser(new double[] {2, 2, 5, 7},
        new double[] {1, 2, 3, 4.5});
    Comparison c = r.comparison();
    assertEquals(-1.375, c.difference(), 1e-14);
    assertEquals(1.434326, c.standardError(), 5e-7);
    assertEquals(-0.9586383, c.statistic(), 5e-8);
    assertEquals(4.958789, c.degreesOfFreedom(), 5e-7);
    assertEquals(0.3821135, c.pValue(), 5e-8);
    assertEquals(-5.071288, c.interval().lower(), 5e-7);
    assertEquals(2.321288, c.interval().upper(), 5e-7);
    assertEquals(-1.375 / 4.0, r.relativeUplift(), 1e-14);
    assertTrue(!c.isZ());
  }

  @Test
  void revenueNeedsTwoValuesPerGroupAndFiniteValues() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> AbTest.revenuePerUser(new double[] {1}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AbTest.revenuePerUser(new double[] {1, 2}, new double[] {1, Double.NaN}));
    assertEquals("treatment[1] is NaN", e.getMessage());
  }

  // Baseline 0.10, effect +0.02, alpha 0.05 two-sided, power 0.80. By hand:
  //   p2 = 0.12, pbar = 0.11: sqrt(2 * 0.11 * 0.89) = sqrt(0.1958) = 0.4424929
  //   sqrt(0.10 * 0.90 + 0.12 * 0.88) = sqrt(0.1956) = 0.4422669
  //   z_0.975 = 1.9599640, z_0.80 = 0.8416212
  //   A = 1.9599640 * 0.4424929 + 0.8416212 * 0.4422669 = 0.8672703 + 0.3722211 = 1.2394914
  //   n = A^2 / 0.02^2 = 1.5363390 / 0.0004 = 3840.847 -> 3,841 per group
  @Test
  void sampleSizeByHand() {
    SampleSize s = PowerAnalysis.withDefaults().sampleSize(0.10, 0.02);
    assertEquals(3840.847, s.exact(), 5e-4);
    assertEquals(3841, s.perGroup());
    assertEquals(7682, s.total());
    // the same effect downwards needs the sizes of 0.10 vs 0.08 - not the same number
    assertTrue(PowerAnalysis.withDefaults().sampleSize(0.10, -0.02).perGroup() < 3841);
  }

  // R 4.x stats::power.prop.test help page, examples (3 to 4 digits printed there):
  //   power.prop.test(n = 50, p1 = .50, p2 = .75)       => power = 0.740
  //   power.prop.test(p1 = .50, p2 = .75, power = .90)  => n = 76.7
  //   power.prop.test(n = 50, p1 = .5, power = .90)     => p2 = 0.8026
  @Test
  void matchesPowerPropTestExamples() {
    PowerAnalysis pa = PowerAnalysis.withDefaults();
    assertEquals(0.740, pa.powerAt(0.5, 0.25, 50), 5e-4);
    assertEquals(76.7, pa.withPower(0.9).sampleSize(0.5, 0.25).exact(), 0.05);
    assertEquals(77, pa.withPower(0.9).sampleSize(0.5, 0.25).perGroup());
    assertEquals(0.8026 - 0.5, pa.withPower(0.9).minimumDetectableEffect(0.5, 50), 5e-5);
  }

  @Test
  void minimumDetectableEffectInvertsTheSampleSize() {
    PowerAnalysis pa = PowerAnalysis.withDefaults().withAlpha(0.01).withPower(0.9);
    SampleSize s = pa.sampleSize(0.04, 0.005);
    double mde = pa.minimumDetectableEffect(0.04, Math.round(s.exact()));
    assertEquals(0.005, mde, 1e-5);
    assertEquals(0.9, pa.powerAt(0.04, 0.005, s.perGroup()), 1e-3);
    var e = assertThrows(IllegalArgumentException.class,
        () -> pa.minimumDetectableEffect(0.5, 3));
    assertTrue(e.getMessage().contains("even a rise"), e.getMessage());
  }

  // Means, sigma = 5, delta = 2, alpha 0.05, power 0.8:
  //   n = 2 * (1.959964 + 0.841621)^2 * 25 / 4 = 2 * 7.848879 * 6.25 = 98.111 -> 99
  //   MDE at n = 99: 2.801585 * 5 * sqrt(2/99) = 14.007925 * 0.1421338 = 1.991000
  @Test
  void meansByHand() {
    PowerAnalysis pa = PowerAnalysis.withDefaults();
    SampleSize s = pa.sampleSizeForMeans(5, 2);
    assertEquals(98.111, s.exact(), 5e-4);
    assertEquals(99, s.perGroup());
    assertEquals((Z975 + 0.8416212335729143) * 5 * Math.sqrt(2.0 / 99),
        pa.minimumDetectableEffectForMeans(5, 99), 1e-12);
    assertEquals(1.991000, pa.minimumDetectableEffectForMeans(5, 99), 5e-7);
  }

  @Test
  void badPowerInputsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> PowerAnalysis.withDefaults().withAlpha(1.5));
    assertEquals("alpha must be in (0, 1): 1.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PowerAnalysis.withDefaults().sampleSize(0.95, 0.1));
    assertTrue(e.getMessage().contains("1.05"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PowerAnalysis.withDefaults().sampleSize(0.0, 0.1));
    assertEquals("baseline rate must be in (0, 1): 0.0", e.getMessage());
  }
}
