package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoxPhTest {

  private static final SurvivalFixtures.Csv ROSSI = SurvivalFixtures.rossi();
  private static final double[][] X = ROSSI.matrix(SurvivalFixtures.ROSSI_COVARIATES);
  private static final double[] WEEK = ROSSI.doubles("week");
  private static final int[] ARREST = ROSSI.flags("arrest");
  private static final CoxPh FIT = CoxPh.fit(X, SurvivalFixtures.ROSSI_COVARIATES, WEEK, ARREST);

  // ORACLES.md "Survival": lifelines test suite (CoxPHFitter, Efron ties), checked against R
  // coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi).
  @Test
  void rossiCoefficientsMatchLifelinesAndR() {
    double[] expected = {-0.3794222, -0.0574377, 0.3138998, -0.1497957, -0.4337039, -0.0848711,
        0.0914971};
    // 7 significant digits published: half a unit in the 7th decimal plus solver noise
    assertArrayEquals(expected, FIT.coefficients(), 1e-6);
    assertEquals(432, FIT.size());
    assertEquals(114, FIT.eventCount());
    assertTrue(FIT.fitReport().converged());
  }

  @Test
  void rossiStandardErrorsMatch() {
    double[] expected = {0.1914, 0.0220, 0.3080, 0.2122, 0.3819, 0.1958, 0.0286};
    // published to 4 decimals: tolerance half a unit in the 4th decimal
    assertArrayEquals(expected, FIT.standardErrors(), 5e-5);
  }

  @Test
  void rossiLikelihoodsAndTestsMatch() {
    assertEquals(-658.7477, FIT.logLikelihood(), 5e-5);      // 4 decimals published
    assertEquals(-675.3806, FIT.nullLogLikelihood(), 5e-5);  // 4 decimals published
    ChiSquareTest lr = FIT.likelihoodRatioTest();
    assertEquals(33.27, lr.statistic(), 5e-3);                // 2 decimals published
    assertEquals(7, lr.degreesOfFreedom());
    assertEquals(0.640, FIT.concordance().index(), 5e-4);    // 3 decimals published
  }

  @Test
  void rossiScoreAndWaldTestsMatchR() {
    // R survival summary(coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio))
    // on Rossi: "Likelihood ratio test= 33.27 on 7 df, p=2.362e-05; Wald test = 32.11 on 7 df,
    // p=3.871e-05; Score (logrank) test = 33.53 on 7 df, p=2.11e-05". Tolerances: half a unit
    // in the last printed digit.
    assertEquals(33.53, FIT.scoreTest().statistic(), 5e-3);
    assertEquals(32.11, FIT.waldTest().statistic(), 5e-3);
    assertEquals(2.362e-05, FIT.likelihoodRatioTest().pValue(), 5e-9);
    assertEquals(3.871e-05, FIT.waldTest().pValue(), 5e-9);
    assertEquals(2.11e-05, FIT.scoreTest().pValue(), 5e-8);
  }

  @Test
  void hazardRatiosAndIntervalsAreOnTheOriginalScale() {
    CoxPh.Term prio = FIT.terms().get(6);
    assertEquals("prio", prio.name());
    assertEquals(Math.exp(prio.coefficient()), prio.hazardRatio(), 1e-15);
    assertEquals(Math.exp(prio.coefficient() - 1.959963984540054 * prio.standardError()),
        prio.lower(), 1e-12);
    assertEquals(prio.coefficient() / prio.standardError(), prio.z(), 1e-12);
    assertEquals(2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
        .cumulativeProbability(Math.abs(prio.z()))), prio.pValue(), 1e-9);
    assertEquals(-2 * FIT.logLikelihood() + 14, FIT.aic(), 1e-9);
  }

  @Test
  void standardisationDoesNotChangeTheResult() {
    CoxPh raw = CoxPh.withDefaults().withStandardize(false)
        .fit(X, SurvivalFixtures.ROSSI_COVARIATES, WEEK, ARREST);
    assertArrayEquals(FIT.coefficients(), raw.coefficients(), 1e-9);
    assertArrayEquals(FIT.standardErrors(), raw.standardErrors(), 1e-9);
    assertEquals(FIT.logLikelihood(), raw.logLikelihood(), 1e-9);
  }

  @Test
  void breslowTiesAreTheirOwnOptimumCloseToEfron() {
    CoxPh breslow = CoxPh.withDefaults().withTies(CoxPh.Ties.BRESLOW)
        .fit(X, SurvivalFixtures.ROSSI_COVARIATES, WEEK, ARREST);
    assertTrue(breslow.fitReport().converged());
    assertTrue(breslow.fitReport().gradientNorm() < 1e-8);
    assertEquals(CoxPh.Ties.BRESLOW, breslow.options().ties());
    // Rossi has few ties (114 events over 49 distinct weeks): the two methods differ by much
    // less than a standard error, and Breslow's approximate likelihood is the lower one
    double[] se = FIT.standardErrors();
    for (int j = 0; j < se.length; j++) {
      assertEquals(FIT.coefficients()[j], breslow.coefficients()[j], 0.05 * se[j]);
    }
    assertTrue(breslow.logLikelihood() < FIT.logLikelihood());
    assertTrue(breslow.nullLogLikelihood() < FIT.nullLogLikelihood());
  }

  @Test
  void withoutTiesEfronAndBreslowCoincide() {
    double[] t = {5, 3, 9, 1, 7, 2, 8, 4, 6, 10};
    int[] e = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1};
    double[][] x = {{1, 0.3}, {0, 1.2}, {1, -0.4}, {0, 2.0}, {1, 0.1}, {0, 0.5}, {1, -1.0},
        {0, 0.7}, {1, 0.0}, {0, -0.2}};
    String[] names = {"treated", "score"};
    CoxPh efron = CoxPh.fit(x, names, t, e);
    CoxPh breslow = CoxPh.withDefaults().withTies(CoxPh.Ties.BRESLOW).fit(x, names, t, e);
    assertArrayEquals(efron.coefficients(), breslow.coefficients(), 1e-12);
    assertEquals(efron.logLikelihood(), breslow.logLikelihood(), 1e-12);
  }

  @Test
  void singleBinaryCovariateScoreTestIsTheLogRankTest() {
    // waltons: miR-137 indicator; Cox score test with Breslow ties uses d*n_g/n variances
    // without the (n-d)/(n-1) factor, so compare on untied data instead:
    double[] t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    int[] e = {1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1};
    String[] g = {"a", "b", "a", "a", "b", "a", "b", "b", "a", "b", "b", "b"};
    double[][] x = new double[t.length][1];
    for (int i = 0; i < t.length; i++) {
      x[i][0] = g[i].equals("b") ? 1 : 0;
    }
    CoxPh cox = CoxPh.fit(x, new String[] {"b"}, t, e);
    LogRank lr = LogRank.test(SurvivalData.of(t, e, g));
    assertEquals(lr.statistic(), cox.scoreTest().statistic(), 1e-12);
  }

  @Test
  void baselineAndPredictionsFollowBreslow() {
    // Breslow baseline at the means: dH0 = d / sum over the risk set of exp((x - mean) beta)
    double[] b = FIT.coefficients();
    double[] m = FIT.means();
    double sum = 0;
    for (int i = 0; i < X.length; i++) {
      double eta = 0;
      for (int j = 0; j < b.length; j++) {
        eta += (X[i][j] - m[j]) * b[j];
      }
      if (WEEK[i] >= 1) {
        sum += Math.exp(eta);
      }
    }
    int d1 = 0;
    for (int i = 0; i < WEEK.length; i++) {
      if (WEEK[i] == 1 && ARREST[i] == 1) {
        d1++;
      }
    }
    assertEquals(d1 / sum, FIT.baselineCumulativeHazardAt(1), 1e-15);
    assertEquals(0.0, FIT.baselineCumulativeHazardAt(0.5), 0.0);
    double[] row = X[0];
    double lp = FIT.linearPredictor(row);
    double h = FIT.baselineCumulativeHazardAt(20);
    assertEquals(Math.exp(-h * Math.exp(lp)), FIT.survivalAt(row, 20), 1e-15);
    assertEquals(FIT.survivalAt(row, 20), FIT.survivalCurve(row).at(20), 1e-15);
    assertEquals(FIT.survivalAt(row, 20), FIT.survivalAt(new double[][] {row, X[1]}, 20)[0], 0.0);
    // a subject at the means has the baseline curve
    assertEquals(Math.exp(-h), FIT.survivalAt(m, 20), 1e-15);
    assertEquals(1.0, FIT.partialHazard(m), 1e-15);
    // more prior arrests, lower survival
    double[] more = row.clone();
    more[6] += 5;
    assertTrue(FIT.survivalAt(more, 52) < FIT.survivalAt(row, 52));
  }

  @Test
  void badInputIsNamed() {
    String[] names = {"a", "b"};
    double[] t = {1, 2, 3};
    int[] e = {1, 0, 1};
    assertEquals("row 2: covariate 'b' must be finite: NaN (x[1][1])",
        message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, Double.NaN}, {3, 1}}, names, t, e)));
    assertEquals("row 3: has 1 covariates but there are 2 names [a, b] (x[2])",
        message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, 1}, {3}}, names, t, e)));
    assertEquals("x has 2 rows but durations has 3",
        message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, 1}}, names, t, e)));
    assertEquals("names[1]: covariate name 'a' appears twice",
        message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, 1}, {3, 0}}, new String[] {"a", "a"},
            t, e)));
    assertTrue(message(() -> CoxPh.fit(new double[][] {{1, 5}, {2, 5}, {3, 5}}, names, t, e))
        .startsWith("covariate 'b' is constant"));
    assertTrue(message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, 4}, {3, 6}}, names, t, e))
        .contains("collinear"));
    assertEquals("the Cox model needs at least one event: 0 of 3 rows are events",
        message(() -> CoxPh.fit(new double[][] {{1, 2}, {2, 1}, {3, 0}}, names, t,
            new int[] {0, 0, 0})));
    assertEquals("row: covariate 'prio' must be finite: Infinity",
        message(() -> FIT.survivalAt(new double[] {0, 20, 0, 0, 0, 0, Double.POSITIVE_INFINITY},
            10)));
    assertTrue(message(() -> FIT.linearPredictor(new double[] {1})).contains("has 1 covariates"));
  }

  @Test
  void separationIsReportedNotHidden() {
    // the covariate perfectly orders the events: the partial likelihood has no maximum
    double[] t = {1, 2, 3, 4, 5, 6};
    int[] e = {1, 1, 1, 1, 1, 1};
    double[][] x = {{6}, {5}, {4}, {3}, {2}, {1}};
    CoxPh cox = CoxPh.withDefaults().withMaxIterations(15).fit(x, new String[] {"x"}, t, e);
    assertFalse(cox.fitReport().converged());
    assertTrue(cox.coefficients()[0] > 5);
    assertTrue(cox.toString().contains("NOT converged"));
  }

  @Test
  void toStringIsTheSummaryTable() {
    assertEquals("""
        Cox proportional hazards: 432 subjects, 114 events, Efron ties, converged (6 iterations)
          covariate      coef  se(coef)  exp(coef)  lower 95%  upper 95%      z       p
          fin         -0.3794    0.1914     0.6843     0.4702     0.9957  -1.98  0.0474
          age        -0.05744   0.02200     0.9442     0.9043     0.9858  -2.61  0.0090
          race         0.3139    0.3080      1.369     0.7484      2.503   1.02  0.3081
          wexp        -0.1498    0.2122     0.8609     0.5679      1.305  -0.71  0.4803
          mar         -0.4337    0.3819     0.6481     0.3066      1.370  -1.14  0.2561
          paro       -0.08487    0.1958     0.9186     0.6259      1.348  -0.43  0.6646
          prio        0.09150   0.02865      1.096      1.036      1.159   3.19  0.0014
          partial log-likelihood -658.75 (null -675.38), likelihood-ratio test 33.27 on 7 df, \
        p 2.36e-05
          concordance 0.6403, partial AIC 1331.50""", FIT.toString());
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
