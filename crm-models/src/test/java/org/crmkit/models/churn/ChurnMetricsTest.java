package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChurnMetricsTest {

  // scikit-learn docstrings (sklearn.metrics.auc, roc_curve, average_precision_score):
  // y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]
  private static final int[] Y4 = {0, 0, 1, 1};
  private static final double[] S4 = {0.1, 0.4, 0.35, 0.8};

  @Test
  void rocAucMatchesTheScikitLearnDocstring() {
    // sklearn.metrics.auc docstring: auc(fpr, tpr) of roc_curve(y, scores) = 0.75 (exact)
    assertEquals(0.75, ChurnMetrics.rocAuc(Y4, S4), 1e-15);
  }

  @Test
  void rocAucCountsTiesAsOneHalf() {
    // Hand: churners score {0.5, 0.9, 0.2}, retained {0.5, 0.2}; pairs (churner, retained):
    // (0.5,0.5)=½ (0.5,0.2)=1 (0.9,0.5)=1 (0.9,0.2)=1 (0.2,0.5)=0 (0.2,0.2)=½ → 4/6
    int[] y = {0, 1, 0, 1, 1};
    double[] s = {0.5, 0.5, 0.2, 0.9, 0.2};
    assertEquals(4.0 / 6.0, ChurnMetrics.rocAuc(y, s), 1e-15); // exact fraction
    // all scores equal: every pair is a tie
    assertEquals(0.5, ChurnMetrics.rocAuc(y, new double[5]), 1e-15);
  }

  @Test
  void rocAucEqualsTheShareOfConcordantPairsOnRandomData() {
    // Independent O(n²) count of pairs, ties ½ (the definition), on tie-heavy random data.
    SplittableRandom r = new SplittableRandom(7);
    for (int rep = 0; rep < 20; rep++) {
      int n = 2 + r.nextInt(60);
      int[] y = new int[n];
      double[] s = new double[n];
      y[0] = 1;
      for (int i = 0; i < n; i++) {
        if (i > 1) {
          y[i] = r.nextInt(2);
        }
        s[i] = r.nextInt(8) / 8.0;
      }
      double concordant = 0;
      long pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (y[i] == 1 && y[j] == 0) {
            pairs++;
            concordant += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          }
        }
      }
      assertEquals(concordant / pairs, ChurnMetrics.rocAuc(y, s), 1e-12); // rounding only
    }
  }

  @Test
  void averagePrecisionMatchesTheScikitLearnDocstring() {
    // average_precision_score docstring prints 0.83 (2 decimals). Hand, thresholds from the top:
    // 0.8: P=1, R=½; 0.4: P=½, R=½; 0.35: P=⅔, R=1 → ½·1 + 0 + ½·⅔ = 5/6
    double ap = ChurnMetrics.averagePrecision(Y4, S4);
    assertEquals(0.83, ap, 0.005); // the docstring's rounding
    assertEquals(5.0 / 6.0, ap, 1e-15); // exact hand value
  }

  @Test
  void averagePrecisionTreatsTiedScoresAsOneThreshold() {
    // Hand: y = [1,0,1,0,1], s = [.9,.9,.5,.5,.1]
    // ≥.9: TP 1 of 2, P=½, R=⅓; ≥.5: TP 2 of 4, P=½, R=⅔; ≥.1: TP 3 of 5, P=.6, R=1
    // AP = ⅓·½ + ⅓·½ + ⅓·.6 = 0.5333…
    int[] y = {1, 0, 1, 0, 1};
    double[] s = {0.9, 0.9, 0.5, 0.5, 0.1};
    assertEquals(1.0 / 6 + 1.0 / 6 + 0.2, ChurnMetrics.averagePrecision(y, s), 1e-15);
    // a perfect ranking has AP 1
    assertEquals(1.0, ChurnMetrics.averagePrecision(new int[] {1, 1, 0}, new double[] {3, 2, 1}),
        1e-15);
  }

  @Test
  void logLossMatchesTheScikitLearnDocstring() {
    // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616...;
    // classes sorted: ham=0, spam=1, so P(spam) = [.9, .1, .2, .65], y = [1, 0, 0, 1].
    int[] y = {1, 0, 0, 1};
    double[] p = {0.9, 0.1, 0.2, 0.65};
    double loss = ChurnMetrics.logLoss(y, p);
    assertEquals(0.21616187468057912, loss, 1e-15); // value printed by scikit-learn (float64)
    double hand = -(Math.log(0.9) + Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4;
    assertEquals(hand, loss, 1e-15);
  }

  @Test
  void logLossClipsCertainMistakes() {
    // p = 0 for a churner: −ln(1e-15) = 34.538776394910684 (clip documented in ChurnMetrics)
    assertEquals(-Math.log(1e-15), ChurnMetrics.logLoss(new int[] {1}, new double[] {0}), 1e-12);
    assertEquals(0, ChurnMetrics.logLoss(new int[] {1, 0}, new double[] {1, 0}), 1e-14);
  }

  @Test
  void brierScoreMatchesTheScikitLearnDocstring() {
    // brier_score_loss([0,1,1,0], [.1,.9,.8,.3]) = 0.037... ; hand (.01+.01+.04+.09)/4 = .0375
    double b = ChurnMetrics.brierScore(new int[] {0, 1, 1, 0}, new double[] {0.1, 0.9, 0.8, 0.3});
    assertEquals(0.0375, b, 1e-15);
  }

  @Test
  void badInputGetsClearErrors() {
    var single = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.3}));
    assertTrue(single.getMessage().contains("both classes"), single.getMessage());
    var nan = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.rocAuc(new int[] {1, 0}, new double[] {Double.NaN, 0.3}));
    assertTrue(nan.getMessage().contains("row 1") && nan.getMessage().contains("NaN"),
        nan.getMessage());
    var label = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.brierScore(new int[] {1, 2}, new double[] {0.2, 0.3}));
    assertTrue(label.getMessage().contains("row 2"), label.getMessage());
    var prob = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.logLoss(new int[] {1, 0}, new double[] {0.2, 1.5}));
    assertTrue(prob.getMessage().contains("1.5"), prob.getMessage());
    var length = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.averagePrecision(new int[] {1, 0}, new double[] {0.2}));
    assertTrue(length.getMessage().contains("2") && length.getMessage().contains("1"),
        length.getMessage());
    var noChurner = assertThrows(IllegalArgumentException.class,
        () -> ChurnMetrics.averagePrecision(new int[] {0, 0}, new double[] {0.2, 0.1}));
    assertTrue(noChurner.getMessage().contains("churner"), noChurner.getMessage());
  }
}
