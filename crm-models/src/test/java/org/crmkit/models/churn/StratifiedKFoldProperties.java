package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StratifiedKFoldProperties {

  static Stream<Arguments> labels() {
    return Cases.random(424242L, 200, r -> {
      int k = 2 + r.nextInt(9);
      int pos = k + r.nextInt(200);
      int neg = k + r.nextInt(200);
      int[] y = new int[pos + neg];
      Arrays.fill(y, 0, pos, 1);
      for (int i = y.length - 1; i > 0; i--) { // labels in random order
        int j = r.nextInt(i + 1);
        int t = y[i];
        y[i] = y[j];
        y[j] = t;
      }
      return Arguments.of(y, k, r.nextLong());
    });
  }

  @ParameterizedTest
  @MethodSource("labels")
  void everyFoldKeepsTheClassShares(int[] y, int k, long seed) {
    int[] folds = StratifiedKFold.folds(y, k, seed);
    int[][] count = new int[k][2];
    for (int i = 0; i < y.length; i++) {
      assertTrue(folds[i] >= 0 && folds[i] < k);
      count[folds[i]][y[i]]++;
    }
    int pos = Arrays.stream(y).sum();
    int neg = y.length - pos;
    for (int f = 0; f < k; f++) {
      // each class: ⌊n_c/k⌋ or ⌈n_c/k⌉ per fold; fold sizes within one of each other
      assertTrue(count[f][1] == pos / k || count[f][1] == (pos + k - 1) / k, "churners");
      assertTrue(count[f][0] == neg / k || count[f][0] == (neg + k - 1) / k, "retained");
      int size = count[f][0] + count[f][1];
      assertTrue(size == y.length / k || size == (y.length + k - 1) / k, "fold size " + size);
    }
    assertArrayEquals(folds, StratifiedKFold.folds(y, k, seed), "same seed, same folds");
  }

  @ParameterizedTest
  @MethodSource("labels")
  void anotherSeedShufflesDifferently(int[] y, int k, long seed) {
    // with 20 or more rows, two seeds give the same assignment with negligible chance
    if (y.length >= 20) {
      assertFalse(Arrays.equals(StratifiedKFold.folds(y, k, seed),
          StratifiedKFold.folds(y, k, seed + 1)));
    }
  }

  @org.junit.jupiter.api.Test
  void tooFewRowsOfAClass() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> StratifiedKFold.folds(new int[] {1, 1, 0, 0, 0, 0}, 3, 1));
    assertTrue(e.getMessage().contains("2 churned"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.folds(new int[4], 1, 1));
  }
}
