package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

/** Weighted value scores, tiers and the value matrix against hand computations. */
class ValueScoresTest {

  private static final List<String> IDS = List.of("A", "B", "C", "D");
  private static final Map<String, double[]> COLUMNS = Map.of(
      "revenue", new double[] {100, 300, 200, 500},
      "orders", new double[] {1, 5, 2, 2},
      "complaints", new double[] {0, 3, 1, 0});

  private static ValueScorer scorer() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("revenue", 0.5);
    w.put("orders", 0.3);
    w.put("complaints", 0.2);
    return ValueScorer.of(w).withLowerIsBetter("complaints");
  }

  @Test
  void minMaxScoresByHand() {
    ValueScores s = scorer().score(IDS, COLUMNS);
    // revenue (x - 100)/400: 0, .5, .25, 1; orders (x - 1)/4: 0, 1, .25, .25;
    // complaints x/3 = 0, 1, 1/3, 0, reversed: 1, 0, 2/3, 1
    assertEquals(0.25, s.indicatorScore("revenue", "C"), 1e-15);
    assertEquals(2.0 / 3, s.indicatorScore("complaints", "C"), 1e-15);
    // A = .2*1 = .2; B = .25 + .3 = .55; C = .125 + .075 + .2*2/3; D = .5 + .075 + .2
    assertArrayEquals(new double[] {0.2, 0.55, 0.125 + 0.075 + 0.4 / 3, 0.775}, s.scores(),
        1e-15);
    assertEquals(0.775, s.score("D"), 1e-15);
  }

  @Test
  void percentileScoresByHand() {
    ValueScores s = scorer().withNormalisation(Normalisation.PERCENTILE).score(IDS, COLUMNS);
    // ranks -> (rank - 1)/3. revenue: A1 C2 B3 D4 -> 0, 2/3, 1/3, 1
    // orders 1, 5, 2, 2: A1, C and D share ranks 2-3 (2.5), B4 -> 0, 1, .5, .5
    // complaints 0, 3, 1, 0: A and D share 1-2 (1.5) -> 1/6, B 1, C 2/3; reversed 5/6, 0, 1/3, 5/6
    assertEquals(0.5, s.indicatorScore("orders", "D"), 1e-15);
    assertEquals(5.0 / 6, s.indicatorScore("complaints", "A"), 1e-15);
    double a = 0.2 * 5 / 6;
    double b = 0.5 * 2 / 3 + 0.3;
    double c = 0.5 / 3 + 0.15 + 0.2 / 3;
    double d = 0.5 + 0.15 + 0.2 * 5 / 6;
    assertArrayEquals(new double[] {a, b, c, d}, s.scores(), 1e-15);
  }

  @Test
  void weightsAreNormalisedAndConstantIndicatorsScoreOneHalf() {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put("x", 2);
    w.put("y", 1);
    w.put("z", 1);
    ValueScorer scorer = ValueScorer.of(w);
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, scorer.weights(), 0);
    ValueScores s = scorer.score(List.of("p", "q"), Map.of("x", new double[] {1, 3},
        "y", new double[] {7, 7}, "z", new double[] {0, 1}));
    // p: .5*0 + .25*.5 + .25*0 = .125; q: .5 + .125 + .25 = .875
    assertArrayEquals(new double[] {0.125, 0.875}, s.scores(), 1e-15);
    ValueScores one = scorer.withNormalisation(Normalisation.PERCENTILE)
        .score(List.of("p"), Map.of("x", new double[] {1}, "y", new double[] {2},
            "z", new double[] {3}));
    assertEquals(0.5, one.score("p"), 1e-15);
  }

  @Test
  void ahpWeightsFeedTheScorer() {
    AhpWeights w = Ahp.withDefaults().weightsFromUpperTriangle(
        List.of("revenue", "orders", "complaints"), 3, 5, 2);
    ValueScores s = ValueScorer.of(w).score(IDS, COLUMNS);
    double[] ww = w.weights();
    // D: revenue 1, orders .25, complaints 0 (not reversed here)
    assertEquals(ww[0] + 0.25 * ww[1], s.score("D"), 1e-15);
  }

  @Test
  void badInputNamesTheCustomerAndIndicator() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> scorer().score(IDS, Map.of("revenue", new double[] {1, 2, Double.NaN, 4},
            "orders", new double[4], "complaints", new double[4])));
    assertEquals("customer 'C': revenue must be finite: NaN", nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> scorer().score(IDS,
        Map.of("revenue", new double[4], "orders", new double[4])));
    assertThrows(IllegalArgumentException.class, () -> scorer().score(IDS,
        Map.of("revenue", new double[4], "orders", new double[4], "complaints", new double[4],
            "extra", new double[4])));
    assertThrows(IllegalArgumentException.class,
        () -> scorer().score(List.of("A", "A", "B", "C"), COLUMNS));
    assertThrows(IllegalArgumentException.class, () -> scorer().withLowerIsBetter("cost"));
    assertThrows(IllegalArgumentException.class, () -> ValueScorer.of(Map.of("x", 0)));
  }

  @Test
  void tiersByThresholdsAndQuantiles() {
    ValueScores s = scorer().score(IDS, COLUMNS);   // .2, .55, .3333, .775
    ValueTiers t = s.tiersByThresholds(0.5, 0.3);
    assertEquals(List.of(ValueTier.LOW, ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.HIGH),
        t.tiers());
    // quantiles of .2, .3333, .55, .775: Q(.75) h = 2.25 -> .55 + .25 * .225 = .60625;
    // Q(.25) h = .75 -> .2 + .75 * .13333 = .3
    ValueTiers q = s.tiersByQuantiles(0.25, 0.25);
    assertEquals(0.60625, q.highCut(), 1e-12);
    assertEquals(0.3, q.mediumCut(), 1e-12);
    assertEquals(Map.of(ValueTier.HIGH, 1L, ValueTier.MEDIUM, 2L, ValueTier.LOW, 1L),
        q.counts());
    assertEquals(List.of("D"), q.ids(ValueTier.HIGH));
    assertEquals(ValueTier.LOW, q.tier("A"));
    // ties at a cut point go to the higher tier: all equal -> all high
    ValueTiers tied = ValueTiers.byQuantiles(IDS, new double[] {1, 1, 1, 1}, 0.25, 0.25);
    assertEquals(4L, tied.counts().get(ValueTier.HIGH));
    // a share of 0 empties its tier
    ValueTiers noHigh = ValueTiers.byQuantiles(IDS, s.scores(), 0, 0.5);
    assertEquals(0L, noHigh.counts().get(ValueTier.HIGH));
    Table table = q.toTable();
    assertEquals(List.of("customer_id", "value", "tier"), table.columns());
    assertEquals("HIGH", table.value(3, 2));
    assertThrows(IllegalArgumentException.class, () -> s.tiersByThresholds(0.3, 0.5));
    assertThrows(IllegalArgumentException.class, () -> s.tiersByQuantiles(0.6, 0.6));
  }

  @Test
  void valueMatrixQuadrants() {
    double[] current = {10, 20, 30, 40};
    double[] potential = {5, 1, 8, 2};
    // medians: current (20 + 30)/2 = 25, potential (2 + 5)/2 = 3.5
    ValueMatrix m = ValueMatrix.byMedians(IDS, current, potential);
    assertEquals(25, m.currentCut(), 0);
    assertEquals(3.5, m.potentialCut(), 0);
    assertEquals(List.of(Quadrant.MOST_GROWABLE, Quadrant.LOW_VALUE, Quadrant.MOST_VALUABLE,
        Quadrant.MAINTAIN), m.quadrants());
    ValueMatrix relabelled = m.withLabels(Map.of(Quadrant.LOW_VALUE, "basic service"));
    Table t = relabelled.toTable();
    assertEquals("basic service", t.value(1, 4));
    assertEquals("most growable: develop", t.value(0, 4));
    // a value at a cut point is high
    assertEquals(Quadrant.MOST_VALUABLE,
        ValueMatrix.of(List.of("X"), new double[] {5}, new double[] {5}, 5, 5).quadrant("X"));
    assertTrue(m.toString().contains("most valuable: retain and invest"), m::toString);
  }
}
