package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChurnScoresTest {

  static final ChurnScores S = ChurnScores.of(new String[] {"d", "a", "c", "b", "e"},
      new double[] {0.9, 0.2, 0.5, 0.9, 0.7});

  @Test
  void tiersAndTopByProbability() {
    // defaults: MEDIUM from 0.4, HIGH from 0.7
    assertEquals(Map.of(RiskTier.LOW, 1, RiskTier.MEDIUM, 1, RiskTier.HIGH, 3), S.tierCounts());
    List<AtRisk> top = S.topAtRisk(3);
    // ties (0.9) by customer id
    assertEquals(List.of("b", "d", "e"), top.stream().map(AtRisk::customerId).toList());
    assertEquals(new AtRisk(1, "b", 0.9, RiskTier.HIGH, null, null), top.get(0));
    assertNull(top.get(0).valueAtRisk());
    assertEquals(5, S.topAtRisk(50).size());
    assertThrows(IllegalStateException.class, S::totalValueAtRisk);
  }

  @Test
  void valueAtRiskIsProbabilityTimesValue() {
    ChurnScores v = S.withValues(new String[] {"a", "b", "c", "d", "e", "x"},
        new double[] {1000, 10, 100, 50, 0, 7});
    // hand: a .2·1000 = 200, b .9·10 = 9, c .5·100 = 50, d .9·50 = 45, e 0
    assertEquals(200 + 9 + 50 + 45, v.totalValueAtRisk(), 1e-12);
    List<AtRisk> top = v.topAtRisk(3);
    assertEquals(List.of("a", "c", "d"), top.stream().map(AtRisk::customerId).toList());
    assertEquals(200, top.get(0).valueAtRisk(), 1e-12);
    assertEquals(RiskTier.LOW, top.get(0).tier());
    assertEquals(List.of("b", "d", "e"),
        v.topByProbability(3).stream().map(AtRisk::customerId).toList());
    var missing = assertThrows(IllegalArgumentException.class,
        () -> S.withValues(new String[] {"a", "b"}, new double[] {1, 2}));
    assertTrue(missing.getMessage().contains("'d'"), missing.getMessage());
    var nan = assertThrows(IllegalArgumentException.class, () -> S.withValues(
        new String[] {"a", "b", "c", "d", "e"}, new double[] {1, 2, Double.NaN, 4, 5}));
    assertTrue(nan.getMessage().contains("'c'"), nan.getMessage());
  }

  @Test
  void tiersByShare() {
    // sorted: .2 .5 .7 .9 .9; high share .4 → index ⌈.6·5⌉ = 3 → 0.9; medium share .2 → index
    // ⌈.4·5⌉ = 2 → 0.7
    RiskTiers t = RiskTiers.byShare(S, 0.2, 0.4);
    assertEquals(new RiskTiers(0.7, 0.9), t);
    assertEquals(Map.of(RiskTier.LOW, 2, RiskTier.MEDIUM, 1, RiskTier.HIGH, 2),
        S.withTiers(t).tierCounts());
    assertThrows(IllegalArgumentException.class, () -> RiskTiers.of(0.8, 0.5));
    assertThrows(IllegalArgumentException.class, () -> RiskTiers.byShare(S, 0.7, 0.4));
    assertThrows(IllegalArgumentException.class,
        () -> ChurnScores.of(new String[] {"a"}, new double[] {1.2}));
  }
}
