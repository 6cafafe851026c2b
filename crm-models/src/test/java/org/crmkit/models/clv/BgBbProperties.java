package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of BG/BB over seeded random parameters and histories. */
class BgBbProperties {

  private static double u(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** Shape parameters spread over (0.05, 20) on the log scale, γ = 1 now and then. */
  private static double shape(SplittableRandom r) {
    return Math.exp(u(r, Math.log(0.05), Math.log(20)));
  }

  private static BgBb model(SplittableRandom r) {
    double g = r.nextInt(10) == 0 ? 1 : shape(r);
    return BgBb.of(shape(r), shape(r), g, shape(r));
  }

  /** A random valid history (x, t_x, n) with n ≤ max. */
  private static int[] history(SplittableRandom r, int max) {
    int n = r.nextInt(max + 1);
    int tx = r.nextInt(n + 1);
    int x = tx == 0 ? 0 : 1 + r.nextInt(tx);
    return new int[] {x, tx, n};
  }

  static Stream<Arguments> pmfCases() {
    return Cases.random(301L, 80, r -> Arguments.of(model(r), r.nextInt(61)));
  }

  static Stream<Arguments> historyCases() {
    return Cases.random(302L, 300, r -> Arguments.of(model(r), history(r, 200),
        r.nextInt(50)));
  }

  static Stream<Arguments> conditionalCases() {
    return Cases.random(303L, 60, r -> Arguments.of(model(r), history(r, 30), r.nextInt(31)));
  }

  static Stream<Arguments> dertCases() {
    return Cases.random(304L, 30, r -> Arguments.of(model(r), history(r, 20), u(r, 0.05, 0.5)));
  }

  static Stream<Arguments> tableCases() {
    return Cases.random(305L, 60, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(12),
        1 + r.nextInt(10)));
  }

  static Stream<Arguments> fitCases() {
    return Cases.random(306L, 4, r -> Arguments.of(r.nextLong()));
  }

  @ParameterizedTest
  @MethodSource("pmfCases")
  void pmfSumsToOneAndItsMeanIsTheExpectation(BgBb m, int n) {
    double sum = 0;
    double mean = 0;
    for (int x = 0; x <= n; x++) {
      double p = m.probabilityOfTransactions(x, n);
      assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
      sum += p;
      mean += x * p;
    }
    assertEquals(1, sum, 1e-10, m::toString);
    assertEquals(m.expectedTransactions(n), mean, 1e-9 * Math.max(1, mean), m::toString);
  }

  @ParameterizedTest
  @MethodSource("historyCases")
  void pAliveIsAProbabilityThatFallsWithTime(BgBb m, int[] h, int later) {
    double p = m.probabilityAlive(h[0], h[1], h[2], later);
    double next = m.probabilityAlive(h[0], h[1], h[2], later + 1);
    assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
    assertTrue(next <= p, () -> next + " > " + p);
    double cet = m.conditionalExpectedTransactions(h[0], h[1], h[2], later);
    assertTrue(cet >= 0 && cet <= later, () -> "cet=" + cet);
    assertTrue(Double.isFinite(m.logLikelihood(h[0], h[1], h[2])));
  }

  @ParameterizedTest
  @MethodSource("conditionalCases")
  void conditionalPmfSumsToOneAndItsMeanIsTheConditionalExpectation(BgBb m, int[] h,
      int nStar) {
    double sum = 0;
    double mean = 0;
    for (int k = 0; k <= nStar; k++) {
      double p = m.conditionalProbabilityOfTransactions(k, nStar, h[0], h[1], h[2]);
      assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
      sum += p;
      mean += k * p;
    }
    assertEquals(1, sum, 1e-10);
    assertEquals(m.conditionalExpectedTransactions(h[0], h[1], h[2], nStar), mean,
        1e-9 * Math.max(1, mean));
  }

  @ParameterizedTest
  @MethodSource("dertCases")
  void dertIsTheDiscountedSumOfExpectedIncrements(BgBb m, int[] h, double d) {
    // Σ_k [CET(k) − CET(k−1)] (1+d)^−k, truncated where (1+d)^−k < 1e-16
    int kMax = (int) Math.ceil(16 * Math.log(10) / Math.log1p(d));
    double sum = 0;
    double prev = 0;
    for (int k = 1; k <= kMax; k++) {
      double c = m.conditionalExpectedTransactions(h[0], h[1], h[2], k);
      sum += (c - prev) * Math.pow(1 + d, -k);
      prev = c;
    }
    assertEquals(sum, m.discountedExpectedResidualTransactions(h[0], h[1], h[2], d),
        1e-9 * Math.max(1, sum));
  }

  /** A random table of valid histories with whole weights. */
  private static WeightedSummaries table(SplittableRandom r, int rows, int maxN) {
    int[] x = new int[rows];
    double[] tx = new double[rows];
    double[] n = new double[rows];
    double[] w = new double[rows];
    for (int i = 0; i < rows; i++) {
      int[] h = history(r, maxN);
      x[i] = h[0];
      tx[i] = h[1];
      n[i] = h[2];
      w[i] = 1 + r.nextInt(5);
    }
    return WeightedSummaries.ofColumns(x, tx, n, w, ChronoUnit.YEARS);
  }

  /** The same customers as unit-weight rows, shuffled. */
  private static WeightedSummaries expand(WeightedSummaries s, SplittableRandom r) {
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      for (int k = 0; k < (int) s.weight(i); k++) {
        rows.add(new int[] {s.x(i), (int) s.tx(i), (int) s.T(i)});
      }
    }
    java.util.Collections.shuffle(rows, new java.util.Random(r.nextLong()));
    int n = rows.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rows.get(i)[0];
      tx[i] = rows.get(i)[1];
      t[i] = rows.get(i)[2];
      w[i] = 1;
    }
    return WeightedSummaries.ofColumns(x, tx, t, w, ChronoUnit.YEARS);
  }

  @ParameterizedTest
  @MethodSource("tableCases")
  void weightsEqualExpandedRows(long seed, int rows, int maxN) {
    var r = new SplittableRandom(seed);
    WeightedSummaries s = table(r, rows, maxN);
    WeightedSummaries e = expand(s, r);
    BgBb m = model(r);
    double direct = 0;
    for (int i = 0; i < s.size(); i++) {
      direct += s.weight(i) * m.logLikelihood(s.x(i), (int) s.tx(i), (int) s.T(i));
    }
    assertEquals(direct, m.logLikelihood(s), 1e-9 * Math.abs(direct));
    assertEquals(direct, m.logLikelihood(e), 1e-9 * Math.abs(direct));
  }

  @ParameterizedTest
  @MethodSource("fitCases")
  void fittingWeightsEqualsFittingExpandedCustomers(long seed) {
    var r = new SplittableRandom(seed);
    WeightedSummaries s = BgBb.of(1.2, 0.75, 0.66, 2.8).simulate(3000, 6, ChronoUnit.YEARS,
        r.nextLong());
    BgBb weighted = BgBb.fit(s);
    String[] ids = new String[3000];
    int[] x = new int[3000];
    double[] tx = new double[3000];
    double[] t = new double[3000];
    int k = 0;
    for (int i = 0; i < s.size(); i++) {
      for (int j = 0; j < (int) s.weight(i); j++) {
        ids[k] = "c" + k;
        x[k] = s.x(i);
        tx[k] = s.tx(i);
        t[k] = s.T(i);
        k++;
      }
    }
    BgBb expanded = BgBb.fit(CustomerSummaries.ofColumns(ids, x, tx, t, ChronoUnit.YEARS));
    assertEquals(weighted.logLikelihood(), expanded.logLikelihood(), 1e-8);
    assertEquals(weighted.parameters().get("alpha"), expanded.parameters().get("alpha"), 1e-6);
    assertEquals(weighted.parameters().get("delta"), expanded.parameters().get("delta"), 1e-4);
  }
}
