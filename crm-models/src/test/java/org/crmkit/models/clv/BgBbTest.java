package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.junit.jupiter.api.Test;

class BgBbTest {

  static final WeightedSummaries DONATIONS = Donations.weighted();

  /** Fitted once to the donations table. */
  static final BgBb FIT = BgBb.fit(DONATIONS);

  /** The rounded estimates of Fader, Hardie &amp; Shang (2010), table 2. */
  static final BgBb PAPER = BgBb.of(1.204, 0.750, 0.657, 2.783);

  @Test
  void fitMatchesPublishedEstimates() {
    assertTrue(FIT.fitReport().converged(), FIT::toString);
    // ORACLES "BG/BB": 3 decimals published (FHS 2010); half a unit of the last digit.
    assertEquals(1.204, FIT.alpha(), 5e-4);
    assertEquals(0.750, FIT.beta(), 5e-4);
    assertEquals(0.657, FIT.gamma(), 5e-4);
    assertEquals(2.783, FIT.delta(), 5e-4);
    // LL −33225.58, 2 decimals.
    assertEquals(-33225.58, FIT.logLikelihood(), 5e-3);
    // Recomputed: scipy 1.17.1 BFGS on the same likelihood reaches LL −33225.581274 at
    // (1.2035223, 0.74971635, 0.65671831, 2.78344279); our maximum must be as high.
    assertEquals(-33225.581274, FIT.logLikelihood(), 1e-5);
    assertEquals(1.2035223, FIT.alpha(), 2e-5);
    assertEquals(2.78344279, FIT.delta(), 2e-4);
  }

  @Test
  void standardErrorsAgreeWithAFiniteDifferenceHessian() {
    // Recomputed: inverse of a central-difference Hessian (h = 1e-4 on ln θ) of scipy's
    // log-likelihood at the MLE, delta method; 3 significant digits.
    Map<String, Double> se = FIT.standardErrors();
    assertEquals(0.06939, se.get("alpha"), 1e-4);
    assertEquals(0.02945, se.get("beta"), 5e-5);
    assertEquals(0.05101, se.get("gamma"), 1e-4);
    assertEquals(0.3208, se.get("delta"), 5e-4);
    assertEquals(8 + 2 * 33225.581274, FIT.aic(), 1e-4);
    assertEquals(4 * Math.log(11104) + 2 * 33225.581274, FIT.bic(), 1e-4);
  }

  @Test
  void publishedPredictions() {
    // BTYD's demo values (ORACLES "BG/BB") were computed at BTYD's own estimates, which stop a
    // little short of the maximum; at ours E[X(10)] differs by 2.4e-5 (the scipy recomputation
    // at the MLE gives 3.179829), so the tolerances are 1e-5 relative for E[X(10)], 2e-5
    // relative for the CETs and 0.05 for the 1-decimal total.
    assertEquals(3.179805, FIT.expectedTransactions(10), 3.179805 * 1e-5);
    assertEquals(0.1302169, FIT.conditionalExpectedTransactions(0, 0, 6, 10), 0.1302169 * 2e-5);
    assertEquals(3.627858, FIT.conditionalExpectedTransactions(4, 5, 6, 10), 3.627858 * 4e-5);
    double[] cet = FIT.conditionalExpectedTransactions(DONATIONS, 5);
    double total = 0;
    for (int i = 0; i < cet.length; i++) {
      total += DONATIONS.weight(i) * cet[i];
    }
    assertEquals(12884.2, total, 0.05);
    // P(alive in 2002): the data cover the opportunities 1996..2001 (n = 6), so 2002 is
    // opportunity n + 1 (m = 1). 2 decimals published.
    assertEquals(0.11, FIT.probabilityAlive(0, 0, 6, 1), 0.005);
    assertEquals(0.59, FIT.probabilityAlive(2, 4, 6, 1), 0.005);
    assertEquals(0.93, FIT.probabilityAlive(6, 6, 6, 1), 0.005);
  }

  @Test
  void formulasAtThePapersEstimatesAgreeWithAnIndependentComputation() {
    // Recomputed with mpmath 1.3.0 at 30 digits from FHS 2010 eqs. 8 and 13 as printed (not the
    // rearranged forms used here), at (1.204, 0.750, 0.657, 2.783).
    assertEquals(3.1788543264922887, PAPER.expectedTransactions(10), 1e-12);
    assertEquals(170.50195654010948, PAPER.expectedTransactions(100_000), 1e-8);
    assertEquals(0.13010379141284863, PAPER.conditionalExpectedTransactions(0, 0, 6, 10), 1e-13);
    assertEquals(3.6270771251400322, PAPER.conditionalExpectedTransactions(4, 5, 6, 10), 1e-12);
    // scipy 1.17.1 (betaln), eq. 11 with m = 1
    assertEquals(0.1080165841686742, PAPER.probabilityAlive(0, 0, 6, 1), 1e-12);
    assertEquals(0.5895141164336981, PAPER.probabilityAlive(2, 4, 6, 1), 1e-12);
    assertEquals(0.9304025423728814, PAPER.probabilityAlive(6, 6, 6, 1), 1e-12);
    assertEquals(1.0, PAPER.probabilityAlive(6, 6, 6, 0), 1e-15);
    // scipy 1.17.1, eq. 7: P(X(6) = x), x = 0..6, and P(X(10) = 3)
    double[] pmf = {0.3112177432638496, 0.17010997840651473, 0.12148051376687112,
        0.10026311502480371, 0.09165985342492183, 0.09248114790529242, 0.11278764820774681};
    for (int x = 0; x <= 6; x++) {
      assertEquals(pmf[x], PAPER.probabilityOfTransactions(x, 6), 1e-13, "x=" + x);
    }
    assertEquals(0.07597393789206534, PAPER.probabilityOfTransactions(3, 10), 1e-13);
    assertEquals(0.0, PAPER.probabilityOfTransactions(7, 6));
    // mpmath, FHS 2010 eq. 14 as printed, d = 0.1
    assertEquals(0.11464699618176408, PAPER.discountedExpectedResidualTransactions(0, 0, 6, 0.1),
        1e-12);
    assertEquals(3.1961674045098332, PAPER.discountedExpectedResidualTransactions(4, 5, 6, 0.1),
        1e-11);
    assertEquals(5.9086783195553805, PAPER.discountedExpectedResidualTransactions(6, 6, 6, 0.1),
        1e-11);
  }

  @Test
  void gammaOneIsARegularPoint() {
    // At γ = 1, δ/(γ−1)[1 − ...] has the limit δ Σ_{j<n} 1/(1+δ+j); mpmath at γ = 1 + 1e-7 gives
    // 2.3876552255077129 for α = 1.2, β = 0.75, δ = 2.783, n = 10.
    double limit = 1.2 / 1.95 * 2.783 * sum(2.783, 10);
    assertEquals(limit, BgBb.of(1.2, 0.75, 1, 2.783).expectedTransactions(10), 1e-14);
    assertEquals(2.3876552255077129, BgBb.of(1.2, 0.75, 1 + 1e-7, 2.783).expectedTransactions(10),
        1e-13);
    double below = BgBb.of(1.2, 0.75, 1 - 1e-9, 2.783).conditionalExpectedTransactions(3, 4, 6, 8);
    double at = BgBb.of(1.2, 0.75, 1, 2.783).conditionalExpectedTransactions(3, 4, 6, 8);
    double above = BgBb.of(1.2, 0.75, 1 + 1e-9, 2.783).conditionalExpectedTransactions(3, 4, 6, 8);
    assertEquals(at, below, 1e-8);
    assertEquals(at, above, 1e-8);
    // a long horizon at γ near 1 takes the tail route: compare with γ = 1 + 2e-3 (lgamma route)
    // and γ = 1 (loop and tail); E grows like ln n when γ = 1.
    double e1 = BgBb.of(1.2, 0.75, 1, 2.783).expectedTransactions(5_000_000);
    double loop = 1.2 / 1.95 * 2.783 * sum(2.783, 5_000_000);
    assertEquals(loop, e1, 1e-9 * loop);
  }

  @Test
  void longHorizonsTakeTheirOwnRoutes() {
    // Past 100,000 opportunities the survival sum is not looped: lnΓ differences when
    // |γ − 1| >= 1e-3, a Taylor tail otherwise. mpmath 1.3.0 (40 digits), FHS 2010 eq. 8.
    assertEquals(381.61351248903291, PAPER.expectedTransactions(1_000_000), 1e-10);
    assertEquals(21.550052010443507, BgBb.of(1.2, 0.75, 1.0005, 2.783)
        .expectedTransactions(1_000_000), 1e-11);
    assertEquals(23.515911403481347, BgBb.of(1.2, 0.75, 0.9999, 2.783)
        .expectedTransactions(3_000_000), 1e-11);
  }

  private static double sum(double delta, int n) {
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += 1 / (1 + delta + j);
    }
    return s;
  }

  @Test
  void expandedCustomersFitLikeTheWeightedTable() {
    CustomerSummaries expanded = Donations.expanded();
    assertEquals(11104, expanded.size());
    BgBb e = BgBb.fit(expanded);
    assertEquals(FIT.logLikelihood(), e.logLikelihood(), 1e-6);
    assertEquals(FIT.alpha(), e.alpha(), 1e-6);
    assertEquals(FIT.delta(), e.delta(), 1e-5);
    double[] cet = FIT.conditionalExpectedTransactions(expanded, 5);
    double total = 0;
    for (double v : cet) {
      total += v;
    }
    assertEquals(12884.2, total, 0.05);
  }

  @Test
  void badInputNamesTheRowAndValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> BgBb.fit(
        WeightedSummaries.ofColumns(new int[] {1, 2}, new double[] {1, 2.5}, new double[] {6, 6},
            new double[] {3, 4}, ChronoUnit.YEARS)));
    assertTrue(e.getMessage().contains("row 2: t_x must be a whole number of opportunities "
        + ">= 0 for BG/BB: 2.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgBb.fit(
        WeightedSummaries.ofColumns(new int[] {3}, new double[] {2}, new double[] {6},
            new double[] {1}, ChronoUnit.YEARS)));
    assertTrue(e.getMessage().contains("row 1: x (3.0) must not exceed t_x (2.0)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgBb.fit(
        CustomerSummaries.ofColumns(new String[] {"a", "b"}, new int[] {0, 1},
            new double[] {0, 1}, new double[] {6, 6.5}, ChronoUnit.YEARS)));
    assertTrue(e.getMessage().contains("row 2, customer 'b': n (T) must be a whole number"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FIT.conditionalExpectedTransactions(2, 7, 6, 5));
    assertTrue(e.getMessage().contains("t_x (7.0) must not exceed n (6.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FIT.probabilityAlive(1, 0, 6, 1));
    assertTrue(e.getMessage().contains("x (1.0) must not exceed t_x (0.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FIT.discountedExpectedResidualTransactions(1, 1, 6, 0));
    assertTrue(e.getMessage().contains("discount rate d must be finite and > 0: 0.0"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgBb.of(1, Double.NaN, 1, 1));
    assertTrue(e.getMessage().contains("beta must be finite and > 0: NaN"), e.getMessage());
  }

  @Test
  void stateRoundTripAndGoldenText() {
    ModelState s = FIT.state();
    assertEquals("BG/BB", s.model());
    assertEquals(null, s.unit());
    assertEquals(List.of("alpha", "beta", "gamma", "delta"), List.copyOf(s.parameters().keySet()));
    BgBb back = BgBb.from(s);
    assertEquals(FIT.toString(), back.toString());
    assertEquals(s, back.state());
    assertFalse(BgBb.from(PAPER.state()).isFitted());
    assertThrows(IllegalStateException.class, PAPER::logLikelihood);
    assertThrows(IllegalArgumentException.class, () -> BgNbd.from(s));
    assertEquals("BG/BB model (parameters given): alpha 1.2040, beta 0.7500, gamma 0.6570, "
        + "delta 2.7830", PAPER.toString());
    String expected = String.join(System.lineSeparator(),
        "BG/BB fit: 11,104 customers, " + FIT.fitReport().status(),
        "  param  estimate  std.err",
        "  alpha    1.2035   0.0694",
        "  beta     0.7497   0.0294",
        "  gamma    0.6567   0.0510",
        "  delta    2.7834   0.3208",
        "  log-likelihood -33225.58   AIC 66459.16");
    assertEquals(expected, FIT.toString());
  }

  @Test
  void simulationRecoversTheParameters() {
    // 50,000 simulated donors over 6 opportunities at the paper's estimates: within 3 SE.
    WeightedSummaries sim = PAPER.simulate(50_000, 6, ChronoUnit.YEARS, 2010L);
    assertEquals(50_000, sim.totalWeight(), 0);
    BgBb f = BgBb.fit(sim);
    assertTrue(f.fitReport().converged(), f::toString);
    Map<String, Double> se = f.standardErrors();
    Map<String, Double> truth = PAPER.parameters();
    for (String p : truth.keySet()) {
      assertEquals(truth.get(p), f.parameters().get(p), 3 * se.get(p), p);
    }
    // the same seed gives the same table
    assertEquals(sim.toString(), PAPER.simulate(50_000, 6, ChronoUnit.YEARS, 2010L).toString());
  }
}
