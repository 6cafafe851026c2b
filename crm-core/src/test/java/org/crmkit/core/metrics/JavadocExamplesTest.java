package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The code examples of the metrics Javadoc, run as written. */
class JavadocExamplesTest {

  private static final int[] SCORES = {10, 9, 8, 7, 6, 0, 10, 9, 3, 8};   // NPS: 4 P, 3 pass, 3 D

  @Test
  void npsClassExample() {
    int[] scores = SCORES;
    Nps nps = Nps.of(scores);                                   // cut points 9-10 / 0-6
    Nps eight = Nps.withDefaults().withPromoterMin(8).of(scores);
    Nps fromCounts = Nps.ofCounts(50, 30, 20);                 // promoters, passives, detractors
    Nps thisQuarter = fromCounts;
    Nps lastQuarter = Nps.ofCounts(60, 45, 45);
    Comparison change = Nps.compare(thisQuarter, lastQuarter);  // thisQuarter − lastQuarter
    assertEquals(0.1, nps.score(), 1e-15);
    assertEquals(6, eight.promoters());
    assertEquals(0.2, change.difference(), 1e-12);
  }

  @Test
  void csatClassExample() {
    int[] scores = {5, 4, 3, 2, 1, 5};
    Csat c = Csat.of(scores);                                       // 1-5, top-2-box
    Csat c7 = Csat.withDefaults().withScale(1, 7).withTopBoxes(3).of(scores);
    Csat fromCounts = Csat.ofCounts(new long[] {5, 10, 20, 40, 25});  // counts of 1..5
    assertEquals(0.5, c.share(), 1e-15);
    assertEquals(2, c7.satisfied());   // 5, 5: 6 and 7 are unused
    assertEquals(0.65, fromCounts.share(), 1e-15);
  }

  @Test
  void cesClassExample() {
    int[] scores = {1, 2, 5, 5, 3};
    Ces ces = Ces.ofCounts(new long[] {2, 3, 5, 10, 20, 35, 25});   // counts of 1..7
    assertEquals(5.48, ces.mean(), 1e-12);
    assertEquals(0.70, ces.net(), 1e-12);
    Ces effort = Ces.withDefaults().withScale(1, 5).withHighIsEasy(false).of(scores);
    assertEquals(2.0 / 5 - 2.0 / 5, effort.net(), 1e-15);   // easy 1, 2; difficult 5, 5
  }

  @Test
  void abTestClassExample() {
    double[] controlRevenue = {0, 0, 12.5, 30, 0, 8};
    double[] treatmentRevenue = {0, 15, 12.5, 30, 0, 20};
    ConversionTest t = AbTest.conversion(200, 4000, 248, 4000);   // control, then treatment
    assertEquals(0.012, t.absoluteUplift(), 1e-15);
    assertEquals(0.24, t.relativeUplift(), 1e-12);
    RevenueTest r = AbTest.revenuePerUser(controlRevenue, treatmentRevenue);
    assertEquals(27.0 / 6, r.absoluteUplift(), 1e-12);
  }

  @Test
  void powerAnalysisClassExample() {
    SampleSize n = PowerAnalysis.withDefaults().sampleSize(0.10, 0.02);      // α 0.05, power 0.8
    double mde = PowerAnalysis.withDefaults().withPower(0.9).minimumDetectableEffect(0.10, 5000);
    assertEquals(3841, n.perGroup());
    assertTrue(mde > 0.01 && mde < 0.03, () -> "mde " + mde);
  }
}
