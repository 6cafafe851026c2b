package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of crmkit's random forest ({@link ForestLearner}) on random data and options. */
class ForestLearnerProperties {

  /** Continuous data (often more than 256 distinct values) with random forest options. */
  static Stream<Arguments> forests() {
    return Cases.random(77_2024L, 40, r -> {
      int n = 50 + r.nextInt(900);
      int p = 1 + r.nextInt(6);
      double[][] x = new double[n][p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          x[i][j] = r.nextInt(4) == 0 && j == 0 ? r.nextInt(3) : Synthetic.gauss(r) * (1 + j);
        }
      }
      int[] y = ForestReferenceProperties.labels(x, r);
      int[] w = {1 + r.nextInt(3), 1 + r.nextInt(3)};
      double subsample = r.nextBoolean() ? 1 : 0.2 + 0.8 * r.nextDouble();
      var params = new ForestLearner.Params(1 + r.nextInt(12), r.nextInt(p + 1),
          2 + r.nextInt(10), r.nextInt(3) == 0 ? 0 : 2 + r.nextInt(40), 1 + r.nextInt(10),
          subsample, false, r.nextLong());
      return Arguments.of(x, y, w, params);
    });
  }

  @ParameterizedTest
  @MethodSource("forests")
  void probabilitiesLieInTheUnitIntervalAndTreesKeepTheLimits(double[][] x, int[] y, int[] w,
      ForestLearner.Params params) {
    ForestLearner.Forest f = (ForestLearner.Forest) ForestLearner.fit(x, y, w, params);
    double[][] probes = ForestReferenceProperties.probes(x, new SplittableRandom(params.seed()));
    for (double v : f.predict(probes)) {
      assertTrue(v >= 0 && v <= 1, "probability " + v);
    }
    int maxLeaves = params.maxNodes() == 0 ? Math.max(2, x.length / 5) : params.maxNodes();
    assertEquals(params.trees(), f.trees().length);
    for (ForestLearner.Tree t : f.trees()) {
      assertTrue(t.leaves() <= maxLeaves, t.leaves() + " leaves, at most " + maxLeaves);
      assertTrue(depth(t, 0) <= params.maxDepth(), "depth");
    }
    for (double v : f.nativeImportance()) {
      assertTrue(v >= 0 && v <= 0.5, "importance " + v);
    }
  }

  static int depth(ForestLearner.Tree t, int node) {
    if (t.feature()[node] < 0) {
      return 1;
    }
    return 1 + Math.max(depth(t, t.child()[node]), depth(t, t.child()[node] + 1));
  }

  @ParameterizedTest
  @MethodSource("forests")
  void theSameSeedGivesTheSameForestOnOneThreadOrMany(double[][] x, int[] y, int[] w,
      ForestLearner.Params params) throws Exception {
    double[][] probes = ForestReferenceProperties.probes(x, new SplittableRandom(1));
    Scorer common = ForestLearner.fit(x, y, w, params);
    ForkJoinPool single = new ForkJoinPool(1);
    try {
      Scorer one = single.submit(() -> ForestLearner.fit(x, y, w, params)).get();
      assertArrayEquals(common.predict(probes), one.predict(probes), 0.0);
      assertArrayEquals(common.nativeImportance(), one.nativeImportance(), 0.0);
    } finally {
      single.shutdown();
    }
    assertArrayEquals(common.predict(probes), ForestLearner.fit(x, y, w, params).predict(probes),
        0.0);
  }

  @ParameterizedTest
  @MethodSource("forests")
  void aStrictlyIncreasingTransformOfAFeatureChangesNoPrediction(double[][] x, int[] y, int[] w,
      ForestLearner.Params params) {
    double[][] probes = ForestReferenceProperties.probes(x, new SplittableRandom(2));
    int j = (int) Math.floorMod(params.seed(), (long) x[0].length);
    DoubleUnaryOperator g = v -> Math.exp(v / 4) + 3 * v; // strictly increasing
    double[][] gx = transform(x, j, g);
    double[][] gProbes = transform(probes, j, g);
    // g is strictly increasing on these doubles too (rounding could merge two values)
    double[] all = Stream.of(x, probes).flatMap(Arrays::stream).mapToDouble(r -> r[j]).sorted()
        .distinct().toArray();
    for (int k = 1; k < all.length; k++) {
      assertTrue(g.applyAsDouble(all[k - 1]) < g.applyAsDouble(all[k]));
    }
    Scorer plain = ForestLearner.fit(x, y, w, params);
    Scorer transformed = ForestLearner.fit(gx, y, w, params);
    assertArrayEquals(plain.predict(probes), transformed.predict(gProbes), 0.0);
    assertArrayEquals(plain.nativeImportance(), transformed.nativeImportance(), 0.0);
  }

  static double[][] transform(double[][] x, int j, DoubleUnaryOperator g) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i].clone();
      out[i][j] = g.applyAsDouble(x[i][j]);
    }
    return out;
  }

  /** Small data with at most 256 distinct values per feature and integer class weights. */
  static Stream<Arguments> weighted() {
    return Cases.random(31_337L, 150, r -> {
      int n = 10 + r.nextInt(200);
      int p = 1 + r.nextInt(4);
      double[][] x = new double[n][p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          x[i][j] = Math.round(Synthetic.gauss(r) * 8) / 8.0;
        }
      }
      int[] y = ForestReferenceProperties.labels(x, r);
      int[] w = {1 + r.nextInt(4), 1 + r.nextInt(4)};
      return Arguments.of(x, y, w, 2 + r.nextInt(10), 2 + r.nextInt(30), r.nextLong());
    });
  }

  @ParameterizedTest
  @MethodSource("weighted")
  void integerClassWeightsEqualRepeatedRows(double[][] x, int[] y, int[] w, int maxDepth,
      int maxNodes, long seed) {
    // On all rows with every feature (the no-sampling hook) and leaves of one row or more, a
    // row of weight k is k copies of it: the same weighted totals in every node.
    int p = x[0].length;
    Scorer weighted = ForestLearner.fit(x, y, w,
        new ForestLearner.Params(2, p, maxDepth, maxNodes, 1, 1, true, seed));
    int size = 0;
    for (int v : y) {
      size += w[v];
    }
    double[][] xr = new double[size][];
    int[] yr = new int[size];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < w[y[i]]; c++) {
        xr[k] = x[i];
        yr[k++] = y[i];
      }
    }
    Scorer repeated = ForestLearner.fit(xr, yr, new int[] {1, 1},
        new ForestLearner.Params(2, p, maxDepth, maxNodes, 1, 1, true, seed + 1));
    double[][] probes = ForestReferenceProperties.probes(x, new SplittableRandom(seed));
    assertArrayEquals(repeated.predict(probes), weighted.predict(probes), 0.0);
    assertArrayEquals(repeated.nativeImportance(), weighted.nativeImportance(), 1e-12);
  }

  @Test
  void badInputsGetClearErrors() {
    double[][] x = {{1, 2}, {2, 1}, {3, 0}, {4, 5}};
    int[] y = {0, 1, 0, 1};
    int[] w = {1, 1};
    var mtry = assertThrows(IllegalArgumentException.class, () -> ForestLearner.fit(x, y, w,
        new ForestLearner.Params(5, 3, 20, 0, 1, 0.632, false, 1)));
    assertEquals("mtry (3) must not exceed the number of features (2)", mtry.getMessage());
    String[] expected = {"trees must be >= 1: 0", "mtry must be >= 0 (0 for sqrt(p)): -1",
        "maxDepth must be >= 2: 1", "maxNodes must be >= 2 or 0 (n/5): 1",
        "nodeSize must be >= 1: 0", "subsample must be in (0, 1]: 1.5",
        "subsample must be in (0, 1]: 0.0"};
    Runnable[] bad = {
        () -> new ForestLearner.Params(0, 0, 20, 0, 1, 0.5, false, 1),
        () -> new ForestLearner.Params(1, -1, 20, 0, 1, 0.5, false, 1),
        () -> new ForestLearner.Params(1, 0, 1, 0, 1, 0.5, false, 1),
        () -> new ForestLearner.Params(1, 0, 20, 1, 1, 0.5, false, 1),
        () -> new ForestLearner.Params(1, 0, 20, 0, 0, 0.5, false, 1),
        () -> new ForestLearner.Params(1, 0, 20, 0, 1, 1.5, false, 1),
        () -> new ForestLearner.Params(1, 0, 20, 0, 1, 0, false, 1)};
    for (int k = 0; k < bad.length; k++) {
      var e = assertThrows(IllegalArgumentException.class, bad[k]::run);
      assertEquals(expected[k], e.getMessage());
    }
    var ragged = assertThrows(IllegalArgumentException.class, () -> ForestLearner.fit(
        new double[][] {{1, 2}, {3}}, new int[] {0, 1}, w,
        new ForestLearner.Params(1, 0, 20, 0, 1, 1, false, 1)));
    assertEquals("row 2 has 1 values, row 1 has 2", ragged.getMessage());
    var weights = assertThrows(IllegalArgumentException.class, () -> ForestLearner.fit(x, y,
        new int[] {0, 1}, new ForestLearner.Params(1, 0, 20, 0, 1, 1, false, 1)));
    assertTrue(weights.getMessage().contains("[0, 1]"), weights.getMessage());
    Scorer f = ForestLearner.fit(x, y, w, new ForestLearner.Params(1, 0, 20, 0, 1, 1, false, 1));
    var width = assertThrows(IllegalArgumentException.class,
        () -> f.predict(new double[][] {{1, 2}, {1, 2, 3}}));
    assertEquals("row 2 has 3 values; the forest has 2 features", width.getMessage());
  }

  @Test
  void binsAreExactUpTo256DistinctValuesAndQuantilesBeyond() {
    double[] few = new double[1000];
    for (int i = 0; i < few.length; i++) {
      few[i] = (i * 37) % 256; // 256 distinct values, each about 4 times
    }
    double[] up = ForestLearner.Binned.boundaries(few);
    assertEquals(256, up.length);
    for (int b = 0; b < 256; b++) {
      assertEquals(b, up[b], 0.0);
    }
    double[] many = new double[10_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = many.length - i; // 10,000 distinct values
    }
    up = ForestLearner.Binned.boundaries(many);
    assertEquals(256, up.length);
    assertEquals(10_000, up[255], 0.0); // the maximum closes the last bin
    int[] count = new int[256];
    for (double v : many) {
      count[ForestLearner.Binned.binOf(up, v)]++;
    }
    for (int c : count) {
      assertTrue(c == 39 || c == 40, "bin of " + c + " rows"); // 10,000 / 256 = 39.06
    }
    double[] tied = new double[10_000];
    for (int i = 0; i < tied.length; i++) {
      tied[i] = i < 9000 ? 0 : i; // one value holds 90 % of the rows, 1,000 others one each
    }
    up = ForestLearner.Binned.boundaries(tied);
    // ranks ⌈b·10,000/256⌉ − 1 are < 9,000 up to b = 230 (all 0, merged into one bin); from
    // b = 231 (rank 9,023) to 256 (rank 9,999) 26 more bins
    assertEquals(27, up.length);
    assertEquals(0, up[0], 0.0);
    assertEquals(9023, up[1], 0.0);
    assertEquals(9999, up[26], 0.0);
  }
}
