package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the shifted-beta-geometric model over seeded random parameters. */
class ShiftedBetaGeometricProperties {

  private static double shape(SplittableRandom r) {
    return Math.exp(Math.log(0.05) + (Math.log(50) - Math.log(0.05)) * r.nextDouble());
  }

  static Stream<Arguments> models() {
    return Cases.random(401L, 200, r -> Arguments.of(ShiftedBetaGeometric.of(shape(r),
        shape(r)), 1 + r.nextInt(300)));
  }

  static Stream<Arguments> derlCases() {
    return Cases.random(402L, 60, r -> Arguments.of(ShiftedBetaGeometric.of(shape(r),
        shape(r)), r.nextInt(40), 0.02 + 0.5 * r.nextDouble()));
  }

  static Stream<Arguments> scaleCases() {
    return Cases.random(403L, 5, r -> Arguments.of(0.3 + 3 * r.nextDouble(),
        0.5 + 10 * r.nextDouble(), 1 + r.nextInt(10), 0.01 + 100 * r.nextDouble()));
  }

  @ParameterizedTest
  @MethodSource("models")
  void survivalIsNonIncreasingAndRetentionRises(ShiftedBetaGeometric m, int periods) {
    ShiftedBetaGeometric.Projection p = m.project(1000, periods);
    assertEquals(1, p.survival(0), 0);
    for (int t = 1; t <= periods; t++) {
      double s = p.survival(t);
      double prev = p.survival(t - 1);
      assertTrue(s >= 0 && s <= prev, () -> "S=" + s + " after " + prev);
      double churn = p.churnProbability(t);
      assertEquals(prev - s, churn, 1e-12);
      double r = p.retention(t);
      assertTrue(r > 0 && r < 1, () -> "r=" + r);
      if (t > 1) {
        assertTrue(r >= p.retention(t - 1), "retention rises with t");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("derlCases")
  void derlIsTheDiscountedSumOfSurvivalAndRisesWithRenewals(ShiftedBetaGeometric m, int n,
      double d) {
    // Σ_{k≥0} S(n+1+k)/S(n) (1+d)^−k, truncated where (1+d)^−k < 1e-16
    int kMax = (int) Math.ceil(16 * Math.log(10) / Math.log1p(d));
    double sn = m.survival(n);
    double sum = 0;
    for (int k = 0; k <= kMax; k++) {
      sum += m.survival(n + 1 + k) / sn * Math.pow(1 + d, -k);
    }
    double derl = m.discountedExpectedResidualLifetime(n, d);
    assertEquals(sum, derl, 1e-9 * sum);
    assertTrue(m.discountedExpectedResidualLifetime(n + 1, d) >= derl * (1 - 1e-12));
    assertTrue(derl <= (1 + d) / d, "no more than a customer who never cancels");
  }

  @ParameterizedTest
  @MethodSource("scaleCases")
  void scalingTheCountsScalesTheLikelihoodNotTheEstimates(double alpha, double beta, int start,
      double factor) {
    // counts from the model itself, left-truncated at start; weights = expanded rows
    ShiftedBetaGeometric truth = ShiftedBetaGeometric.of(alpha, beta);
    double[] s = new double[9];
    double[] scaled = new double[9];
    for (int j = 0; j < 9; j++) {
      s[j] = Math.round(10_000 * truth.survival(start + j) / truth.survival(start));
      scaled[j] = s[j] * factor;
    }
    var c = List.of(ShiftedBetaGeometric.Cohort.observedFrom(start, s));
    var cs = List.of(ShiftedBetaGeometric.Cohort.observedFrom(start, scaled));
    assertEquals(factor * truth.logLikelihood(c), truth.logLikelihood(cs),
        1e-9 * Math.abs(truth.logLikelihood(cs)));
    ShiftedBetaGeometric f = ShiftedBetaGeometric.fit(c);
    ShiftedBetaGeometric g = ShiftedBetaGeometric.fit(cs);
    assertTrue(f.fitReport().converged() && g.fitReport().converged(), g::toString);
    // both optima are located to a Newton decrement of 1e-8, about 1e-4 standard errors
    double seA = Math.max(f.standardErrors().get("alpha"), g.standardErrors().get("alpha"));
    double seB = Math.max(f.standardErrors().get("beta"), g.standardErrors().get("beta"));
    assertEquals(f.alpha(), g.alpha(), 1e-3 * seA);
    assertEquals(f.beta(), g.beta(), 1e-3 * seB);
  }
}
