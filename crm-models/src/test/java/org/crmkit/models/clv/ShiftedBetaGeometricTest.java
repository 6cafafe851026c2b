package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricTest {

  /** Survivors per 1,000, years 0..12 (Fader &amp; Hardie 2007, table 1; ORACLES "sBG"). */
  static final double[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183,
      173};
  static final double[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409,
      394};

  static final ShiftedBetaGeometric REGULAR_FIT =
      ShiftedBetaGeometric.fit(Arrays.copyOf(REGULAR, 8));
  static final ShiftedBetaGeometric HIGH_FIT =
      ShiftedBetaGeometric.fit(Arrays.copyOf(HIGH_END, 8));

  @Test
  void fitsOnYearsZeroToSevenMatchThePaper() {
    // ORACLES "sBG": 3 decimals for α, β and LL; half a unit of the last digit.
    assertTrue(REGULAR_FIT.fitReport().converged(), REGULAR_FIT::toString);
    assertEquals(0.704, REGULAR_FIT.alpha(), 5e-4);
    assertEquals(1.182, REGULAR_FIT.beta(), 5e-4);
    assertEquals(-1680.265, REGULAR_FIT.logLikelihood(), 5e-4);
    assertTrue(HIGH_FIT.fitReport().converged(), HIGH_FIT::toString);
    assertEquals(0.668, HIGH_FIT.alpha(), 5e-4);
    assertEquals(3.806, HIGH_FIT.beta(), 5e-4);
    assertEquals(-1611.158, HIGH_FIT.logLikelihood(), 5e-4);
    // Recomputed: scipy 1.17.1 BFGS on FH 2007 eq. 6 gives α, β = 0.70407746, 1.18204344 and
    // 0.6680876, 3.80608936; standard errors from a central-difference Hessian (h = 1e-4 on the
    // log scale): 0.065599, 0.152476 and 0.103735, 0.785529 (4 digits).
    assertEquals(0.70407746, REGULAR_FIT.alpha(), 1e-6);
    assertEquals(3.80608936, HIGH_FIT.beta(), 1e-5);
    assertEquals(0.06560, REGULAR_FIT.standardErrors().get("alpha"), 1e-5);
    assertEquals(0.1525, REGULAR_FIT.standardErrors().get("beta"), 5e-5);
    assertEquals(0.1037, HIGH_FIT.standardErrors().get("alpha"), 5e-5);
    assertEquals(0.7855, HIGH_FIT.standardErrors().get("beta"), 5e-5);
  }

  @Test
  void projectedSurvivorsHighEnd() {
    // ORACLES: projected survivors, high end, t = 0..12, 1 decimal.
    double[] expected = {1000, 850.7, 746.9, 669.8, 609.9, 561.8, 522.2, 488.9, 460.4, 435.8,
        414.2, 395.1, 378.0};
    ShiftedBetaGeometric.Projection p = HIGH_FIT.project(1000, 12);
    assertEquals(12, p.periods());
    for (int t = 0; t <= 12; t++) {
      assertEquals(expected[t], p.survivors(t), 0.05, "t=" + t);
    }
    assertEquals(p.survivors(7) / 1000, HIGH_FIT.survival(7), 1e-15);
  }

  @Test
  void discountedExpectedResidualLifetimeHighEnd() {
    // ORACLES: DERL, high end, d = 10%, renewals 0..11, 3 decimals, at the fitted α, β: half a
    // unit of the last digit, widened to 6e-4 because n = 10 lies on a rounding boundary (mpmath
    // at scipy's MLE 0.6680876, 3.80608936 gives 7.9775016).
    double[] derl = {5.414, 5.901, 6.294, 6.620, 6.897, 7.136, 7.345, 7.530, 7.695, 7.843, 7.977,
        8.100};
    for (int n = 0; n < derl.length; n++) {
      assertEquals(derl[n], HIGH_FIT.discountedExpectedResidualLifetime(n, 0.10), 6e-4,
          "n=" + n);
    }
    // Recomputed with mpmath 1.3.0 (30 digits) from FH 2010 eqs. 6 and 4 at the rounded
    // estimates α, β = 0.668, 3.806:
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.668, 3.806);
    assertEquals(5.4148560483740406, m.discountedExpectedResidualLifetime(0, 0.10), 1e-12);
    assertEquals(7.9777947219479834, m.discountedExpectedResidualLifetime(10, 0.10), 1e-12);
    assertEquals(8.1001782475751574, m.discountedExpectedResidualLifetime(11, 0.10), 1e-12);
    assertEquals(5.92259640761276, m.discountedExpectedLifetime(0.10), 1e-12);
    // d = 0: the expected residual lifetime is infinite when α ≤ 1, (β+n)/(α−1) otherwise.
    assertEquals(Double.POSITIVE_INFINITY, m.discountedExpectedResidualLifetime(3, 0));
    ShiftedBetaGeometric heavy = ShiftedBetaGeometric.of(2.5, 4);
    assertEquals((4 + 3) / 1.5, heavy.discountedExpectedResidualLifetime(3, 0), 1e-12);
    assertEquals((2.5 + 4 - 1) / 1.5, heavy.discountedExpectedLifetime(0), 1e-12);
    // a tiny discount rate approaches the undiscounted value (z near 1: connection formula)
    assertEquals(7 / 1.5, heavy.discountedExpectedResidualLifetime(3, 1e-9), 1e-6);
  }

  @Test
  void severalCohorts() {
    // ORACLES: α = 3.80, β = 15.19 (2 decimals).
    List<ShiftedBetaGeometric.Cohort> cohorts = List.of(
        ShiftedBetaGeometric.Cohort.of(10000, 8000, 6480, 5307, 4391),
        ShiftedBetaGeometric.Cohort.of(10000, 8000, 6480, 5307),
        ShiftedBetaGeometric.Cohort.of(10000, 8000, 6480),
        ShiftedBetaGeometric.Cohort.of(10000, 8000));
    ShiftedBetaGeometric f = ShiftedBetaGeometric.fit(cohorts);
    assertTrue(f.fitReport().converged(), f::toString);
    assertEquals(3.80, f.alpha(), 5e-3);
    assertEquals(15.19, f.beta(), 5e-3);
    // Recomputed (scipy): 3.79813255, 15.19193526, LL −40255.83728.
    assertEquals(-40255.83728, f.logLikelihood(), 1e-4);
    assertEquals(40000, f.fitReport().customers(), 0);
  }

  @Test
  void leftTruncatedCohortSplitsTheLikelihood() {
    // P(data) = P(periods 0..3) · P(periods 3..7 | alive at 3): the log-likelihood of the full
    // cohort equals that of its head plus that of its left-truncated tail.
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.668, 3.806);
    double full = m.logLikelihood(List.of(ShiftedBetaGeometric.Cohort.of(
        Arrays.copyOf(HIGH_END, 8))));
    double head = m.logLikelihood(List.of(ShiftedBetaGeometric.Cohort.of(
        Arrays.copyOf(HIGH_END, 4))));
    double tail = m.logLikelihood(List.of(ShiftedBetaGeometric.Cohort.observedFrom(3,
        Arrays.copyOfRange(HIGH_END, 3, 8))));
    assertEquals(full, head + tail, 1e-9);
    // and fitting head and tail as two cohorts gives the fit to the whole cohort
    ShiftedBetaGeometric split = ShiftedBetaGeometric.fit(List.of(
        ShiftedBetaGeometric.Cohort.of(Arrays.copyOf(HIGH_END, 4)),
        ShiftedBetaGeometric.Cohort.observedFrom(3, Arrays.copyOfRange(HIGH_END, 3, 8))));
    assertEquals(HIGH_FIT.alpha(), split.alpha(), 1e-6);
    assertEquals(HIGH_FIT.beta(), split.beta(), 1e-5);
  }

  @Test
  void curves() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.668, 3.806);
    // r(t) = (β+t−1)/(α+β+t−1)
    assertEquals(3.806 / 4.474, m.retention(1), 1e-15);
    assertEquals(0.8779685787358421, m.retention(2), 1e-15);
    assertEquals(0.668 / 4.474, m.churnProbability(1), 1e-15);
    assertEquals(1, m.survival(0), 0);
    for (int t = 1; t <= 20; t++) {
      assertEquals(m.survival(t - 1) - m.churnProbability(t), m.survival(t), 1e-14, "t=" + t);
      assertEquals(m.survival(t) / m.survival(t - 1), m.retention(t), 1e-13, "t=" + t);
    }
    ShiftedBetaGeometric.Projection p = m.project(1000, 3);
    Table t = p.toTable();
    assertEquals(List.of("period", "survival", "retention", "churn_probability", "survivors"),
        t.columns());
    assertEquals(null, t.value(0, 2));
    assertEquals(m.retention(2), (Double) t.value(2, 2), 0);
    assertThrows(IllegalArgumentException.class, () -> p.retention(0));
    String expected = String.join(System.lineSeparator(),
        "sBG projection: 1000.0000 customers, periods 0..3",
        "  period   survival  retention      churn    survivors",
        "       0     1.0000          -          -       1000.0",
        "       1     0.8507     0.8507     0.1493        850.7",
        "       2     0.7469     0.8780     0.1038        746.9",
        "       3     0.6698     0.8968     0.0771        669.8");
    assertEquals(expected, p.toString());
  }

  @Test
  void badCohortsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ShiftedBetaGeometric.fit(1000, 800, 810, 700));
    assertTrue(e.getMessage().contains("period 2: survivors (810.0) exceed those of period 1 "
        + "(800.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.fit(1000));
    assertTrue(e.getMessage().contains("at least two period ends"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ShiftedBetaGeometric.Cohort.observedFrom(2, 100, Double.NaN));
    assertTrue(e.getMessage().contains("period 3: survivors must be finite and >= 0: NaN"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.fit(List.of()));
    assertTrue(e.getMessage().contains("no cohorts"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HIGH_FIT.discountedExpectedResidualLifetime(1, -0.1));
    assertTrue(e.getMessage().contains("discount rate d must be finite and >= 0: -0.1"),
        e.getMessage());
  }

  @Test
  void stateAndText() {
    ModelState s = HIGH_FIT.state();
    assertEquals("sBG", s.model());
    ShiftedBetaGeometric back = ShiftedBetaGeometric.from(s);
    assertEquals(HIGH_FIT.toString(), back.toString());
    assertEquals(s, back.state());
    assertFalse(ShiftedBetaGeometric.from(ShiftedBetaGeometric.of(1, 2).state()).isFitted());
    String expected = String.join(System.lineSeparator(),
        "sBG fit: 1,000 customers, " + HIGH_FIT.fitReport().status(),
        "  param  estimate  std.err",
        "  alpha    0.6681   0.1037",
        "  beta     3.8061   0.7855",
        "  log-likelihood -1611.16   AIC 3226.32");
    assertEquals(expected, HIGH_FIT.toString());
    assertEquals("sBG model (parameters given): alpha 1.0000, beta 2.0000",
        ShiftedBetaGeometric.of(1, 2).toString());
  }
}
