package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.crmkit.core.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.model.FitReport;

class BgNbdTest {

  /** Fitted once: CDNOW sample, weeks, summaries built from the transactions. */
  static final BgNbd FIT = BgNbd.fit(Cdnow.weeks());

  /** BTYD 2.4.3 bgnbd.EstimateParameters on the CDNOW sample (ORACLES.md). */
  static final BgNbd BTYD = BgNbd.of(0.2425982, 4.4136842, 0.7929899, 2.4261667, ChronoUnit.WEEKS);

  /** The rounded estimates of Fader, Hardie & Lee (2005). */
  static final BgNbd PAPER = BgNbd.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);

  @Test
  void fitMatchesPublishedEstimates() {
    // LL from the transactions: -9582.4292 (ORACLES "CDNOW conventions").
    assertEquals(-9582.4292, FIT.logLikelihood(), 1e-4);
    assertTrue(FIT.fitReport().converged(), FIT::toString);
    // BTYD stopped a little short of the maximum (its LL at its estimates is lower than ours),
    // so its 7 digits agree to about 1e-3 standard errors: 1e-5 for r, 1e-4 for α and a, and
    // 5e-4 for b (standard error 0.705).
    assertEquals(0.2425982, FIT.r(), 1e-5);
    assertEquals(4.4136842, FIT.alpha(), 2e-4);
    assertEquals(0.7929899, FIT.a(), 1e-4);
    assertEquals(2.4261667, FIT.b(), 5e-4);
    assertTrue(FIT.logLikelihood() >= BTYD.logLikelihood(Cdnow.weeks().compress()));
    assertEquals(-9582.4292, BTYD.logLikelihood(Cdnow.weeks().compress()), 1e-4);
  }

  @Test
  void csvInputGivesItsOwnLogLikelihoodAndLifetimesStandardErrors() {
    // ORACLES: -9582.4256 on the 2-decimal CSV; lifetimes' standard errors on the CSV, 6 digits.
    BgNbd csv = BgNbd.fit(Cdnow.csv());
    assertEquals(-9582.4256, csv.logLikelihood(), 1e-4);
    Map<String, Double> se = csv.standardErrors();
    assertEquals(0.012557, se.get("r"), 1e-6);
    assertEquals(0.378221, se.get("alpha"), 1e-6);
    assertEquals(0.185719, se.get("a"), 1e-6);
    assertEquals(0.705345, se.get("b"), 1e-6);
  }

  @Test
  void standardErrorsFromTransactionsAgreeWithCsvOnesToThreeDigits() {
    Map<String, Double> se = FIT.standardErrors();
    assertEquals(0.012557, se.get("r"), 1e-5);
    assertEquals(0.378221, se.get("alpha"), 1e-3);
    assertEquals(0.185719, se.get("a"), 1e-3);
    assertEquals(0.705345, se.get("b"), 1e-3);
    assertEquals(2 * 4 + 2 * 9582.4292, FIT.aic(), 1e-3);
    assertEquals(4 * Math.log(2357) + 2 * 9582.4292, FIT.bic(), 1e-3);
  }

  @Test
  void unconditionalExpectation() {
    // BTYD: E[X(52)] = 1.444004 at its estimates.
    assertEquals(1.444004, BTYD.expectedPurchases(52), 1e-6);
    assertEquals(1.444004, BTYD.expectedPurchases(Period.ofWeeks(52)), 1e-6);
    assertEquals(1.444004, FIT.expectedPurchases(52), 1e-4);
    // ORACLES, 4 decimals, at t = 0.1429, 1, 3, 31.8571, 32.
    double[] t = {0.1429, 1, 3, 31.8571, 32};
    double[] e = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437};
    for (int i = 0; i < t.length; i++) {
      assertEquals(e[i], BTYD.expectedPurchases(t[i]), 5e-5, "t=" + t[i]);
    }
    // ORACLES lists 1.8576 at t = 78; the formula gives 1.85794 at the BTYD, the paper's and our
    // estimates alike, and mpmath 1.3.0 (hyp2f1 at 30 digits) agrees: 1.85794188 at BTYD's.
    assertEquals(1.85794188, BTYD.expectedPurchases(78), 1e-8);
  }

  @Test
  void conditionalExpectationAndPAlive() {
    // x=2, t_x=30.43, T=38.86: CET(39) = 1.226 (3 decimals).
    assertEquals(1.226, FIT.conditionalExpectedPurchases(2, 30.43, 38.86, 39), 5e-4);
    // Customer 1516: CET(52) = 25.75659, P(alive) = 0.9688523 (BTYD).
    assertEquals(25.75659, BTYD.conditionalExpectedPurchases(26, 30.857143, 31, 52), 1e-4);
    assertEquals(0.9688523, BTYD.probabilityAlive(26, 30.857143, 31), 1e-6);
    // t_x = 20, T = 39, horizon 52: more purchases at the same recency, lower expectation.
    int[] x = {10, 15, 20, 25};
    double[] cet = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
    for (int i = 0; i < x.length; i++) {
      assertEquals(cet[i], BTYD.conditionalExpectedPurchases(x[i], 20, 39, 52), 1e-5 * cet[i],
          "x=" + x[i]);
    }
  }

  @Test
  void probabilityOfPurchasesAtThePapersEstimates() {
    assertEquals(1.07869e-07, PAPER.probabilityOfPurchases(10, 2), 1e-12);
    assertEquals(0.5737864, PAPER.probabilityOfPurchases(0, 39), 1e-7);
    double[] p = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
        0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
    for (int n = 11; n <= 20; n++) {
      assertEquals(p[n - 11], PAPER.probabilityOfPurchases(n, 30), 1e-10, "n=" + n);
    }
  }

  @Test
  void holdoutConditionalExpectationByCalibrationFrequency() {
    var ch = Cdnow.calibrationHoldout();
    CustomerSummaries cal = ch.calibration();
    assertEquals(39.0, ch.holdoutLength(), 1e-12);
    // The per-bin model values are BTYD's (at its estimates); the total was recomputed at the MLE.
    double[] cet = BTYD.conditionalExpectedPurchases(cal, ch.holdoutLength());
    double[] cetFit = FIT.conditionalExpectedPurchases(cal, ch.holdoutLength());
    int[] size = new int[8];
    double[] actual = new double[8];
    double[] model = new double[8];
    double total = 0;
    for (int i = 0; i < cal.size(); i++) {
      int bin = Math.min(cal.x(i), 7);
      size[bin]++;
      actual[bin] += ch.holdoutPurchases(i);
      model[bin] += cet[i];
      total += cetFit[i];
    }
    assertEquals(1653.41, total, 0.01);
    int[] sizes = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] act = {0.2367, 0.6970, 1.3925, 1.5600, 2.5323, 2.9474, 3.8621, 6.3594};
    double[] mod = {0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.5040, 6.1570};
    for (int b = 0; b < 8; b++) {
      assertEquals(sizes[b], size[b], "bin " + b);
      assertEquals(act[b], actual[b] / size[b], 5e-5, "actual, bin " + b);
      assertEquals(mod[b], model[b] / size[b], 5e-5, "model, bin " + b);
    }
  }

  @Test
  void numericalStressCases() {
    BgNbd m = BgNbd.of(0.25, 4, 0.8, 2.5, ChronoUnit.WEEKS);
    assertEquals(-0.59947382, m.logLikelihood(0, 0, 40), 1e-8);
    assertEquals(100.7957, m.logLikelihood(200, 38, 40), 1e-4);
    assertEquals(0.0, BTYD.probabilityAlive(1000, 10, 100));
    assertEquals(0.0, m.probabilityAlive(1000, 10, 100));
    assertEquals(0.0, m.conditionalExpectedPurchases(1000, 10, 100, 52));
    // mpmath 1.3.0 at 40 digits (formula of FHL 2005 eq. 10): 31.123654349716869
    assertEquals(31.123654349716869, m.conditionalExpectedPurchases(1000, 99, 100, 52), 1e-9);
  }

  @Test
  void goldenToString() {
    String expected = String.join(System.lineSeparator(),
        "BG/NBD fit: 2,357 customers, unit WEEKS, converged (" + FIT.fitReport().iterations()
            + " iterations)",
        "  param  estimate  std.err",
        "  r        0.2426   0.0126",
        "  alpha    4.4136   0.3782",
        "  a        0.7929   0.1857",
        "  b        2.4259   0.7054",
        "  log-likelihood -9582.43   AIC 19172.86");
    assertEquals(expected, FIT.toString());
    assertEquals("BG/NBD model (parameters given, unit WEEKS): r 0.2430, alpha 4.4140, "
        + "a 0.7930, b 2.4260", PAPER.toString());
    assertTrue(FIT.fitReport().toString().startsWith("FitReport: converged ("));
  }

  @Test
  void stateRoundTrip() {
    ModelState s = FIT.state();
    assertEquals("BG/NBD", s.model());
    assertEquals(ChronoUnit.WEEKS, s.unit());
    assertEquals(List.of("r", "alpha", "a", "b"), List.copyOf(s.parameters().keySet()));
    BgNbd back = BgNbd.from(s);
    assertEquals(FIT.toString(), back.toString());
    assertEquals(FIT.standardErrors(), back.standardErrors());
    assertEquals(s, back.state());
    BgNbd given = BgNbd.from(PAPER.state());
    assertFalse(given.isFitted());
    assertThrows(IllegalStateException.class, given::logLikelihood);
    assertThrows(IllegalArgumentException.class, () -> MbgNbd.from(s));
  }

  @Test
  void badInputNamesTheValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> FIT.probabilityAlive(2, 40, 39));
    assertTrue(e.getMessage().contains("t_x (40.0) must not exceed T (39.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FIT.probabilityAlive(-1, 0, 39));
    assertTrue(e.getMessage().contains("x must be >= 0: -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FIT.conditionalExpectedPurchases(1, 2, Double.NaN, 10));
    assertTrue(e.getMessage().contains("T must be finite and >= 0: NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FIT.expectedPurchases(-1));
    assertTrue(e.getMessage().contains("horizon t must be finite and >= 0: -1.0"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbd.of(0.2, 4, -1, 2,
        ChronoUnit.WEEKS));
    assertTrue(e.getMessage().contains("a must be finite and > 0: -1.0"), e.getMessage());
    // Tables are checked when the summaries are built, naming the customer.
    e = assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(CustomerSummaries.ofColumns(
        new String[] {"C1", "C2"}, new int[] {1, 2}, new double[] {3, 50}, new double[] {10, 40},
        ChronoUnit.WEEKS)));
    assertTrue(e.getMessage().contains("customer 'C2'") && e.getMessage().contains("50.0"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(CustomerSummaries.ofColumns(
        new String[] {"C1"}, new int[] {-3}, new double[] {0}, new double[] {10},
        ChronoUnit.WEEKS)));
    assertTrue(e.getMessage().contains("customer 'C1'") && e.getMessage().contains("-3"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(CustomerSummaries.ofColumns(
        new String[] {"C1"}, new int[] {1}, new double[] {Double.POSITIVE_INFINITY},
        new double[] {10}, ChronoUnit.WEEKS)));
    assertTrue(e.getMessage().contains("customer 'C1'") && e.getMessage().contains("Infinity"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(CustomerSummaries.ofColumns(
        new String[0], new int[0], new double[0], new double[0], ChronoUnit.WEEKS)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void aFitThatRunsOutOfIterationsSaysSo() {
    BgNbd short1 = BgNbd.withDefaults().withMaxEvaluations(10).withMaxIterations(1)
        .fit(Cdnow.weeks());
    assertFalse(short1.fitReport().converged());
    assertTrue(short1.toString().contains("NOT CONVERGED"), short1::toString);
    assertTrue(short1.fitReport().toString().contains("NOT CONVERGED"));
    assertFalse(short1.fitReport().warnings().isEmpty());
  }

  @Test
  void penaltyShrinksTheLogParameters() {
    BgNbd p = BgNbd.withDefaults().withPenalty(50).fit(Cdnow.weeks());
    assertTrue(p.fitReport().converged(), p::toString);
    assertTrue(p.logLikelihood() < FIT.logLikelihood());
    assertEquals(50, p.fitReport().penalty());
    assertTrue(p.toString().contains("L2 penalty"), p::toString);
  }

  @Test
  void daysAndWeeksFitAlike() {
    BgNbd days = BgNbd.fit(Cdnow.days());
    assertEquals(ChronoUnit.DAYS, days.unit());
    assertEquals(FIT.r(), days.r(), 1e-7);
    assertEquals(FIT.alpha() * 7, days.alpha(), 1e-5);
    assertEquals(FIT.a(), days.a(), 1e-6);
    assertEquals(FIT.b(), days.b(), 1e-5);
    // LL in days = LL in weeks − Σx ln 7 (the density of purchase times is per day).
    assertEquals(FIT.logLikelihood() - 2457 * Math.log(7), days.logLikelihood(), 1e-6);
    assertEquals(FIT.expectedPurchases(Period.ofWeeks(52)),
        days.expectedPurchases(Period.ofWeeks(52)), 1e-6);
    double[] pw = FIT.probabilityAlive(Cdnow.weeks());
    double[] pd = days.probabilityAlive(Cdnow.days());
    for (int i = 0; i < pw.length; i++) {
      assertEquals(pw[i], pd[i], 1e-6);
    }
    // a weekly model predicts for daily summaries (times converted)
    double[] cw = FIT.conditionalExpectedPurchases(Cdnow.weeks(), 39);
    double[] cd = FIT.conditionalExpectedPurchases(Cdnow.days(), 39);
    for (int i = 0; i < cw.length; i++) {
      assertEquals(cw[i], cd[i], 1e-12);
    }
  }
}
