package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConcordanceTest {

  private static final double[] T = {1, 2, 3, 4, 5};
  private static final int[] ALL = {1, 1, 1, 1, 1};

  // ORACLES.md "Survival": perfect order 1.0, reversed 0.0, constant 0.5, ties count 0.5.
  @Test
  void perfectOrderIsOne() {
    assertEquals(1.0, Concordance.index(T, ALL, new double[] {1, 2, 3, 4, 5}), 0.0);
    assertEquals(1.0, Concordance.ofRisk(T, ALL, new double[] {5, 4, 3, 2, 1}).index(), 0.0);
  }

  @Test
  void reversedOrderIsZero() {
    assertEquals(0.0, Concordance.index(T, ALL, new double[] {5, 4, 3, 2, 1}), 0.0);
  }

  @Test
  void constantPredictionIsOneHalf() {
    Concordance c = Concordance.of(T, ALL, new double[] {7, 7, 7, 7, 7});
    assertEquals(0.5, c.index(), 0.0);
    assertEquals(10, c.comparable());
    assertEquals(10, c.tied());
  }

  @Test
  void tiedPredictionsCountOneHalf() {
    // pairs: (1,2) tie, (1,3) conc, (2,3) conc -> (2 + 0.5)/3
    assertEquals(2.5 / 3, Concordance.index(new double[] {1, 2, 3}, new int[] {1, 1, 1},
        new double[] {1, 1, 2}), 1e-15);
  }

  @Test
  void onlyPairsWhoseShorterTimeIsAnEventAreComparable() {
    // 1: event at 1; 2: censored at 2; 3: event at 3; 4: censored at 3 (tied with an event)
    double[] t = {1, 2, 3, 3};
    int[] e = {1, 0, 1, 0};
    // comparable: (1,2) (1,3) (1,4) (3,4): 4 pairs; (2,*) censored first, not comparable
    Concordance c = Concordance.of(t, e, new double[] {0, 5, 1, 2});
    assertEquals(4, c.comparable());
    assertEquals(4, c.concordant());
    // two events at the same time are not comparable
    assertEquals(0, Concordance.of(new double[] {2, 2}, new int[] {1, 1},
        new double[] {1, 2}).comparable());
    assertEquals(0.5, Concordance.of(new double[] {2, 2}, new int[] {1, 1},
        new double[] {1, 2}).index(), 0.0);
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Concordance.index(T, ALL, new double[] {1, 2, Double.NaN, 4, 5}));
    assertEquals("row 3: prediction must be finite: NaN (predicted[2])", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Concordance.index(T, ALL, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new Concordance(3, 1, 1, 0));
  }

  @Test
  void toStringShowsCounts() {
    assertEquals("Concordance 0.8333 (comparable 3: concordant 2, tied 1, discordant 0)",
        Concordance.of(new double[] {1, 2, 3}, new int[] {1, 1, 1}, new double[] {1, 1, 2})
            .toString());
  }
}
