package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the survey metrics over seeded random counts and scores. */
class SurveyMetricsProperties {

  /** A count in [lo, hi], with the ends and small values mixed in as edge cases. */
  private static long count(SplittableRandom r, long lo, long hi) {
    int k = r.nextInt(8);
    return k == 0 ? lo : k == 1 ? hi : k == 2 ? lo + r.nextInt(3) : r.nextLong(lo, hi + 1);
  }

  private static double level(SplittableRandom r, double lo, double hi, double step) {
    return Math.round((lo + (hi - lo) * r.nextDouble()) / step) * step;
  }

  static Stream<Arguments> npsCounts() {
    return Cases.random(201L, 300, r -> Arguments.of(count(r, 0, 100_000), count(r, 0, 100_000),
        count(r, 0, 100_000), level(r, 0.5, 0.999, 0.001)));
  }

  static Stream<Arguments> proportions() {
    return Cases.random(202L, 300, r -> Arguments.of(count(r, 0, 1_000_000),
        count(r, 0, 1_000_000), level(r, 0.5, 0.9999, 0.0001)));
  }

  static Stream<Arguments> samples() {
    return Cases.random(203L, 200, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(400)));
  }

  static Stream<Arguments> npsPairs() {
    return Cases.random(204L, 200, r -> Arguments.of(count(r, 0, 5000), count(r, 0, 5000),
        count(r, 0, 5000), count(r, 0, 5000), count(r, 0, 5000), count(r, 0, 5000)));
  }

  static Stream<Arguments> proportionPairs() {
    return Cases.random(205L, 200, r -> Arguments.of(count(r, 0, 10_000), count(r, 1, 10_000),
        count(r, 0, 10_000), count(r, 1, 10_000)));
  }

  static Stream<Arguments> welchSamples() {
    return Cases.random(206L, 200, r -> Arguments.of(r.nextLong(), 2 + r.nextInt(199),
        2 + r.nextInt(199)));
  }

  static Stream<Arguments> breakdownSamples() {
    return Cases.random(207L, 100, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(300)));
  }

  private static void assertMirrors(Comparison ab, Comparison ba) {
    double tol = 1e-12 * (1 + Math.abs(ab.difference()));
    assertEquals(-ab.difference(), ba.difference(), tol);
    assertEquals(ab.standardError(), ba.standardError(), tol);
    assertEquals(-ab.statistic(), ba.statistic(), 1e-9 * (1 + Math.abs(ab.statistic())));
    assertEquals(ab.pValue(), ba.pValue(), 1e-12);
    assertEquals(-ab.interval().upper(), ba.interval().lower(), tol);
    assertEquals(-ab.interval().lower(), ba.interval().upper(), tol);
  }

  private static void assertInside(Interval i, double estimate) {
    assertTrue(i.contains(estimate), () -> i + " does not contain " + estimate);
  }

  @ParameterizedTest
  @MethodSource("npsCounts")
  void npsIsInMinusOneToOneAndItsIntervalsHoldTheirEstimates(long promoters, long passives,
      long detractors, double level) {
    Assumptions.assumeTrue(promoters + passives + detractors > 0);
    Nps nps = Nps.ofCounts(promoters, passives, detractors);
    assertTrue(nps.score() >= -1 && nps.score() <= 1, () -> "score " + nps.score());
    assertTrue(nps.points() >= -100 && nps.points() <= 100);
    assertInside(nps.wald(level), nps.score());
    assertInside(nps.adjustedWald(level), nps.adjustedScore());
    assertTrue(nps.wald(level).lower() >= -1 && nps.wald(level).upper() <= 1);
    assertTrue(nps.variance() >= 0 && nps.variance() <= 1);
  }

  @ParameterizedTest
  @MethodSource("proportions")
  void wilsonStaysInTheUnitIntervalAndHoldsTheShare(long successes, long failures,
      double level) {
    Assumptions.assumeTrue(successes + failures > 0);
    Proportion p = Proportion.of(successes, successes + failures);
    Interval w = p.wilson(level);
    assertTrue(w.lower() >= 0 && w.upper() <= 1, w::toString);
    assertInside(w, p.estimate());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void surveyIntervalsHoldTheirEstimates(long seed, int n) {
    Random r = new Random(seed);
    int[] five = new int[n];
    int[] seven = new int[n];
    for (int i = 0; i < n; i++) {
      five[i] = 1 + r.nextInt(5);
      seven[i] = 1 + (r.nextBoolean() ? 6 : r.nextInt(7));
    }
    Csat c = Csat.of(five);
    assertInside(c.wilson(), c.share());
    assertInside(c.meanInterval(), c.mean());
    assertTrue(c.meanInterval().lower() >= 1 && c.meanInterval().upper() <= 5);
    Ces e = Ces.of(seven);
    assertInside(e.meanInterval(), e.mean());
    assertInside(e.netInterval(), e.net());
    assertTrue(e.net() >= -1 && e.net() <= 1);
  }

  @ParameterizedTest
  @MethodSource("npsPairs")
  void npsComparisonMirrorsWhenTheGroupsSwap(long p1, long n1, long d1, long p2, long n2,
      long d2) {
    Assumptions.assumeTrue(p1 + n1 + d1 > 0 && p2 + n2 + d2 > 0);
    Nps a = Nps.ofCounts(p1, n1, d1);
    Nps b = Nps.ofCounts(p2, n2, d2);
    Comparison ab = Nps.compare(a, b);
    assertMirrors(ab, Nps.compare(b, a));
    assertMirrors(ab, ab.reversed());
    assertInside(ab.interval(), ab.difference());
  }

  @ParameterizedTest
  @MethodSource("proportionPairs")
  void proportionComparisonMirrorsWhenTheGroupsSwap(long x1, long m1, long x2, long m2) {
    Proportion a = Proportion.of(x1, x1 + m1);
    Proportion b = Proportion.of(x2, x2 + m2);
    Comparison ab = Proportion.compare(a, b);
    assertMirrors(ab, Proportion.compare(b, a));
    assertInside(ab.interval(), ab.difference());
    assertTrue(ab.interval().lower() >= -1 && ab.interval().upper() <= 1);
  }

  @ParameterizedTest
  @MethodSource("welchSamples")
  void welchComparisonMirrorsWhenTheGroupsSwap(long seed, int n1, int n2) {
    Random r = new Random(seed);
    double[] x = new double[n1];
    double[] y = new double[n2];
    for (int i = 0; i < n1; i++) {
      x[i] = Math.exp(r.nextGaussian());
    }
    for (int i = 0; i < n2; i++) {
      y[i] = 0.5 + Math.exp(r.nextGaussian());
    }
    RevenueTest t = AbTest.revenuePerUser(x, y);
    assertMirrors(t.comparison(), Mean.compare(Mean.of(x), Mean.of(y)));
    assertInside(t.comparison().interval(), t.comparison().difference());
    assertInside(t.treatment().tInterval(), t.treatment().mean());
  }

  @ParameterizedTest
  @MethodSource("breakdownSamples")
  void breakdownRowsAddUpToTheInput(long seed, int n) {
    Random r = new Random(seed);
    int[] s = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = r.nextInt(13) - 1;          // -1 and 11 are out of range
      g[i] = "g" + r.nextInt(6);
    }
    Assumptions.assumeTrue(java.util.Arrays.stream(s).anyMatch(v -> v >= 0 && v <= 10));
    Breakdown<Nps> b = Nps.withDefaults().withLenient(true).byGroup(s, g);
    long rows = 0;
    long excluded = 0;
    for (Breakdown.Row<Nps> row : b.rows()) {
      rows += row.n();
      excluded += row.metric().excluded();
      assertInside(row.interval(), row.metric().adjustedScore());
    }
    assertEquals(b.overall().n(), rows);
    assertEquals(n, b.overall().n() + b.overall().excluded());
    assertTrue(b.excluded() >= excluded);
  }
}
