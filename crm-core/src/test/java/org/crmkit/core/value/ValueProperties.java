package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of value scores, tiers, the value matrix, AHP and lifecycle stages. */
class ValueProperties {

  static Stream<Arguments> cases() {
    return Cases.random(501L, 150, r -> Arguments.of(r.split(), 1 + r.nextInt(120)));
  }

  static Stream<Arguments> sizes() {
    return Cases.random(502L, 150, r -> Arguments.of(r.split(), 1 + r.nextInt(15)));
  }

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("C" + i);
    }
    return ids;
  }

  /** Values with ties and a wide range, as customer data have. */
  private static double[] values(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(4) == 0 ? r.nextInt(5) : Math.exp(r.nextDouble(-3, 8));
    }
    return v;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresStayWithinBoundsAndTiersCoverEveryoneOnce(SplittableRandom r, int n) {
    List<String> ids = ids(n);
    Map<String, Double> w = new LinkedHashMap<>();
    Map<String, double[]> cols = new LinkedHashMap<>();
    int m = 1 + r.nextInt(5);
    for (int k = 0; k < m; k++) {
      w.put("i" + k, r.nextInt(3) == 0 ? 0.0 : r.nextDouble());
      cols.put("i" + k, values(r, n));
    }
    w.put("i0", 1.0);   // not all zero
    ValueScorer scorer = ValueScorer.of(w)
        .withNormalisation(Normalisation.values()[r.nextInt(2)]);
    if (r.nextBoolean()) {
      scorer = scorer.withLowerIsBetter("i0");
    }
    ValueScores s = scorer.score(ids, cols);
    for (double x : s.scores()) {
      assertTrue(x >= 0 && x <= 1, () -> "score " + x);
    }
    for (double[] col : s.normalised()) {
      for (double x : col) {
        assertTrue(x >= 0 && x <= 1, () -> "indicator score " + x);
      }
    }
    double high = r.nextDouble();
    double low = r.nextDouble() * (1 - high);
    for (ValueTiers t : List.of(s.tiersByQuantiles(high, low),
        s.tiersByThresholds(Math.max(0.5, high), Math.min(0.5, high)))) {
      Set<String> seen = new HashSet<>();
      for (ValueTier tier : ValueTier.values()) {
        for (String id : t.ids(tier)) {
          assertTrue(seen.add(id), () -> id + " in two tiers");
        }
      }
      assertEquals(new HashSet<>(ids), seen);
      assertEquals(n, t.counts().values().stream().mapToLong(Long::longValue).sum());
    }
    ValueMatrix matrix = ValueMatrix.byMedians(ids, s.scores(), values(r, n));
    assertEquals(n, matrix.counts().values().stream().mapToLong(Long::longValue).sum());
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void consistentMatricesGiveTheirWeightsAndRatioZero(SplittableRandom r, int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(r.nextDouble(-2, 2));
      sum += w[i];
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = w[i] / w[j];
      }
    }
    List<String> names = ids(n);
    AhpWeights result = Ahp.withDefaults().weights(names, a);
    assertArrayEquals(w, result.weights(), 1e-12);
    assertEquals(n, result.lambdaMax(), 1e-9 * n);
    assertEquals(0, result.consistencyRatio(), 1e-10);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void anyReciprocalMatrixGivesPositiveWeightsSummingToOne(SplittableRandom r, int n) {
    double[] scale = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] upper = new double[n * (n - 1) / 2];
    for (int k = 0; k < upper.length; k++) {
      double v = scale[r.nextInt(9)];
      upper[k] = r.nextBoolean() ? v : 1 / v;
    }
    AhpWeights result = Ahp.withDefaults().withAcceptInconsistent(true)
        .weightsFromUpperTriangle(ids(n), upper);
    double sum = 0;
    for (double x : result.weights()) {
      assertTrue(x > 0);
      sum += x;
    }
    assertEquals(1, sum, 1e-12);
    assertTrue(result.lambdaMax() >= n - 1e-9, () -> "lambda max " + result.lambdaMax());
    assertTrue(result.consistencyRatio() >= 0);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lifecycleStagesPartitionTheCustomers(SplittableRandom r, int n) {
    TransactionLog.Builder b = TransactionLog.builder();
    LocalDate start = LocalDate.of(2022, 1, 1);
    for (int c = 0; c < n; c++) {
      int rows = 1 + r.nextInt(8);
      for (int k = 0; k < rows; k++) {
        b.add("C" + c, start.plusDays(r.nextInt(3 * 365)),
            r.nextInt(10) == 0 ? -r.nextDouble(50) : r.nextDouble(200));
      }
    }
    TransactionLog log = b.build();
    LocalDate asOf = start.plusDays(365 + r.nextInt(2 * 365));
    int lapse = 100 + r.nextInt(300);
    ActivityRules activity = ActivityRules.defaults().withLapsedAfter(Period.ofDays(lapse));
    LifecycleStages<ActivityStage> a = LifecycleStages.of(log, asOf, activity);
    LifecycleStages<RelationshipStage> rel = LifecycleStages.of(log, asOf,
        RelationshipRules.defaults());
    for (LifecycleStages<?> s : List.of(a, rel)) {
      assertEquals(log.customerCount(), s.size() + s.withoutPurchase());
      assertEquals(s.size(), s.counts().values().stream().mapToLong(Long::longValue).sum());
      assertEquals(s.size(), new HashSet<>(s.customerIds()).size());
    }
    // the two rule sets agree on who has left when their windows agree
    LifecycleStages<RelationshipStage> sameWindow = LifecycleStages.of(log, asOf,
        RelationshipRules.defaults().withChurnAfter(Period.ofDays(lapse)));
    assertEquals(a.ids(ActivityStage.LAPSED), sameWindow.ids(RelationshipStage.CHURN));
  }
}
