package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random forest's two engines: the option itself, and crmkit's forest against Smile's. */
class ForestEnginesTest {

  /**
   * The benchmark's data ({@code ChurnClassifierBenchmark}): 20 standard normal features, churn
   * with probability σ(−0.5 + Σ_{j<5} x_j).
   */
  static Synthetic.Data benchmarkData(int n, long seed) {
    int p = 20;
    SplittableRandom r = new SplittableRandom(seed);
    String[] ids = new String[n];
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "f" + j;
    }
    double[][] x = new double[n][p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "C" + i;
      double z = -0.5;
      for (int j = 0; j < p; j++) {
        x[i][j] = Synthetic.gauss(r);
        if (j < 5) {
          z += x[i][j];
        }
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    return new Synthetic.Data(FeatureTable.of(ids, names, x), y);
  }

  @Test
  void crmkitAndSmileForestsRankHeldOutCustomersAlike() {
    Synthetic.Data d = benchmarkData(20_000, 42);
    int[] train = java.util.stream.IntStream.range(0, 15_000).toArray();
    int[] test = java.util.stream.IntStream.range(15_000, 20_000).toArray();
    FeatureTable xTrain = d.features().rowsAt(train);
    FeatureTable xTest = d.features().rowsAt(test);
    int[] yTrain = Arrays.copyOfRange(d.y(), 0, 15_000);
    int[] yTest = Arrays.copyOfRange(d.y(), 15_000, 20_000);
    ChurnClassifier rf = ChurnClassifier.randomForest().withTrees(50);
    double crmkit = ChurnMetrics.rocAuc(yTest, rf.fit(xTrain, yTrain).probabilities(xTest));
    double smile = ChurnMetrics.rocAuc(yTest, rf.withEngine(ChurnClassifier.Engine.SMILE)
        .fit(xTrain, yTrain).probabilities(xTest));
    // Five of the twenty features carry the signal: both forests rank far better than chance,
    // and two independent implementations of the same method agree to within 0.01.
    assertTrue(crmkit > 0.8 && smile > 0.8, "crmkit " + crmkit + ", Smile " + smile);
    assertEquals(smile, crmkit, 0.01, "crmkit " + crmkit + ", Smile " + smile);
  }

  @Test
  void bothEnginesFindTheSignalFeature() {
    for (ChurnClassifier.Engine e : ChurnClassifier.Engine.values()) {
      ChurnPredictor m = ChurnClassifier.randomForest().withTrees(30).withEngine(e)
          .fit(ChurnClassifierTest.TRAIN.features(), ChurnClassifierTest.TRAIN.y());
      var imp = m.nativeImportance();
      assertTrue(imp.get("signal") > imp.get("weak") && imp.get("weak") > imp.get("constant"),
          e + " " + imp);
      assertEquals(0, imp.get("constant"), 0.0, e + ": a constant column is never split on");
      double auc = ChurnMetrics.rocAuc(ChurnClassifierTest.TEST.y(),
          m.probabilities(ChurnClassifierTest.TEST.features()));
      assertTrue(auc > 0.75, e + " AUC " + auc);
    }
  }

  @Test
  void theEngineIsAForestOptionShownInTheDescription() {
    ChurnClassifier rf = ChurnClassifier.randomForest();
    assertEquals(ChurnClassifier.Engine.CRMKIT, rf.engine());
    ChurnClassifier smile = rf.withEngine(ChurnClassifier.Engine.SMILE);
    assertEquals(ChurnClassifier.Engine.SMILE, smile.engine());
    assertEquals(ChurnClassifier.Engine.CRMKIT, rf.engine(), "immutable");
    assertTrue(rf.toString().contains("engine CRMKIT, trees 100"), rf.toString());
    assertTrue(smile.toString().contains("engine SMILE, trees 100"), smile.toString());
    assertEquals("random forest (100 trees)", rf.describe());
    assertEquals("random forest (100 trees, Smile)", smile.describe());
    // the other options survive the engine change, and the engine survives other changes
    ChurnClassifier tuned = smile.withTrees(7).withSeed(3).withMtry(2);
    assertEquals(ChurnClassifier.Engine.SMILE, tuned.engine());
    assertEquals(3, tuned.seed());
    assertTrue(tuned.toString().contains("trees 7, mtry 2"), tuned.toString());
    var lr = assertThrows(IllegalArgumentException.class,
        () -> ChurnClassifier.logisticRegression().withEngine(ChurnClassifier.Engine.CRMKIT));
    assertEquals("engine does not apply to logistic regression", lr.getMessage());
    var gbt = assertThrows(IllegalArgumentException.class,
        () -> ChurnClassifier.gradientBoosting().withEngine(ChurnClassifier.Engine.SMILE));
    assertEquals("engine does not apply to gradient boosting", gbt.getMessage());
    var none = assertThrows(IllegalArgumentException.class, () -> rf.withEngine(null));
    assertEquals("engine must not be null", none.getMessage());
  }

  @Test
  void badForestOptionsNameTheValue() {
    ChurnClassifier rf = ChurnClassifier.randomForest().withTrees(5);
    FeatureTable f = ChurnClassifierTest.TRAIN.features();
    int[] y = ChurnClassifierTest.TRAIN.y();
    for (ChurnClassifier.Engine e : ChurnClassifier.Engine.values()) {
      var mtry = assertThrows(IllegalArgumentException.class,
          () -> rf.withEngine(e).withMtry(5).fit(f, y));
      assertEquals("mtry (5) must not exceed the number of features (4)", mtry.getMessage(),
          e.toString());
    }
    assertEquals("mtry must be >= 0: -1",
        assertThrows(IllegalArgumentException.class, () -> rf.withMtry(-1)).getMessage());
    assertEquals("maxDepth must be >= 2: 1", assertThrows(IllegalArgumentException.class,
        () -> rf.withTreeSize(1, 0, 5)).getMessage());
    assertEquals("maxNodes must be >= 2 or 0 (n/5): 1", assertThrows(
        IllegalArgumentException.class, () -> rf.withTreeSize(10, 1, 5)).getMessage());
    assertEquals("nodeSize must be > 0: 0", assertThrows(IllegalArgumentException.class,
        () -> rf.withTreeSize(10, 0, 0)).getMessage());
    assertEquals("subsample must be in (0, 1]: 0.0", assertThrows(
        IllegalArgumentException.class, () -> rf.withSubsample(0)).getMessage());
    assertEquals("trees must be > 0: 0",
        assertThrows(IllegalArgumentException.class, () -> rf.withTrees(0)).getMessage());
  }

  @Test
  void bootstrapAndSubsamplesGiveDifferentForestsOfTheSameQuality() {
    FeatureTable f = ChurnClassifierTest.TRAIN.features();
    int[] y = ChurnClassifierTest.TRAIN.y();
    ChurnClassifier rf = ChurnClassifier.randomForest().withTrees(30);
    double[] sub = rf.fit(f, y).probabilities(ChurnClassifierTest.TEST.features());
    double[] boot = rf.withSubsample(1).fit(f, y)
        .probabilities(ChurnClassifierTest.TEST.features());
    assertNotEquals(Arrays.toString(sub), Arrays.toString(boot));
    double a = ChurnMetrics.rocAuc(ChurnClassifierTest.TEST.y(), sub);
    double b = ChurnMetrics.rocAuc(ChurnClassifierTest.TEST.y(), boot);
    assertEquals(a, b, 0.02, "subsample " + a + ", bootstrap " + b);
  }
}
