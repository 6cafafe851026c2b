package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AHP weights and consistency: a consistent matrix, Saaty's published example, errors. */
class AhpTest {

  private static final List<String> FOUR = List.of("revenue", "frequency", "margin", "tenure");

  @Test
  void consistentMatrixGivesItsWeightsAndRatioZero() {
    // a_ij = w_i / w_j: lambda max = n, CI = CR = 0 and the eigenvector is w (Saaty 1980)
    double[] w = {0.5, 0.25, 0.15, 0.1};
    double[][] a = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        a[i][j] = w[i] / w[j];
      }
    }
    AhpWeights r = Ahp.withDefaults().weights(FOUR, a);
    assertArrayEquals(w, r.weights(), 1e-14);
    assertEquals(4, r.lambdaMax(), 1e-13);
    assertEquals(0, r.consistencyIndex(), 1e-13);
    assertEquals(0, r.consistencyRatio(), 1e-13);
    assertEquals(0.90, r.randomIndex(), 0);     // Saaty's RI for n = 4
    assertFalse(r.acceptedInconsistent());
    assertEquals(0.5, r.weight("revenue"), 1e-14);
  }

  /**
   * Saaty (1990), EJOR 48(1) 9-26, "buying a house": 8 criteria (size of house, transportation,
   * neighbourhood, age, yard space, modern facilities, general condition, financing). Published:
   * priorities .173 .054 .188 .018 .031 .036 .167 .333, lambda max 9.669, C.I. 0.238, C.R. 0.169
   * (3 decimals, so tolerance 5e-4 each). NumPy's eig gives the same to 4 decimals.
   */
  private static final double[][] HOUSE = {
      {1, 5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4},
      {1.0 / 5, 1, 1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7},
      {1.0 / 3, 3, 1, 6, 3, 4, 6, 1.0 / 5},
      {1.0 / 7, 1.0 / 5, 1.0 / 6, 1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8},
      {1.0 / 6, 1.0 / 3, 1.0 / 3, 3, 1, 1.0 / 2, 1.0 / 5, 1.0 / 6},
      {1.0 / 6, 1.0 / 3, 1.0 / 4, 4, 2, 1, 1.0 / 5, 1.0 / 6},
      {3, 5, 1.0 / 6, 7, 5, 5, 1, 1.0 / 2},
      {4, 7, 5, 8, 6, 6, 2, 1}};
  private static final List<String> HOUSE_CRITERIA = List.of("size", "transportation",
      "neighbourhood", "age", "yard", "facilities", "condition", "financing");

  @Test
  void saatysHouseExampleIsRejectedByDefault() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weights(HOUSE_CRITERIA, HOUSE));
    assertTrue(e.getMessage().contains("consistency ratio 0.169"), e::getMessage);
    assertTrue(e.getMessage().contains("withAcceptInconsistent(true)"), e::getMessage);
  }

  @Test
  void saatysHouseExampleWhenTheCallerInsists() {
    AhpWeights r = Ahp.withDefaults().withAcceptInconsistent(true)
        .weights(HOUSE_CRITERIA, HOUSE);
    double[] published = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
    assertArrayEquals(published, r.weights(), 5e-4);
    assertEquals(9.669, r.lambdaMax(), 5e-4);
    assertEquals(0.238, r.consistencyIndex(), 5e-4);
    assertEquals(0.169, r.consistencyRatio(), 5e-4);
    assertEquals(1.41, r.randomIndex(), 0);
    assertTrue(r.acceptedInconsistent());
    assertTrue(r.toString().contains("accepted on request"), r::toString);
    // a looser limit accepts it without the flag
    AhpWeights loose = Ahp.withDefaults().withMaxConsistencyRatio(0.2)
        .weights(HOUSE_CRITERIA, HOUSE);
    assertFalse(loose.acceptedInconsistent());
  }

  @Test
  void javadocExampleAndUpperTriangle() {
    // revenue 3x frequency, 5x recency; frequency 2x recency. NumPy eig: 0.64833, 0.22965,
    // 0.12202, lambda max 3.00369, CR = 0.00185 / 0.58 = 0.00318
    List<String> names = List.of("revenue", "frequency", "recency");
    AhpWeights w = Ahp.withDefaults().weightsFromUpperTriangle(names, 3, 5, 2);
    assertEquals(0.64833, w.weight("revenue"), 5e-6);
    assertEquals(0.22965, w.weight("frequency"), 5e-6);
    assertEquals(0.12202, w.weight("recency"), 5e-6);
    assertEquals(3.00369, w.lambdaMax(), 5e-6);
    assertEquals(0.00318, w.consistencyRatio(), 5e-6);
    // the same as the full matrix with exact reciprocals
    AhpWeights full = Ahp.withDefaults().weights(names,
        new double[][] {{1, 3, 5}, {1.0 / 3, 1, 2}, {1.0 / 5, 1.0 / 2, 1}});
    assertArrayEquals(full.weights(), w.weights(), 0);
    // three-decimal reciprocals pass the reciprocity check
    AhpWeights typed = Ahp.withDefaults().weights(names,
        new double[][] {{1, 3, 5}, {0.333, 1, 2}, {0.2, 0.5, 1}});
    assertArrayEquals(w.weights(), typed.weights(), 2e-3);
  }

  @Test
  void oneAndTwoCriteriaAreAlwaysConsistent() {
    AhpWeights one = Ahp.withDefaults().weights(List.of("only"), new double[][] {{1}});
    assertArrayEquals(new double[] {1}, one.weights(), 0);
    assertEquals(0, one.consistencyRatio(), 0);
    // 2 criteria, a_12 = 3: weights 3/4, 1/4
    AhpWeights two = Ahp.withDefaults().weightsFromUpperTriangle(List.of("a", "b"), 3);
    assertArrayEquals(new double[] {0.75, 0.25}, two.weights(), 1e-14);
    assertEquals(0, two.consistencyRatio(), 0);
  }

  @Test
  void saatysRandomIndexTable() {
    double[] table = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
        1.57, 1.59};   // Saaty (1980), as widely reproduced
    for (int n = 1; n <= 15; n++) {
      assertEquals(table[n - 1], Ahp.saatyRandomIndex(n), 0);
    }
    assertThrows(IllegalArgumentException.class, () -> Ahp.saatyRandomIndex(16));
  }

  @Test
  void callersRandomIndex() {
    // the house example against RI(8) = 1.5 from a caller's table: CR = 0.2384 / 1.5
    double[] ri = {0, 0, 0.5, 0.9, 1.1, 1.25, 1.35, 1.5};
    AhpWeights r = Ahp.withDefaults().withRandomIndex(ri).withMaxConsistencyRatio(0.2)
        .weights(HOUSE_CRITERIA, HOUSE);
    assertEquals(0.2384 / 1.5, r.consistencyRatio(), 1e-4);
    assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().withRandomIndex(new double[] {0, 0.1}));
  }

  @Test
  void malformedMatricesAreRejectedNamingTheEntry() {
    List<String> n3 = List.of("a", "b", "c");
    IllegalArgumentException notReciprocal = assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weights(n3,
            new double[][] {{1, 3, 5}, {0.5, 1, 2}, {0.2, 0.5, 1}}));
    assertTrue(notReciprocal.getMessage().startsWith("matrix[1][0] (b versus a) = 0.5 is not "
        + "the reciprocal of 3.0"), notReciprocal::getMessage);
    IllegalArgumentException diagonal = assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weights(n3,
            new double[][] {{2, 3, 5}, {1.0 / 3, 1, 2}, {0.2, 0.5, 1}}));
    assertTrue(diagonal.getMessage().startsWith("matrix[0][0] (a versus a) must be 1"),
        diagonal::getMessage);
    assertThrows(IllegalArgumentException.class, () -> Ahp.withDefaults().weights(n3,
        new double[][] {{1, -3, 5}, {1.0 / 3, 1, 2}, {0.2, 0.5, 1}}));
    assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weightsFromUpperTriangle(n3, 3, 5));
    assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weightsFromUpperTriangle(List.of("a", "a"), 3));
    List<String> sixteen = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "c" + i)
        .toList();
    assertThrows(IllegalArgumentException.class,
        () -> Ahp.withDefaults().weightsFromUpperTriangle(sixteen, new double[120]));
  }
}
