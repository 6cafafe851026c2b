package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * crmkit's forest, grown on every row with every feature at every node (the {@code allRows}
 * hook, mtry = p), is exact CART when no feature has more than 256 distinct values: its tree
 * predicts what {@link BruteForceCart} predicts, bit for bit, with class weights and the depth,
 * leaf-count and leaf-size limits.
 */
class ForestReferenceProperties {

  /** Small data: ties, constant columns, few levels, labels that depend on the features. */
  static Stream<Arguments> smallData() {
    return Cases.random(20240611L, 250, r -> {
      boolean large = r.nextInt(5) == 0; // more rows than bins, but few distinct values
      int n = large ? 300 + r.nextInt(400) : 8 + r.nextInt(150);
      int p = 1 + r.nextInt(5);
      double[][] x = new double[n][p];
      for (int j = 0; j < p; j++) {
        int kind = r.nextInt(large ? 3 : 4);
        int levels = 1 + r.nextInt(kind == 0 ? 3 : 40);
        double scale = 0.5 + r.nextDouble() * 10;
        for (int i = 0; i < n; i++) {
          x[i][j] = switch (kind) {
            case 0, 1 -> r.nextInt(levels) * scale - 3; // few levels, many ties
            case 2 -> Math.round(Synthetic.gauss(r) * 4) / 4.0; // a rounded normal
            default -> Synthetic.gauss(r) * scale; // all distinct
          };
        }
      }
      int[] y = labels(x, r);
      int[] w = {1 + r.nextInt(4), 1 + r.nextInt(4)};
      int maxDepth = 2 + r.nextInt(8);
      int maxNodes = r.nextInt(3) == 0 ? 0 : 2 + r.nextInt(20);
      int nodeSize = 1 + r.nextInt(6);
      return Arguments.of(x, y, w, maxDepth, maxNodes, nodeSize, r.nextLong());
    });
  }

  static int[] labels(double[][] x, SplittableRandom r) {
    int n = x.length;
    int p = x[0].length;
    double[] beta = new double[p];
    for (int j = 0; j < p; j++) {
      beta[j] = Synthetic.gauss(r);
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double z = Synthetic.gauss(r) * 0.5;
      for (int j = 0; j < p; j++) {
        z += beta[j] * x[i][j] / (1 + Math.abs(x[i][j]));
      }
      y[i] = z > 0 ? 1 : 0;
    }
    y[0] = 0; // both classes present
    y[1] = 1;
    return y;
  }

  /** Rows to predict: the training rows, and new values inside, between and beyond them. */
  static double[][] probes(double[][] x, SplittableRandom r) {
    int n = x.length;
    int p = x[0].length;
    double[][] out = new double[n + 200][];
    System.arraycopy(x, 0, out, 0, n);
    for (int k = n; k < out.length; k++) {
      double[] row = new double[p];
      for (int j = 0; j < p; j++) {
        double a = x[r.nextInt(n)][j];
        double b = x[r.nextInt(n)][j];
        row[j] = switch (r.nextInt(3)) {
          case 0 -> a;
          case 1 -> (a + b) / 2;
          default -> a + Synthetic.gauss(r) * 5;
        };
      }
      out[k] = row;
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("smallData")
  void oneTreeOnAllRowsIsExactCart(double[][] x, int[] y, int[] w, int maxDepth, int maxNodes,
      int nodeSize, long seed) {
    int p = x[0].length;
    ForestLearner.Forest forest = (ForestLearner.Forest) ForestLearner.fit(x, y, w,
        new ForestLearner.Params(1, p, maxDepth, maxNodes, nodeSize, 0.632, true, seed));
    int maxLeaves = maxNodes == 0 ? Math.max(2, x.length / 5) : maxNodes;
    BruteForceCart ref = new BruteForceCart(x, y, w, maxDepth, maxLeaves, nodeSize);
    assertEquals(ref.leaves, forest.trees()[0].leaves(), "leaves");
    double[][] probes = probes(x, new SplittableRandom(seed));
    double[] got = forest.predict(probes);
    for (int i = 0; i < probes.length; i++) {
      assertEquals(ref.predict(probes[i]), got[i], 0.0, "row " + i);
    }
    double[] imp = forest.nativeImportance();
    for (int j = 0; j < p; j++) {
      assertEquals(ref.importance[j], imp[j], 1e-12, "importance of feature " + j);
    }
  }

  @ParameterizedTest
  @MethodSource("smallData")
  void importanceAddsUpToTheDropInGini(double[][] x, int[] y, int[] w, int maxDepth,
      int maxNodes, int nodeSize, long seed) {
    // Σ_j importance_j = Gini(root) − Σ_leaves (W_leaf / W_root) · Gini(leaf), in Gini units
    int p = x[0].length;
    int maxLeaves = maxNodes == 0 ? Math.max(2, x.length / 5) : maxNodes;
    BruteForceCart ref = new BruteForceCart(x, y, w, maxDepth, maxLeaves, nodeSize);
    double rootWeight = ref.root.w0 + ref.root.w1;
    double drop = gini(ref.root) - leafGini(ref.root, rootWeight);
    double[] imp = ForestLearner.fit(x, y, w,
        new ForestLearner.Params(3, p, maxDepth, maxNodes, nodeSize, 1, true, seed))
        .nativeImportance();
    double sum = 0;
    for (double v : imp) {
      sum += v;
    }
    assertEquals(drop, sum, 1e-12);
  }

  static double gini(BruteForceCart.Node nd) {
    double w = nd.w0 + nd.w1;
    return 1 - (nd.w0 / w) * (nd.w0 / w) - (nd.w1 / w) * (nd.w1 / w);
  }

  static double leafGini(BruteForceCart.Node nd, double rootWeight) {
    if (nd.feature < 0) {
      return (nd.w0 + nd.w1) / rootWeight * gini(nd);
    }
    return leafGini(nd.left, rootWeight) + leafGini(nd.right, rootWeight);
  }
}
