package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyMetricsTest {

  // 0..10 once each: promoters 9, 10 (2); detractors 0..6 (7); passives 7, 8 (2); n = 11
  private static final int[] ONE_EACH = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void npsFromScoresCountsEachClass() {
    Nps nps = Nps.of(ONE_EACH);
    assertEquals(2, nps.promoters());
    assertEquals(2, nps.passives());
    assertEquals(7, nps.detractors());
    assertEquals(-5.0 / 11, nps.score(), 1e-15);
    assertEquals(-500.0 / 11, nps.points(), 1e-12);
    assertEquals(nps, Nps.ofCounts(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
  }

  @Test
  void npsCutPointsAreConfigurable() {
    // promoters 8-10 (3), detractors 0-5 (6), passives 6-7 (2)
    Nps nps = Nps.withDefaults().withPromoterMin(8).withDetractorMax(5).of(ONE_EACH);
    assertEquals(3, nps.promoters());
    assertEquals(2, nps.passives());
    assertEquals(6, nps.detractors());
    assertEquals(8, nps.promoterMin());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Nps.withDefaults().withDetractorMax(9));
    assertEquals("detractorMax (9) must be below promoterMin (9)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Nps.compare(nps, Nps.of(ONE_EACH)));
    assertTrue(e.getMessage().contains("different cut points"), e.getMessage());
  }

  @Test
  void outOfRangeScoresAreNamedWithTheirPosition() {
    var e = assertThrows(IllegalArgumentException.class, () -> Nps.of(new int[] {9, 10, 11}));
    assertEquals("scores[2] = 11 is outside the NPS scale 0..10 (withLenient(true) excludes and"
        + " counts out-of-range scores)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Csat.of(new int[] {3, 0}));
    assertTrue(e.getMessage().startsWith("scores[1] = 0 is outside the CSAT scale 1..5"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Ces.of(new int[] {-1}));
    assertTrue(e.getMessage().startsWith("scores[0] = -1 is outside the CES scale 1..7"),
        e.getMessage());
  }

  @Test
  void emptyInputIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Nps.of(new int[0]));
    assertEquals("scores is empty: NPS needs at least one", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Nps.ofCounts(0, 0, 0));
    assertEquals("NPS needs at least one response: all counts are 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Csat.ofCounts(new long[5]));
    assertEquals("CSAT counts are all 0: no response", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Csat.ofCounts(new long[] {1, 2}));
    assertEquals("counts has 2 entries; the CSAT scale 1..5 has 5 points", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Ces.ofCounts(new long[] {1, 2, 3, -4, 5, 6, 7}));
    assertEquals("counts[3] (score 4) is negative: -4", e.getMessage());
  }

  @Test
  void lenientModeExcludesAndCounts() {
    Nps nps = Nps.withDefaults().withLenient(true).of(new int[] {10, 11, -1, 0, 9});
    assertEquals(3, nps.n());
    assertEquals(2, nps.excluded());
    assertEquals(1.0 / 3, nps.score(), 1e-15);
    assertTrue(nps.toString().contains("2 excluded"), nps.toString());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Nps.withDefaults().withLenient(true).of(new int[] {11, 12}));
    assertEquals("no NPS score in range 0..10: all 2 were out of range", e.getMessage());
    Csat c = Csat.withDefaults().withLenient(true).of(new int[] {5, 6, 4, 1});
    assertEquals(3, c.n());
    assertEquals(1, c.excluded());
  }

  @Test
  void csatScaleAndTopBoxesAreConfigurable() {
    // 1..7, top-3-box = 5, 6, 7
    Csat c = Csat.withDefaults().withScale(1, 7).withTopBoxes(3)
        .of(new int[] {7, 6, 5, 4, 3, 2, 1, 7});
    assertEquals(8, c.n());
    assertEquals(4, c.satisfied());
    assertEquals(5, c.satisfiedMin());
    assertEquals(0.5, c.share(), 1e-15);
    assertEquals(35.0 / 8, c.mean(), 1e-15);
    assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 2}, c.counts());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Csat.withDefaults().withTopBoxes(5));
    assertEquals("topBoxes must be in [1, 4] on the scale 1..5: 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Csat.compareShares(c, Csat.of(new int[] {5, 4})));
    assertTrue(e.getMessage().contains("different scales"), e.getMessage());
  }

  // CSAT counts [5, 10, 20, 40, 25]: mean 3.7; squared deviations
  // 5*7.29 + 10*2.89 + 20*0.49 + 40*0.09 + 25*1.69 = 36.45+28.9+9.8+3.6+42.25 = 121.0
  // s = sqrt(121 / 99) = 1.105542; SE = 0.1105542; t_{0.975, 99} = 1.984217
  // interval 3.7 -/+ 0.219362 = [3.480638, 3.919362]
  @Test
  void csatMeanIntervalByHand() {
    Csat c = Csat.ofCounts(new long[] {5, 10, 20, 40, 25});
    assertEquals(1.105542, c.standardDeviation(), 5e-7);
    assertEquals(3.480638, c.meanInterval().lower(), 5e-6);
    assertEquals(3.919362, c.meanInterval().upper(), 5e-6);
  }

  @Test
  void cesDirectionAndBands() {
    // effort scale 1..5, low = easy: easy 1-2, difficult 4-5
    Ces.Options effort = Ces.withDefaults().withScale(1, 5).withHighIsEasy(false);
    assertEquals(1, effort.easyMin());
    assertEquals(2, effort.easyMax());
    assertEquals(4, effort.difficultMin());
    Ces c = effort.of(new int[] {1, 1, 2, 3, 4, 5, 5, 5});
    assertEquals(3, c.easy());
    assertEquals(4, c.difficult());
    assertEquals(-1.0 / 8, c.net(), 1e-15);
    assertTrue(!c.highIsEasy());
    // even scale 1..6: easy 4-6, difficult 1-3 (no neutral point)
    Ces.Options six = Ces.withDefaults().withScale(1, 6);
    assertEquals(4, six.easyMin());
    assertEquals(3, six.difficultMax());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Ces.withDefaults().withBands(4, 7, 1, 4));
    assertEquals("the easy band 4..7 overlaps the difficult band 1..4", e.getMessage());
    // explicit bands: easy 6-7, difficult 1-2
    Ces strict = Ces.withDefaults().withBands(6, 7, 1, 2)
        .ofCounts(new long[] {2, 3, 5, 10, 20, 35, 25});
    assertEquals(0.60, strict.easyShare(), 1e-15);
    assertEquals(0.05, strict.difficultShare(), 1e-15);
  }

  // CES net of ORACLES' counts: p_E = 0.8, p_D = 0.1, v = 0.9 - 0.49 = 0.41,
  // SE = sqrt(0.41/100) = 0.0640312; Wald 95% 0.7 -/+ 0.125499 = [0.574501, 0.825499]
  @Test
  void cesNetIntervalByHand() {
    Ces c = Ces.ofCounts(new long[] {2, 3, 5, 10, 20, 35, 25});
    assertEquals(0.41, c.netVariance(), 1e-15);
    assertEquals(0.0640312, c.netStandardError(), 5e-8);
    assertEquals(0.574501, c.netInterval().lower(), 5e-7);
    assertEquals(0.825499, c.netInterval().upper(), 5e-7);
  }

  @Test
  void breakdownByGroupMatchesSeparateCalls() {
    int[] s = {10, 9, 3, 7, 8, 10, 2, 11, 9, 9, 6, 5};
    String[] g = {"web", "app", "web", "app", "store", "web", "app", "web", "store", "app",
        "web", "store"};
    Breakdown<Nps> b = Nps.withDefaults().withLenient(true).byGroup(s, g);
    assertEquals(List.of("app", "store", "web"), b.labels());
    assertEquals(Nps.of(new int[] {9, 7, 2, 9}), b.get("app"));
    assertEquals(Nps.of(new int[] {8, 9, 5}), b.get("store"));
    Nps web = b.get("web");
    assertEquals(4, web.n());
    assertEquals(1, web.excluded());
    assertEquals(1, b.excluded());
    assertEquals(11, b.overall().n());
    assertEquals(b.get("app").adjustedWald(), b.rows().get(0).interval());
    var e = assertThrows(IllegalArgumentException.class, () -> Nps.byGroup(s, g));
    assertTrue(e.getMessage().startsWith("scores[7] = 11"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Nps.byGroup(new int[] {1, 2}, new String[] {"a", null}));
    assertEquals("groups[1] is null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Nps.byGroup(new int[] {1, 2}, new String[] {"a"}));
    assertEquals("scores and groups differ in length: 2 and 1", e.getMessage());
  }

  @Test
  void breakdownListsGroupsWithoutValidScores() {
    Breakdown<Csat> b = Csat.withDefaults().withLenient(true)
        .byGroup(new int[] {5, 9, 4}, new String[] {"a", "b", "a"});
    assertEquals(List.of("a"), b.labels());
    assertEquals(List.of("b"), b.groupsWithoutValidScores());
    assertEquals(1, b.excluded());
  }

  // Touchpoint CSAT: web 8 of 10 satisfied, app 3 of 5; user weights web 3, app 1
  //   normalised 0.75, 0.25; index = 0.75 * 0.8 + 0.25 * 0.6 = 0.75
  //   SE = sqrt(0.75^2 * 0.8*0.2/10 + 0.25^2 * 0.6*0.4/5) = sqrt(0.009 + 0.003) = 0.1095445
  @Test
  void weightedTouchpointIndexByHand() {
    int[] s = {5, 5, 5, 5, 4, 4, 4, 4, 2, 1, 5, 4, 4, 3, 3};
    String[] g = {"web", "web", "web", "web", "web", "web", "web", "web", "web", "web", "app",
        "app", "app", "app", "app"};
    WeightedIndex w = Csat.byGroup(s, g).weightedIndex(Map.of("web", 3, "app", 1));
    assertEquals(0.75, w.weights().get("web"), 1e-15);
    assertEquals(0.75, w.index(), 1e-15);
    assertEquals(0.1095445, w.standardError(), 5e-8);
    assertEquals(0.75 - 1.959964 * 0.1095445, w.interval().lower(), 1e-6);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Csat.byGroup(s, g).weightedIndex(Map.of("web", 1)));
    assertEquals("group 'app' has no weight (give it weight 0 to leave it out)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Csat.byGroup(s, g).weightedIndex(Map.of("web", 1, "app", 1, "shop", 1)));
    assertTrue(e.getMessage().startsWith("weight for 'shop', which is not a group"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Csat.byGroup(s, g).weightedIndex(Map.of("web", 0, "app", 0)));
    assertEquals("weights must sum to a finite value > 0: 0.0", e.getMessage());
  }

  // reliability (E, P): (6, 5), (7, 5), (5, 5) -> d = -1, -2, 0: gap -1, s 1, SE 0.5773503,
  //   t_{0.975, 2} = 4.302653 -> [-3.484138, 1.484138]
  // tangibles: (5, 6), (4, 5) -> d = 1, 1: gap 1, s 0, interval [1, 1]
  // unweighted overall (-1 + 1)/2 = 0; weights reliability 3, tangibles 1 -> -0.75 + 0.25 = -0.5
  @Test
  void servqualByHand() {
    Servqual q = Servqual.of(
        new String[] {"reliability", "tangibles", "reliability", "tangibles", "reliability"},
        new double[] {6, 5, 7, 4, 5}, new double[] {5, 6, 5, 5, 5});
    Servqual.Gap r = q.get("reliability");
    assertEquals(3, r.n());
    assertEquals(6, r.expectation(), 1e-15);
    assertEquals(5, r.perception(), 1e-15);
    assertEquals(-1, r.gap(), 1e-15);
    assertEquals(0.5773503, r.standardError(), 5e-8);
    assertEquals(-3.484138, r.interval().lower(), 5e-6);
    assertEquals(1.484138, r.interval().upper(), 5e-6);
    assertEquals(new Interval(1, 1, 0.95), q.get("tangibles").interval());
    assertEquals(0, q.unweightedGap(), 1e-15);
    assertEquals(-0.5, q.weightedGap(Map.of("reliability", 3, "tangibles", 1)), 1e-15);
    var e = assertThrows(IllegalArgumentException.class, () -> Servqual.of(
        new String[] {"a"}, new double[] {Double.NaN}, new double[] {1}));
    assertEquals("expectations[0] is NaN", e.getMessage());
  }

  @Test
  void toStringIsACompactTable() {
    assertEquals("""
        NPS 0.3000 (+30.0 points), n 100: 50 promoters (9-10), 30 passives, 20 detractors (0-6)
          SE 0.07810, Wald [0.1469, 0.4531] 95%, adjusted Wald [0.1405, 0.4420] 95%""",
        Nps.ofCounts(50, 30, 20).toString());
    assertEquals("NPS Wald z: difference 0.2000, SE 0.1034, z = 1.933, p = 0.05318,"
        + " CI [-0.002740, 0.4027] 95%",
        Nps.compare(Nps.ofCounts(50, 30, 20), Nps.ofCounts(60, 45, 45)).toString());
    assertEquals("""
        CSAT top-2-box (4-5 of 1-5) 0.6500 (65 of 100), Wilson [0.5525, 0.7364] 95%
          mean 3.700 (sd 1.106), t [3.481, 3.919] 95%""",
        Csat.ofCounts(new long[] {5, 10, 20, 40, 25}).toString());
    int[] s = {10, 9, 3, 7, 8, 10, 2, 11, 9, 9, 6, 5};
    String[] g = {"web", "app", "web", "app", "store", "web", "app", "web", "store", "app",
        "web", "store"};
    assertEquals("""
        NPS (adjusted Wald interval) by group, 95%, 3 groups
          group           n   estimate      lower      upper
          app             4     0.2500    -0.4416     0.7273
          store           3     0.0000    -0.6111     0.6111
          web             4     0.0000    -0.6566     0.6566
          all            11     0.0909    -0.3807     0.5235
          excluded: 1 out-of-range scores""",
        Nps.withDefaults().withLenient(true).byGroup(s, g).toString());
  }
}
