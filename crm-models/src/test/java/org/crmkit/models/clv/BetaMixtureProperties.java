package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The large-a route of the BG predictions (quadrature over the dropout probability) against the
 * hypergeometric series where both work, against the fixed-p limit where the beta collapses, and
 * finite everywhere (the series alone overflowed or returned NaN from a ≈ 100 on).
 */
class BetaMixtureProperties {

  /** Moderate a, any B, R, A, t. */
  static Stream<Arguments> moderate() {
    return Cases.random(7101L, 150, r -> Arguments.of(0.05 + 5 * r.nextDouble(),
        0.5 + 40 * r.nextDouble(), 1.05 + 58 * r.nextDouble(),
        r.nextBoolean() ? 0.05 + 0.9 * r.nextDouble() : 1 + 300 * r.nextDouble(),
        0.1 + 150 * r.nextDouble()));
  }

  @ParameterizedTest
  @MethodSource("moderate")
  void intensitySeriesEqualsTheQuadrature(double bigR, double bigA, double a, double bigB,
      double t) {
    double u = t / bigA;
    double quad = bigR / bigA
        * BetaMixture.expectation(a, bigB, p -> Math.exp(-(bigR + 1) * Math.log1p(p * u)));
    double intensity = Dert.bgIntensity(bigR, bigA, a, bigB, t);
    assertEquals(quad, intensity, 1e-9 * quad);
  }

  /**
   * h(R, A, a, B, t) from its closed form at 50 digits (mpmath 1.3 hyp2f1), where the unguarded
   * series was wrong (the first four lost their first digit or more) and at the CDNOW estimates.
   */
  private static final double[][] MPMATH = {
      {0.3367395504251382, 0.37366181858558156, 3.8925598745318157, 17161.780725564717,
          1648.123896188483, 949.9838062704449},
      {0.339930498892272, 3.98441788065987, 0.15752877783766703, 14584.75507787326,
          2531.855066243412, 215.04823828475075},
      {27.002066256432414, 0.12444718850295511, 0.12948712371171628, 219.5263223475617,
          1.2572570972343737, 256.88443699377186},
      {0.11592879565809137, 595.2128014438804, 6.952570441051416, 8449795955.059392,
          25.21836706975293, 0.0049117473880119605},
      {82.8, 10.0, 4.59, 1.15, 7.82, 1.3203262842591318},
      {0.24, 4.4, 300.0, 0.5, 10000.0, 0.84489505408478586},
      {0.0200366915624816, 0.681916666309786, 0.0200366915624816, 540.949650403883,
          0.222394503082554, 0.006534555969162397},
      {0.2425982, 4.4136842, 0.7929899, 2.4261667, 78.0, 1.8579418800025617},
  };

  @Test
  void expectedCountMatchesFiftyDigitValues() {
    for (double[] c : MPMATH) {
      assertEquals(c[5], BgFamily.expectedCount(c[0], c[1], c[2], c[3], c[4]), 1e-9 * c[5],
          () -> java.util.Arrays.toString(c));
    }
  }

  @Test
  void typicalCustomersTakeTheSeries() {
    // CDNOW-like daily posteriors (the table predictions' hot path) never need the quadrature
    for (int x = 0; x <= 120; x += 5) {
      for (double bigT = 365; bigT <= 730; bigT += 73) {
        assertFalse(Double.isNaN(BgFamily.expectedCountSeries(0.243 + x, 30.9 + bigT, 0.793,
            2.426 + x, 365)), "x " + x + ", T " + bigT);
      }
    }
  }

  static Stream<Arguments> dert() {
    return Cases.random(7105L, 60, r -> Arguments.of(0.05 + 3 * r.nextDouble(),
        0.5 + 60 * r.nextDouble(), 0.2 + 10 * r.nextDouble(), 0.2 + 50 * r.nextDouble(),
        r.nextInt(30), 0.001 + 0.05 * r.nextDouble()));
  }

  @ParameterizedTest
  @MethodSource("dert")
  void dertByPEqualsDertByTime(double r, double alpha, double a, double b, int x, double delta) {
    // closed form in λ, quadrature over p — against the discounted intensity integrated over t
    double byP = Dert.bgAlive(false, r, alpha, a, b, x, 20, delta, Double.POSITIVE_INFINITY);
    double byT = Dert.integrate(t -> Dert.bgIntensity(r + x, alpha + 20, a, b + x, t), delta,
        Double.POSITIVE_INFINITY, null);
    assertEquals(byT, byP, 1e-8 * byT);
  }

  /** Wide shapes below the large-a threshold: wherever the guarded series returns, it agrees. */
  static Stream<Arguments> wide() {
    return Cases.random(7104L, 300, r -> Arguments.of(Math.pow(10, -2 + 4 * r.nextDouble()),
        Math.pow(10, -1 + 4 * r.nextDouble()), Math.pow(10, -2 + 3.3 * r.nextDouble()),
        Math.pow(10, -2 + 12 * r.nextDouble()), Math.pow(10, -1 + 5 * r.nextDouble())));
  }

  @ParameterizedTest
  @MethodSource("wide")
  void theSeriesIsRightWheneverItReturns(double bigR, double bigA, double a, double bigB,
      double t) {
    double u = t / bigA;
    double quad = BetaMixture.expectation(a, bigB,
        p -> p == 0 ? bigR * u : -Math.expm1(-bigR * Math.log1p(p * u)) / p);
    double series = BgFamily.expectedCountSeries(bigR, bigA, a, bigB, t);
    if (Double.isNaN(series)) {
      assertEquals(quad, BgFamily.expectedCount(bigR, bigA, a, bigB, t), 0);
      return;
    }
    assertEquals(quad, series, 1e-9 * quad, () -> "h(" + bigR + ", " + bigA + ", " + a + ", "
        + bigB + ", " + t + ")");
  }

  /** Beta(a, b) moments E[p] = a/(a+b), E[p²] = a(a+1)/((a+b)(a+b+1)), a from 1 to 1e12. */
  static Stream<Arguments> shapes() {
    return Cases.random(7102L, 120, r -> Arguments.of(Math.pow(10, 12 * r.nextDouble()),
        r.nextInt(4) == 0 ? 0.05 + 0.9 * r.nextDouble() : Math.pow(10, 12 * r.nextDouble())));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void momentsOfTheBeta(double a, double b) {
    double n = a + b;
    assertEquals(a / n, BetaMixture.expectation(a, b, p -> p), 1e-10 * a / n);
    double second = a / n * ((a + 1) / (n + 1));
    assertEquals(second, BetaMixture.expectation(a, b, p -> p * p), 1e-9 * second);
  }

  @Test
  void collapsesToAFixedDropoutProbability() {
    // a, b → ∞ with a/(a+b) = q: h → (1 − (1 + q t/A)^−R)/q, the BG process with p = q.
    double bigR = 0.24;
    double bigA = 4.4;
    double q = 0.25;
    for (double t : new double[] {1, 52, 1e4}) {
      double limit = -Math.expm1(-bigR * Math.log1p(q * t / bigA)) / q;
      for (double a : new double[] {1e12, 1e15}) {
        assertEquals(limit, BgFamily.expectedCount(bigR, bigA, a, 3 * a, t), 1e-9 * limit);
      }
    }
  }

  static Stream<Arguments> extreme() {
    return Cases.random(7103L, 200, r -> Arguments.of(
        Math.pow(10, -2 + 4 * r.nextDouble()), Math.pow(10, -1 + 4 * r.nextDouble()),
        Math.pow(10, -2 + 12 * r.nextDouble()), Math.pow(10, -2 + 12 * r.nextDouble()),
        r.nextInt(200), r.nextDouble(), 1 + 500 * r.nextDouble(),
        Math.pow(10, -1 + 5 * r.nextDouble())));
  }

  @ParameterizedTest
  @MethodSource("extreme")
  void predictionsStayFiniteForAnyShapes(double r, double alpha, double a, double b, int x,
      double share, double bigT, double t) {
    double tx = x == 0 ? 0 : share * bigT;
    for (boolean modified : new boolean[] {false, true}) {
      double e = BgFamily.expectedNew(modified, r, alpha, a, b, t);
      double ce = BgFamily.conditionalExpected(modified, r, alpha, a, b, x, tx, bigT, t);
      double alive = BgFamily.probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
      assertTrue(e >= 0 && Double.isFinite(e), "E[X(t)] = " + e);
      assertTrue(ce >= 0 && Double.isFinite(ce), "E[Y(t)] = " + ce);
      // a live customer buys at least as much in (T, T+t] as... at most what λ t allows
      assertTrue(ce <= alive * (r + x) / (alpha + bigT) * t * (1 + 1e-9), "E[Y(t)] = " + ce);
    }
  }

  @Test
  void dertAtLargeShapesIsFiniteAndBelowTheUndiscountedSum() {
    var m = BgNbd.of(0.24, 4.4, 1e8, 3e8, ChronoUnit.WEEKS);
    double d = m.discountedExpectedResidualPurchases(5, 30, 38, Discounting.annualRate(0.1));
    // p → 0.25: a live customer makes on average 1/p = 4 more purchases, discounted less
    double alive = m.probabilityAlive(5, 30, 38);
    assertTrue(d > 0 && d < alive * 4, "DERT = " + d);
    assertEquals(alive * 4, m.conditionalExpectedPurchases(5, 30, 38, 1e7), 1e-6);
  }
}
