package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class SurveyMetricsProperties {

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

  @Property(tries = 300)
  void npsIsInMinusOneToOneAndItsIntervalsHoldTheirEstimates(
      @ForAll @LongRange(max = 100_000) long promoters,
      @ForAll @LongRange(max = 100_000) long passives,
      @ForAll @LongRange(max = 100_000) long detractors,
      @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(3) double level) {
    Assume.that(promoters + passives + detractors > 0);
    Nps nps = Nps.ofCounts(promoters, passives, detractors);
    assertTrue(nps.score() >= -1 && nps.score() <= 1, () -> "score " + nps.score());
    assertTrue(nps.points() >= -100 && nps.points() <= 100);
    assertInside(nps.wald(level), nps.score());
    assertInside(nps.adjustedWald(level), nps.adjustedScore());
    assertTrue(nps.wald(level).lower() >= -1 && nps.wald(level).upper() <= 1);
    assertTrue(nps.variance() >= 0 && nps.variance() <= 1);
  }

  @Property(tries = 300)
  void wilsonStaysInTheUnitIntervalAndHoldsTheShare(
      @ForAll @LongRange(max = 1_000_000) long successes,
      @ForAll @LongRange(max = 1_000_000) long failures,
      @ForAll @DoubleRange(min = 0.5, max = 0.9999) @Scale(4) double level) {
    Assume.that(successes + failures > 0);
    Proportion p = Proportion.of(successes, successes + failures);
    Interval w = p.wilson(level);
    assertTrue(w.lower() >= 0 && w.upper() <= 1, w::toString);
    assertInside(w, p.estimate());
  }

  @Property(tries = 200)
  void surveyIntervalsHoldTheirEstimates(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 400) int n) {
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

  @Property(tries = 200)
  void npsComparisonMirrorsWhenTheGroupsSwap(
      @ForAll @LongRange(max = 5000) long p1, @ForAll @LongRange(max = 5000) long n1,
      @ForAll @LongRange(max = 5000) long d1, @ForAll @LongRange(max = 5000) long p2,
      @ForAll @LongRange(max = 5000) long n2, @ForAll @LongRange(max = 5000) long d2) {
    Assume.that(p1 + n1 + d1 > 0 && p2 + n2 + d2 > 0);
    Nps a = Nps.ofCounts(p1, n1, d1);
    Nps b = Nps.ofCounts(p2, n2, d2);
    Comparison ab = Nps.compare(a, b);
    assertMirrors(ab, Nps.compare(b, a));
    assertMirrors(ab, ab.reversed());
    assertInside(ab.interval(), ab.difference());
  }

  @Property(tries = 200)
  void proportionComparisonMirrorsWhenTheGroupsSwap(
      @ForAll @LongRange(max = 10_000) long x1, @ForAll @LongRange(min = 1, max = 10_000) long m1,
      @ForAll @LongRange(max = 10_000) long x2, @ForAll @LongRange(min = 1, max = 10_000) long m2) {
    Proportion a = Proportion.of(x1, x1 + m1);
    Proportion b = Proportion.of(x2, x2 + m2);
    Comparison ab = Proportion.compare(a, b);
    assertMirrors(ab, Proportion.compare(b, a));
    assertInside(ab.interval(), ab.difference());
    assertTrue(ab.interval().lower() >= -1 && ab.interval().upper() <= 1);
  }

  @Property(tries = 200)
  void welchComparisonMirrorsWhenTheGroupsSwap(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 200) int n1, @ForAll @IntRange(min = 2, max = 200) int n2) {
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

  @Property(tries = 100)
  void breakdownRowsAddUpToTheInput(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int n) {
    Random r = new Random(seed);
    int[] s = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = r.nextInt(13) - 1;          // -1 and 11 are out of range
      g[i] = "g" + r.nextInt(6);
    }
    Assume.that(java.util.Arrays.stream(s).anyMatch(v -> v >= 0 && v <= 10));
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
