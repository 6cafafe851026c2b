package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

  @Test
  void shufflingTheSignalHurtsAndShufflingAConstantDoesNothing() {
    Synthetic.Data train = Synthetic.data(1000, 4);
    Synthetic.Data test = Synthetic.data(1000, 5);
    ChurnPredictor m = ChurnClassifier.logisticRegression().fit(train.features(), train.y());
    PermutationImportance pi = PermutationImportance.of(m, test.features(), test.y(), 4, 11);
    assertEquals(ChurnMetrics.rocAuc(test.y(), m.probabilities(test.features())),
        pi.baselineRocAuc(), 0.0);
    var byName = new java.util.HashMap<String, PermutationImportance.Entry>();
    pi.entries().forEach(e -> byName.put(e.feature(), e));
    assertTrue(byName.get("signal").meanDrop() > 0.15, pi.toString()); // AUC ~0.8 → ~0.55
    assertTrue(byName.get("weak").meanDrop() > 0.005, pi.toString());
    assertEquals(0, byName.get("constant").meanDrop(), 0.0); // a shuffled constant is the same
    assertEquals(0, byName.get("constant").sdDrop(), 0.0);
    assertEquals(0, byName.get("noise").meanDrop(), 0.01);
    assertEquals("signal", pi.ranked().get(0).feature());
    // seeded: the same seed gives the same numbers
    assertEquals(pi.entries(), PermutationImportance.of(m, test.features(), test.y(), 4, 11)
        .entries());
  }
}
