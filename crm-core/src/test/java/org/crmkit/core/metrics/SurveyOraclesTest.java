package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The NPS, CSAT and CES values of ORACLES.md ("NPS / CSAT / CES": Rocks 2016 formulas, Wilson
 * 1927). Each value carries its own tolerance: half a unit of the last digit published there.
 */
class SurveyOraclesTest {

  private static final Nps A = Nps.ofCounts(50, 30, 20);
  private static final Nps B = Nps.ofCounts(60, 45, 45);

  // ORACLES: 50/30/20 promoters/passives/detractors: NPS 0.30, SE 0.078102,
  // Wald 95% [0.14692, 0.45308]
  @Test
  void npsWald5030020() {
    assertEquals(100, A.n());
    assertEquals(0.30, A.score(), 1e-12);          // exact: (50 - 20) / 100
    assertEquals(30.0, A.points(), 1e-10);
    assertEquals(0.078102, A.standardError(), 5e-7);
    assertEquals(0.14692, A.wald().lower(), 5e-6);
    assertEquals(0.45308, A.wald().upper(), 5e-6);
    assertEquals(0.95, A.wald().level(), 0.0);
  }

  // ORACLES: adjusted Wald NPS 0.29126, SE 0.076917, [0.14051, 0.44201]
  //
  // By hand: n' = 103, P' = 50.75, D' = 20.75; p_P = 0.4927184, p_D = 0.2014563;
  // v = 0.6941748 - 0.2912621^2 = 0.6093411; SE = sqrt(v / 103) = 0.07691510.
  // ORACLES' SE 0.076917 is 1.9e-6 above the value of its own formula (rounded intermediates,
  // presumably); its interval bounds agree with ours to the 5 digits published. So the SE is
  // checked tightly against the hand value and to 2.5e-6 against ORACLES.
  @Test
  void npsAdjustedWald503020() {
    assertEquals(0.29126, A.adjustedScore(), 5e-6);
    assertEquals(0.07691510, A.adjustedStandardError(), 5e-9);
    assertEquals(0.076917, A.adjustedStandardError(), 2.5e-6);
    assertEquals(0.14051, A.adjustedWald().lower(), 5e-6);
    assertEquals(0.44201, A.adjustedWald().upper(), 5e-6);
  }

  // ORACLES: 60/45/45: NPS 0.10, SE 0.067823, Wald [-0.03293, 0.23293]
  @Test
  void npsWald604545() {
    assertEquals(150, B.n());
    assertEquals(0.10, B.score(), 1e-12);
    assertEquals(0.067823, B.standardError(), 5e-7);
    assertEquals(-0.03293, B.wald().lower(), 5e-6);
    assertEquals(0.23293, B.wald().upper(), 5e-6);
  }

  // ORACLES: difference 0.20, SE 0.10344, z 1.9335, two-sided p 0.05318, 95% CI [-0.0027, 0.4027]
  @Test
  void npsDifference() {
    Comparison c = Nps.compare(A, B);
    assertEquals(0.20, c.difference(), 1e-12);
    assertEquals(0.10344, c.standardError(), 5e-6);
    assertEquals(1.9335, c.statistic(), 5e-5);
    assertTrue(c.isZ());
    assertEquals(0.05318, c.pValue(), 5e-6);
    assertEquals(-0.0027, c.interval().lower(), 5e-5);
    assertEquals(0.4027, c.interval().upper(), 5e-5);
  }

  // ORACLES: CSAT, counts of 1..5 = [5, 10, 20, 40, 25]: top-2-box 0.65,
  // Wilson 95% [0.5525, 0.7364], mean 3.70
  @Test
  void csatTopTwoBox() {
    Csat c = Csat.ofCounts(new long[] {5, 10, 20, 40, 25});
    assertEquals(100, c.n());
    assertEquals(65, c.satisfied());
    assertEquals(0.65, c.share(), 1e-12);
    assertEquals(0.5525, c.wilson().lower(), 5e-5);
    assertEquals(0.7364, c.wilson().upper(), 5e-5);
    assertEquals(3.70, c.mean(), 1e-12);
  }

  // ORACLES: 65/100 vs 105/150: pooled two-proportion z -0.8303, p 0.4064
  @Test
  void csatPooledTwoProportionZ() {
    Comparison c = Proportion.compare(Proportion.of(65, 100), Proportion.of(105, 150));
    assertEquals(-0.05, c.difference(), 1e-12);
    assertEquals(-0.8303, c.statistic(), 5e-5);
    assertEquals(0.4064, c.pValue(), 5e-5);
    // the same through two CSAT results
    Csat a = Csat.ofCounts(new long[] {5, 10, 20, 40, 25});
    Csat b = Csat.ofCounts(new long[] {10, 15, 20, 55, 50});
    assertEquals(c, Csat.compareShares(a, b));
  }

  // ORACLES: CES, counts of 1..7 = [2, 3, 5, 10, 20, 35, 25]: mean 5.48; agree (5-7) 0.80;
  // disagree (1-3) 0.10; net 0.70
  @Test
  void cesOnTheAgreementScale() {
    Ces c = Ces.ofCounts(new long[] {2, 3, 5, 10, 20, 35, 25});
    assertEquals(100, c.n());
    assertEquals(5.48, c.mean(), 1e-12);
    assertEquals(0.80, c.easyShare(), 1e-12);
    assertEquals(0.10, c.difficultShare(), 1e-12);
    assertEquals(0.70, c.net(), 1e-12);
    assertEquals(5, c.easyMin());
    assertEquals(3, c.difficultMax());
  }
}
