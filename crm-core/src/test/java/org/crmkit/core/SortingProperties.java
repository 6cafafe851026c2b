package org.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Sorting#order} equals a stable sort of boxed indices by their key. */
class SortingProperties {

  static Stream<Arguments> keys() {
    return Cases.random(5301L, 200, r -> {
      int n = r.nextInt(300);
      int distinct = 1 + r.nextInt(20); // many ties
      double[] k = new double[n];
      for (int i = 0; i < n; i++) {
        k[i] = r.nextBoolean() ? r.nextInt(distinct) - distinct / 2.0 : r.nextGaussian();
      }
      return Arguments.of((Object) k);
    });
  }

  @ParameterizedTest
  @MethodSource("keys")
  void ordersStablyByKey(double[] keys) {
    int[] expected = IntStream.range(0, keys.length).boxed()
        .sorted(Comparator.comparingDouble(i -> keys[i])) // List.sort is stable
        .mapToInt(Integer::intValue).toArray();
    assertArrayEquals(expected, Sorting.order(keys));
  }
}
