package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The Pareto/NBD tail integral, its gradient, and the numerical stress cases of ORACLES.md. */
class ParetoNbdFunctionsTest {

  /**
   * {p, A, q, B, u, ln ∫_u^∞ (A+τ)^-p (B+τ)^-q dτ}: mpmath 1.3.0 at 40 digits, as
   * log((B+u)^(1-q) (A+u)^-p / (p+q-1) · hyp2f1(1, p; p+q; (A-B)/(A+u))) (and with the roles
   * exchanged for A < B); the same to 1e-7 or better by mpmath.quad of the integral itself
   * except where quad is inaccurate (p = 0.05 decays like τ^-1.07). Cases with one of A+u, B+u
   * 50 to 10^5 times the other take the quadrature path; x up to 500 with α = 0.008 come from
   * the stress case below.
   */
  private static final double[][] TAIL = {
      {0.55, 10.58, 1.61, 11.67, 3.0, -3.2413565648143885903},
      {0.55, 10.58, 1.61, 11.67, 0.0, -2.969937154904138963},
      {26.55, 10.58, 1.61, 11.67, 30.86, -104.49261592548719905},
      {510.465, 0.00798565181, 4.0516, 2.82, 1.0, -15.717870676502021624},
      {410.465, 0.00798565181, 4.0516, 2.82, 5.0, -674.01597892942225084},
      {510.465, 0.00798565181, 4.0516, 2.82, 37.0, -1860.9145562188916694},
      {0.3, 50.0, 2.0, 0.01, 0.0, 3.4310764856542672836},
      {3.0, 50.0, 1.5, 0.2, 0.5, -11.219871526705310892},
      {0.3, 0.01, 2.0, 50.0, 0.0, -4.9358396140679813055},
      {0.8, 0.0001, 1.2, 30.0, 0.0, -1.8754357850813044934},
      {5.0, 40.0, 2.0, 0.5, 0.0, -17.908619207440917789},
      {2.0, 5.0, 2.0, 5.0, 1.0, -6.4738906963522746938},
      {1000.0, 1.0, 1.7, 1000.0, 0.0, -18.649940456321837598},
      {0.05, 3.0, 1.02, 3.5, 0.0, 2.5720532169102437519},
      {12.0, 0.001, 3.0, 0.001, 0.0, 94.069516576134659823},
      {0.55, 1000.0, 1.61, 1.0, 2.0, -4.010517031695080518},
  };

  @Test
  void tailIntegralMatchesMpmath() {
    for (double[] c : TAIL) {
      double got = ParetoNbdFunctions.lnTail(c[0], c[1], c[2], c[3], c[4], null, 0);
      // relative 1e-12 on the integral (absolute on its log), plus 1e-14 of the log itself
      assertEquals(c[5], got, 1e-12 + 1e-14 * Math.abs(c[5]), () -> java.util.Arrays.toString(c));
    }
  }

  @Test
  void tailGradientMatchesCentralDifferences() {
    double[] g = new double[4];
    for (double[] c : TAIL) {
      ParetoNbdFunctions.lnTail(c[0], c[1], c[2], c[3], c[4], g, 0);
      for (int k = 0; k < 4; k++) {
        double[] up = c.clone();
        double[] down = c.clone();
        double h = 1e-5 * c[k];
        up[k] += h;
        down[k] -= h;
        double num = (ParetoNbdFunctions.lnTail(up[0], up[1], up[2], up[3], up[4], null, 0)
            - ParetoNbdFunctions.lnTail(down[0], down[1], down[2], down[3], down[4], null, 0))
            / (2 * h);
        int kk = k;
        // central differences: error O(h^2) plus rounding 1e-16 |ln F| / h
        assertEquals(num, g[k], 1e-6 * (1 + Math.abs(num)) + 1e-10 * Math.abs(c[5]) / h,
            () -> "d/d" + kk + " at " + java.util.Arrays.toString(c));
      }
    }
  }

  @Test
  void tailIsContinuousAcrossTheSeriesAndQuadratureBoundary() {
    // y = (A − B)/(A + u) crosses SERIES_LIMIT as B moves: the two routes must agree.
    double bigA = 50;
    double atLimit = bigA * (1 - ParetoNbdFunctions.SERIES_LIMIT);
    double below = ParetoNbdFunctions.lnTail(2.5, bigA, 1.7, atLimit * (1 + 1e-12), 0, null, 0);
    double above = ParetoNbdFunctions.lnTail(2.5, bigA, 1.7, atLimit * (1 - 1e-12), 0, null, 0);
    assertEquals(below, above, 1e-11);
  }

  @Test
  void sIsARegularPoint() {
    // s = 1 (q = 2) and integer s are not special: the value is smooth through them.
    for (double q : new double[] {2, 3}) {
      double at = ParetoNbdFunctions.lnTail(1.3, 8, q, 3, 1, null, 0);
      double lo = ParetoNbdFunctions.lnTail(1.3, 8, q - 1e-7, 3, 1, null, 0);
      double hi = ParetoNbdFunctions.lnTail(1.3, 8, q + 1e-7, 3, 1, null, 0);
      assertEquals(at, 0.5 * (lo + hi), 1e-12);
    }
  }

  // ---------------------------------------------------------------- ORACLES "Numerical stress"

  @Test
  void logA0IsFiniteAndNegativeForHugeFrequencies() {
    // ORACLES stress case (10.465, 7.98565181e-03, 3.0516, 2.820), x = 400, 500, 500: log A0
    // finite and < 0; the values are mpmath's (40 digits) for ln((r+s+x)(F(t_x) − F(T))).
    double r = 10.465;
    double alpha = 7.98565181e-03;
    double s = 3.0516;
    double beta = 2.820;
    int[] x = {400, 500, 500};
    double[] tx = {5, 1, 4};
    double[] bigT = {6, 37, 37};
    double[] mpmath = {-667.991281270661558, -9.476588320489417191, -715.05979320430536491};
    for (int i = 0; i < 3; i++) {
      double t2 = ParetoNbdFunctions.terms(r, alpha, s, beta, x[i], tx[i], bigT[i])[1];
      double logA0 = t2 - Math.log(s) + Math.log(r + s + x[i]);
      assertTrue(Double.isFinite(logA0) && logA0 < 0, "log A0 = " + logA0);
      assertEquals(mpmath[i], logA0, 1e-12 * Math.abs(mpmath[i]));
    }
    // P(alive) for x = 40, 50, 50 in [0, 1]; mpmath at 40 digits.
    ParetoNbd m = ParetoNbd.of(r, alpha, s, beta, ChronoUnit.WEEKS);
    double[] alive = {0.0018851281873608511956, 1.4171442912866074339e-96,
        6.7329748717991631599e-60};
    int[] x2 = {40, 50, 50};
    for (int i = 0; i < 3; i++) {
      double p = m.probabilityAlive(x2[i], tx[i], bigT[i]);
      assertTrue(p >= 0 && p <= 1);
      assertEquals(alive[i], p, 1e-10 * alive[i]);
    }
  }

  @Test
  void conditionalExpectationIsSmoothInXAtHighFrequency() {
    // ORACLES: at (0.55, 10.58, 0.61, 11.67), CET(10 | x=132, t_x=200, T=200) ≈ 6.20605 and
    // CET(10 | x=133, ...) ≈ 6.25287 (6 digits: tolerance 1e-5); they must differ by < 0.05.
    ParetoNbd m = ParetoNbd.of(0.55, 10.58, 0.61, 11.67, ChronoUnit.WEEKS);
    double c132 = m.conditionalExpectedPurchases(132, 200, 200, 10);
    double c133 = m.conditionalExpectedPurchases(133, 200, 200, 10);
    assertEquals(6.20605, c132, 1e-5);
    assertEquals(6.25287, c133, 1e-5);
    assertTrue(Math.abs(c133 - c132) < 0.05);
  }

  @Test
  void probabilityAliveIsFiniteForLongLivedFrequentBuyers() {
    // ORACLES stress case; values mpmath (40 digits), relative 1e-10.
    ParetoNbd m = ParetoNbd.of(0.5143, 2.8845, 0.2856, 14.1087, ChronoUnit.WEEKS);
    int[] x = {221, 254, 161, 204};
    double[] tx = {103.42857, 97.14286, 94.71429, 98.57143};
    double[] bigT = {103.57143, 97.28571, 98.0, 99.42857};
    double[] mpmath = {0.99959605231793814023, 0.99955822612301073707, 0.74948775225810544527,
        0.99425507963789591202};
    for (int i = 0; i < 4; i++) {
      double p = m.probabilityAlive(x[i], tx[i], bigT[i]);
      assertTrue(Double.isFinite(p));
      assertEquals(mpmath[i], p, 1e-10);
    }
  }
}
