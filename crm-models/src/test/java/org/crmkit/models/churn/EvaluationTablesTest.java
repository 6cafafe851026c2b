package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Confusion matrix, gains table, calibration table and evaluation: hand-computed values. */
class EvaluationTablesTest {

  @Test
  void confusionMatrixAtAThreshold() {
    // Hand: p ≥ .5 flags rows 0, 2, 4; churners are rows 0, 1, 4.
    int[] y = {1, 1, 0, 0, 1};
    double[] p = {0.9, 0.4, 0.6, 0.1, 0.5};
    ConfusionMatrix m = ConfusionMatrix.at(y, p, 0.5);
    assertEquals(new ConfusionMatrix(0.5, 2, 1, 1, 1), m);
    assertEquals(2.0 / 3, m.precision(), 1e-15);
    assertEquals(2.0 / 3, m.recall(), 1e-15);
    assertEquals(0.5, m.specificity(), 1e-15);
    assertEquals(0.6, m.accuracy(), 1e-15);
    assertEquals(2.0 / 3, m.f1(), 1e-15);
    // nobody flagged: precision 0 by convention, not NaN
    ConfusionMatrix none = ConfusionMatrix.at(y, p, 1.0);
    assertEquals(0, none.precision());
    assertEquals(0, none.recall());
    assertEquals("""
        ConfusionMatrix at threshold 0.5
                           pred churn  pred stay
          churned                   2          1
          retained                  1          1
          precision 0.6667  recall 0.6667  specificity 0.5000  accuracy 0.6000  F1 0.6667""",
        m.toString());
  }

  @Test
  void gainsByQuintileByHand() {
    // Scores 1.0 … 0.1 given out of order; in score order the labels are 1,1,0,1,0,0,1,0,0,0.
    double[] s = {0.4, 1.0, 0.7, 0.9, 0.1, 0.8, 0.6, 0.5, 0.3, 0.2};
    int[] y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    // score order: 1.0(y1) .9(y1) .8(y0) .7(y1) .6(y0) .5(y0) .4(y1) .3(y0) .2(y0) .1(y0)
    GainsTable g = GainsTable.of(y, s, 5);
    assertEquals(0.4, g.overallChurnRate(), 1e-15);
    List<GainsTable.Group> q = g.groups();
    assertEquals(5, q.size());
    // group: churners, rate, lift = rate/.4, cumulative share, gain, cumulative lift
    double[][] hand = {
        {2, 1.0, 2.5, 0.2, 0.5, 2.5},
        {1, 0.5, 1.25, 0.4, 0.75, 1.875},
        {0, 0.0, 0.0, 0.6, 0.75, 1.25},
        {1, 0.5, 1.25, 0.8, 1.0, 1.25},
        {0, 0.0, 0.0, 1.0, 1.0, 1.0}};
    for (int k = 0; k < 5; k++) {
      GainsTable.Group r = q.get(k);
      assertEquals(k + 1, r.group());
      assertEquals(2, r.customers());
      assertEquals((int) hand[k][0], r.churners(), "group " + (k + 1));
      assertEquals(hand[k][1], r.churnRate(), 1e-15);
      assertEquals(hand[k][2], r.lift(), 1e-15);
      assertEquals(hand[k][3], r.cumulativeShare(), 1e-15);
      assertEquals(hand[k][4], r.gain(), 1e-15);
      assertEquals(hand[k][5], r.cumulativeLift(), 1e-15);
    }
    assertEquals(0.9, q.get(0).minScore());
    assertEquals(1.0, q.get(0).maxScore());
  }

  @Test
  void unevenGroupsAndTies() {
    // 7 customers in 3 groups: ranks [0,2), [2,4), [4,7) (⌊kn/g⌋ boundaries)
    int[] y = {1, 0, 0, 0, 0, 0, 1};
    double[] s = {7, 6, 5, 4, 3, 2, 1};
    GainsTable g = GainsTable.of(y, s, 3);
    assertEquals(List.of(2, 2, 3), g.groups().stream().map(GainsTable.Group::customers).toList());
    // all scores tied: the boundary splits them in row order
    GainsTable t = GainsTable.of(new int[] {1, 0, 0, 1}, new double[4], 2);
    assertEquals(1, t.groups().get(0).churners());
    assertThrows(IllegalArgumentException.class, () -> GainsTable.of(y, s, 8));
    assertThrows(IllegalArgumentException.class, () -> GainsTable.of(new int[3], new double[3], 2));
  }

  @Test
  void calibrationTableByHand() {
    double[] p = {0.05, 0.15, 0.12, 0.95, 1.0, 0.5};
    int[] y = {0, 0, 1, 1, 1, 0};
    CalibrationTable t = CalibrationTable.of(y, p, 10);
    List<CalibrationTable.Bin> b = t.bins();
    assertEquals(4, b.size()); // bins 0, 1, 5, 9; empty ones left out
    assertEquals(new CalibrationTable.Bin(0.0, 0.1, 1, 0.05, 0.0), b.get(0));
    assertEquals(0.1, b.get(1).lower(), 1e-15);
    assertEquals(2, b.get(1).customers());
    assertEquals(0.135, b.get(1).meanPredicted(), 1e-15);
    assertEquals(0.5, b.get(1).observedRate(), 1e-15);
    assertEquals(0.5, b.get(2).lower(), 1e-15);
    assertEquals(0.0, b.get(2).observedRate(), 1e-15);
    assertEquals(0.9, b.get(3).lower(), 1e-15);
    assertEquals(0.975, b.get(3).meanPredicted(), 1e-15); // p = 1 falls in the last bin
    // ECE = (1·.05 + 2·.365 + 1·.5 + 2·.025) / 6
    assertEquals((0.05 + 0.73 + 0.5 + 0.05) / 6, t.expectedCalibrationError(), 1e-15);
  }

  @Test
  void evaluationBundlesTheMetrics() {
    int[] y = {0, 0, 1, 1};
    double[] p = {0.1, 0.4, 0.35, 0.8};
    ChurnEvaluation e = ChurnEvaluation.of(y, p);
    assertEquals(0.75, e.rocAuc(), 1e-15); // sklearn.metrics.auc docstring
    assertEquals(5.0 / 6, e.averagePrecision(), 1e-15);
    assertEquals(ChurnMetrics.brierScore(y, p), e.brierScore());
    assertEquals(new ConfusionMatrix(0.3, 2, 1, 1, 0), e.confusion(0.3));
    assertEquals(2, e.churners());
    var single = assertThrows(IllegalArgumentException.class,
        () -> ChurnEvaluation.of(new int[] {0, 0}, new double[] {0.1, 0.2}));
    assertTrue(single.getMessage().contains("0 (retained)"), single.getMessage());
  }
}
