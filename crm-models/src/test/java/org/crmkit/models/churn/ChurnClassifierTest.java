package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChurnClassifierTest {

  static final Synthetic.Data TRAIN = Synthetic.data(1500, 1);
  static final Synthetic.Data TEST = Synthetic.data(1500, 2);
  static final String[] NAMES = {"signal", "weak", "noise", "constant"};

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** ln-odds from the reported coefficients, computed here. */
  static double[] fromCoefficients(Map<String, Double> b, FeatureTable f) {
    double[] p = new double[f.size()];
    for (int i = 0; i < f.size(); i++) {
      double z = b.get("intercept");
      for (String n : NAMES) {
        z += b.get(n) * f.value(i, n);
      }
      p[i] = sigmoid(z);
    }
    return p;
  }

  @Test
  void unpenalisedLogisticRegressionSolvesTheScoreEquations() {
    // The MLE solves Σ (yᵢ − pᵢ) = 0 and Σ (yᵢ − pᵢ) xᵢⱼ = 0 (McCullagh & Nelder 1989, §4.4).
    ChurnPredictor m = ChurnClassifier.logisticRegression().withLambda(0)
        .withConvergence(1e-8, 1000).fit(TRAIN.features(), TRAIN.y());
    Map<String, Double> b = m.coefficients();
    double[] p = fromCoefficients(b, TRAIN.features());
    assertArrayEquals(p, m.probabilities(TRAIN.features()), 1e-9); // the same model, rounding
    int n = p.length;
    double[] score = new double[NAMES.length + 1];
    for (int i = 0; i < n; i++) {
      double r = TRAIN.y()[i] - p[i];
      score[NAMES.length] += r;
      for (int j = 0; j < NAMES.length; j++) {
        score[j] += r * TRAIN.features().value(i, NAMES[j]);
      }
    }
    for (double s : score) {
      assertEquals(0, s / n, 1e-4); // L-BFGS stopping tolerance, per row
    }
    // the generating model: intercept −1, signal 2, weak 0.5, noise 0 (sampling error ~0.1)
    assertEquals(2, b.get("signal"), 0.4);
    assertEquals(0.5, b.get("weak"), 0.25);
    assertEquals(0, b.get("noise"), 0.1);
    assertEquals(0, b.get("constant"), 1e-12); // centred to 0: never moves
  }

  @Test
  void lambdaPenalisesStandardisedCoefficients() {
    // Documented objective: −ln L + (λ/2) Σ wⱼ² with wⱼ = βⱼ·sdⱼ on features standardised by the
    // training mean and population sd; its gradient gives Σ (yᵢ − pᵢ) zᵢⱼ = λ wⱼ.
    double lambda = 50;
    ChurnPredictor m = ChurnClassifier.logisticRegression().withLambda(lambda)
        .withConvergence(1e-8, 1000).fit(TRAIN.features(), TRAIN.y());
    Map<String, Double> b = m.coefficients();
    double[] p = fromCoefficients(b, TRAIN.features());
    for (String name : new String[] {"signal", "weak", "noise"}) {
      double[] x = TRAIN.features().column(name);
      double mean = Arrays.stream(x).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length);
      double g = 0;
      for (int i = 0; i < x.length; i++) {
        g += (TRAIN.y()[i] - p[i]) * (x[i] - mean) / sd;
      }
      double w = b.get(name) * sd;
      assertEquals(lambda * w, g, 0.05 + 1e-3 * Math.abs(g), name); // solver tolerance
    }
  }

  @Test
  void classWeightsEqualRepeatedRows() {
    // Weight 3 for churners = each churner row three times (unpenalised MLE is scale-free).
    ChurnPredictor weighted = ChurnClassifier.logisticRegression().withLambda(0)
        .withConvergence(1e-9, 2000).withClassWeights(ClassWeights.of(1, 3))
        .fit(TRAIN.features(), TRAIN.y());
    FeatureTable f = TRAIN.features();
    int n = f.size();
    int churners = Arrays.stream(TRAIN.y()).sum();
    String[] ids = new String[n + 2 * churners];
    double[][] rows = new double[ids.length][];
    int[] y = new int[ids.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      ids[k] = f.customerId(i);
      rows[k] = f.row(i);
      y[k++] = TRAIN.y()[i];
    }
    for (int copy = 1; copy <= 2; copy++) {
      for (int i = 0; i < n; i++) {
        if (TRAIN.y()[i] == 1) {
          ids[k] = f.customerId(i) + "#" + copy;
          rows[k] = f.row(i);
          y[k++] = 1;
        }
      }
    }
    ChurnPredictor repeated = ChurnClassifier.logisticRegression().withLambda(0)
        .withConvergence(1e-9, 2000).fit(FeatureTable.of(ids, NAMES, rows), y);
    for (String name : new String[] {"signal", "weak", "noise", "intercept"}) {
      assertEquals(repeated.coefficients().get(name), weighted.coefficients().get(name), 1e-3,
          name); // two optimiser runs on different row orders
    }
    // balanced: the rarer class weighs round(n_major / n_minor)
    assertArrayEquals(new int[] {1, 2}, ClassWeights.balanced().resolve(70, 30));
    assertArrayEquals(new int[] {3, 1}, ClassWeights.balanced().resolve(10, 31));
  }

  @Test
  void balancedForestRaisesTheMinorityProbabilities() {
    for (ChurnClassifier.Engine e : ChurnClassifier.Engine.values()) {
      ChurnClassifier rf = ChurnClassifier.randomForest().withTrees(30).withEngine(e);
      double none = mean(rf.fit(TRAIN.features(), TRAIN.y()).probabilities(TEST.features()));
      double balanced = mean(rf.withClassWeights(ClassWeights.balanced())
          .fit(TRAIN.features(), TRAIN.y()).probabilities(TEST.features()));
      // churners are ~30 %: weight 2 doubles a churner's weight in the impurity and the leaf
      // frequencies (crmkit) or halves the retained rows in each tree's sample (Smile)
      assertTrue(balanced > none + 0.05, e + ": " + none + " -> " + balanced);
    }
  }

  @Test
  void treeModelsAreSeededAndDeterministic() {
    for (ChurnClassifier c : new ChurnClassifier[] {
        ChurnClassifier.randomForest().withTrees(20),
        ChurnClassifier.gradientBoosting().withTrees(20)}) {
      double[] a = c.withSeed(7).fit(TRAIN.features(), TRAIN.y()).probabilities(TEST.features());
      double[] b = c.withSeed(7).fit(TRAIN.features(), TRAIN.y()).probabilities(TEST.features());
      double[] d = c.withSeed(8).fit(TRAIN.features(), TRAIN.y()).probabilities(TEST.features());
      assertArrayEquals(a, b, 0.0, c.kind() + ": same seed, same model");
      assertFalse(Arrays.equals(a, d), c.kind() + ": another seed, another model");
      double auc = ChurnMetrics.rocAuc(TEST.y(), a);
      assertTrue(auc > 0.75, c.kind() + " AUC " + auc); // the data's signal is strong
    }
  }

  @Test
  void calibrationFitsACalibratorOnOutOfFoldProbabilities() {
    ChurnClassifier rf = ChurnClassifier.randomForest().withTrees(30)
        .withClassWeights(ClassWeights.balanced());
    ChurnPredictor raw = rf.fit(TRAIN.features(), TRAIN.y());
    ChurnPredictor iso = rf.withCalibration(Calibration.ISOTONIC).fit(TRAIN.features(), TRAIN.y());
    ChurnPredictor platt = rf.withCalibration(Calibration.PLATT).fit(TRAIN.features(), TRAIN.y());
    assertInstanceOf(IsotonicRegression.class, iso.calibrator().orElseThrow());
    assertInstanceOf(PlattScaling.class, platt.calibrator().orElseThrow());
    assertTrue(raw.calibrator().isEmpty());
    // Class weights bias the probabilities upwards; calibration removes most of that bias on
    // held-out data (expected calibration error, 10 bins).
    double eceRaw = CalibrationTable.of(TEST.y(), raw.probabilities(TEST.features()), 10)
        .expectedCalibrationError();
    for (ChurnPredictor m : new ChurnPredictor[] {iso, platt}) {
      double[] p = m.probabilities(TEST.features());
      double ece = CalibrationTable.of(TEST.y(), p, 10).expectedCalibrationError();
      assertTrue(ece < eceRaw / 2, eceRaw + " -> " + ece);
    }
  }

  @Test
  void badInputGetsClearErrors() {
    ChurnClassifier lr = ChurnClassifier.logisticRegression();
    var single = assertThrows(IllegalArgumentException.class,
        () -> lr.fit(TRAIN.features(), new int[TRAIN.y().length]));
    assertTrue(single.getMessage().contains("single class") && single.getMessage()
        .contains("1500"), single.getMessage());
    ChurnPredictor m = lr.fit(TRAIN.features(), TRAIN.y());
    var mismatch = assertThrows(IllegalArgumentException.class, () -> m.probabilities(
        TRAIN.features().without("weak").withColumn("extra", new double[1500])));
    assertTrue(mismatch.getMessage().contains("missing [weak]")
        && mismatch.getMessage().contains("not in the model [extra]"), mismatch.getMessage());
    // another column order is fine: columns are matched by name
    assertArrayEquals(m.probabilities(TEST.features()),
        m.probabilities(TEST.features().select("noise", "constant", "weak", "signal")), 0.0);
    var row = assertThrows(IllegalArgumentException.class,
        () -> m.probability(new double[] {1, Double.NaN, 0, 1}));
    assertTrue(row.getMessage().contains("'weak'"), row.getMessage());
    var option = assertThrows(IllegalArgumentException.class, () -> lr.withTrees(10));
    assertEquals("trees does not apply to logistic regression", option.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ChurnClassifier.randomForest().withLambda(1));
    var label = assertThrows(IllegalArgumentException.class,
        () -> lr.fit(TRAIN.features(), Arrays.stream(TRAIN.y()).map(v -> 2 * v).toArray()));
    assertTrue(label.getMessage().contains("label must be 0"), label.getMessage());
    var few = assertThrows(IllegalArgumentException.class, () -> lr
        .withCalibration(Calibration.PLATT).withCalibrationFolds(5).fit(
            FeatureTable.of(new String[] {"a", "b", "c", "d"}, new String[] {"x"},
                new double[][] {{1}, {2}, {3}, {4}}), new int[] {0, 1, 0, 1}));
    assertTrue(few.getMessage().contains("5 folds"), few.getMessage());
    assertThrows(IllegalStateException.class,
        () -> ChurnClassifier.randomForest().withTrees(5).fit(TRAIN.features(), TRAIN.y())
            .coefficients());
  }

  @Test
  void nativeImportanceRanksTheSignalFirst() {
    ChurnPredictor rf = ChurnClassifier.randomForest().withTrees(30)
        .fit(TRAIN.features(), TRAIN.y());
    Map<String, Double> imp = rf.nativeImportance();
    assertTrue(imp.get("signal") > imp.get("weak") && imp.get("signal") > imp.get("noise"),
        imp.toString());
    assertEquals(0, imp.get("constant"), 0.0); // a constant column is never split on
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }
}
