package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  static final Synthetic.Data D = Synthetic.data(900, 3);

  @Test
  void everyRowIsPredictedOnceByAModelThatDidNotSeeIt() {
    ChurnClassifier lr = ChurnClassifier.logisticRegression();
    CrossValidation cv = CrossValidation.run(lr, D.features(), D.y(), 3, 9);
    int[] folds = cv.folds();
    assertArrayEquals(StratifiedKFold.folds(D.y(), 3, 9), folds);
    double[] oof = cv.outOfFold();
    // Recompute fold 2 by hand: fit on the other folds, predict this one.
    int[] train = java.util.stream.IntStream.range(0, folds.length).filter(i -> folds[i] != 1)
        .toArray();
    int[] test = java.util.stream.IntStream.range(0, folds.length).filter(i -> folds[i] == 1)
        .toArray();
    ChurnPredictor m = lr.fit(D.features().rowsAt(train),
        Arrays.stream(train).map(i -> D.y()[i]).toArray());
    double[] p = m.probabilities(D.features().rowsAt(test));
    int[] yt = Arrays.stream(test).map(i -> D.y()[i]).toArray();
    for (int k = 0; k < test.length; k++) {
      assertEquals(p[k], oof[test[k]], 0.0);
    }
    assertEquals(ChurnMetrics.rocAuc(yt, p), cv.rocAuc(1), 0.0);
    // mean and sample sd of the three fold AUCs, computed here
    double a = cv.rocAuc(0);
    double b = cv.rocAuc(1);
    double c = cv.rocAuc(2);
    double mean = (a + b + c) / 3;
    assertEquals(mean, cv.meanRocAuc(), 1e-15);
    double sd = Math.sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean)
        + (c - mean) * (c - mean)) / 2);
    assertEquals(sd, cv.sdRocAuc(), 1e-15);
    assertEquals(ChurnMetrics.rocAuc(D.y(), oof), cv.pooled().rocAuc(), 0.0);
    assertTrue(cv.meanRocAuc() > 0.75, cv.toString());
  }

  @Test
  void fixedScoresUseTheSameFolds() {
    double[] signal = D.features().column("signal");
    double[] score = Arrays.stream(signal).map(v -> 1 / (1 + Math.exp(-v))).toArray();
    CrossValidation base = CrossValidation.ofScores("σ(signal)", score, D.y(), 3, 9);
    assertArrayEquals(StratifiedKFold.folds(D.y(), 3, 9), base.folds());
    assertArrayEquals(score, base.outOfFold(), 0.0);
    assertEquals(ChurnMetrics.rocAuc(D.y(), score), base.pooled().rocAuc(), 0.0);
  }
}
