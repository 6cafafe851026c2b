package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.CdnowFixture;
import org.junit.jupiter.api.Test;

/** The examples of the package's Javadoc (and of the README text proposed with it) run. */
class JavadocExamplesTest {

  @Test
  void theWholeFlowOnTheCdnowSample() {
    TransactionLog log = CdnowFixture.sample();
    LocalDate cutoff = LocalDate.of(1997, 9, 30);
    ChurnLabels labels = ChurnLabels.nonContractual(log, cutoff, Period.ofWeeks(39));
    // ChurnFeatures
    FeatureTable features = ChurnFeatures.at(LocalDate.of(1997, 9, 30))
        .withHorizon(Period.ofWeeks(39))
        .build(log);
    // ChurnClassifier
    ChurnPredictor model = ChurnClassifier.randomForest()
        .withTrees(50)
        .withClassWeights(ClassWeights.balanced())
        .withCalibration(Calibration.ISOTONIC)
        .withSeed(42)
        .fit(features, labels);
    double[] p = model.probabilities(features);
    // ChurnEvaluation
    int[] y = labels.alignTo(features);
    ChurnEvaluation e = ChurnEvaluation.of(y, p);
    assertTrue(e.rocAuc() > 0.7, e.toString());
    assertEquals(10, e.gains().groups().size());
    assertTrue(e.confusion(0.5).total() == 2357);
    assertTrue(e.calibration().bins().size() > 1);
    // CrossValidation
    CrossValidation cv = CrossValidation.run(ChurnClassifier.logisticRegression(), features,
        labels, 5, 42);
    double[] pAlive = features.column("p_alive");
    double[] oneMinus = new double[pAlive.length];
    for (int i = 0; i < pAlive.length; i++) {
      oneMinus[i] = 1 - pAlive[i];
    }
    CrossValidation base = CrossValidation.ofScores("1 - P(alive)", oneMinus, y, 5, 42);
    assertTrue(cv.meanRocAuc() > base.meanRocAuc(), cv + "\n" + base);
    // ChurnScores, with a value column
    FeatureTable clv = features.withColumn("clv", features.column("monetary_total"))
        .select("clv");
    ChurnScores s = model.score(features)
        .withValues(clv, "clv")
        .withTiers(RiskTiers.of(0.5, 0.8));
    List<AtRisk> top = s.topAtRisk(50);
    assertEquals(50, top.size());
    assertTrue(top.get(0).valueAtRisk() >= top.get(49).valueAtRisk());
    assertTrue(s.toString().startsWith("ChurnScores: 2,357 customers"), s.toString());
  }
}
