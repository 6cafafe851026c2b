package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pool adjacent violators and Platt scaling against hand computations. */
class CalibratorsTest {

  @Test
  void poolAdjacentViolatorsByHand() {
    // Hand PAV: 1, 3, 2, 4, 3, 5 → (3,2) pool to 2.5, (4,3) pool to 3.5 → 1, 2.5, 2.5, 3.5, 3.5, 5
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {1, 3, 2, 4, 3, 5};
    double[] w = {1, 1, 1, 1, 1, 1};
    IsotonicRegression f = IsotonicRegression.fit(x, y, w);
    double[] hand = {1, 2.5, 2.5, 3.5, 3.5, 5};
    for (int i = 0; i < 6; i++) {
      assertEquals(hand[i], f.predict(x[i]), 1e-15, "x = " + x[i]);
    }
    // between fitted points: linear; beyond the ends: constant
    assertEquals(1.75, f.predict(1.5), 1e-15);
    assertEquals(3.0, f.predict(3.5), 1e-15);
    assertEquals(1, f.predict(-10));
    assertEquals(5, f.predict(99));
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.thresholds());
  }

  @Test
  void pavUsesWeightsAndMergesEqualX() {
    // Hand: y = 4 (weight 3) then 1 (weight 1) violate: pooled mean (12 + 1)/4 = 3.25
    IsotonicRegression f = IsotonicRegression.fit(new double[] {0, 1}, new double[] {4, 1},
        new double[] {3, 1});
    assertEquals(3.25, f.predict(0), 1e-15);
    assertEquals(3.25, f.predict(1), 1e-15);
    // equal x merged first: x=1 has mean (0 + 1 + 1)/3 = ⅔, x=2 has 1, x=0 has 0
    IsotonicRegression g = IsotonicRegression.fit(new double[] {1, 2, 1, 0, 1},
        new double[] {0, 1, 1, 0, 1}, new double[] {1, 1, 1, 1, 1});
    assertEquals(2.0 / 3, g.predict(1), 1e-15);
    assertEquals(1, g.predict(2), 1e-15);
    assertEquals(0, g.predict(0), 1e-15);
  }

  @Test
  void pavSolvesTheLeastSquaresProblem() {
    // Property of the solution (Barlow et al. 1972): non-decreasing, and no non-decreasing
    // perturbation lowers Σ w (y − ŷ)² — checked against random monotone candidates.
    SplittableRandom r = new SplittableRandom(11);
    for (int rep = 0; rep < 30; rep++) {
      int n = 1 + r.nextInt(25);
      double[] x = new double[n];
      double[] y = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
        y[i] = r.nextInt(5);
        w[i] = 1 + r.nextInt(3);
      }
      IsotonicRegression f = IsotonicRegression.fit(x, y, w);
      double[] fit = new double[n];
      double sse = 0;
      for (int i = 0; i < n; i++) {
        fit[i] = f.predict(x[i]);
        if (i > 0) {
          assertTrue(fit[i] >= fit[i - 1] - 1e-12);
        }
        sse += w[i] * (y[i] - fit[i]) * (y[i] - fit[i]);
      }
      for (int t = 0; t < 50; t++) {
        double[] c = new double[n];
        double level = -1;
        double cand = 0;
        for (int i = 0; i < n; i++) {
          level = Math.max(level, fit[i] + (r.nextDouble() - 0.5) * 0.5);
          c[i] = level;
          cand += w[i] * (y[i] - c[i]) * (y[i] - c[i]);
        }
        assertTrue(cand >= sse - 1e-9, "a monotone candidate beats PAV");
      }
    }
  }

  @Test
  void isotonicCalibratorGivesObservedRates() {
    // Raw p: .1 .2 .3 .4 with labels 0 1 0 1 → PAV on y: 0, (1,0)→.5,.5, 1
    IsotonicRegression f = IsotonicRegression.fit(new double[] {0.1, 0.2, 0.3, 0.4},
        new int[] {0, 1, 0, 1});
    assertEquals(0, f.apply(0.1), 1e-15);
    assertEquals(0.5, f.apply(0.25), 1e-15);
    assertEquals(1, f.apply(0.9), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> f.apply(1.5));
  }

  @Test
  void plattOnTwoScoreValuesReproducesTheTargetMeans() {
    // With two distinct raw probabilities the logistic curve σ(a f + b) has two free values, so the
    // MLE hits the mean Platt target of each group (saturated model). N+ = 4, N- = 4:
    // t+ = 5/6, t- = 1/6. Group p=.2: 3 churners, 1 not → (3·5/6 + 1/6)/4 = 2/3;
    // group p=.7: 1 churner, 3 not → (5/6 + 3/6)/4 = 1/3.
    double[] p = {0.2, 0.2, 0.2, 0.2, 0.7, 0.7, 0.7, 0.7};
    int[] y = {1, 1, 1, 0, 1, 0, 0, 0};
    PlattScaling s = PlattScaling.fit(p, y);
    assertTrue(s.converged());
    // Newton stops at |gradient| < 1e-5 over 4 rows per group: error in q below ~1e-5
    assertEquals(2.0 / 3, s.apply(0.2), 1e-5);
    assertEquals(1.0 / 3, s.apply(0.7), 1e-5);
    assertTrue(s.a() < 0, "the raw score is inversely related here");
  }

  @Test
  void plattSatisfiesItsScoreEquations() {
    // At the optimum Σ (q − t) f = 0 and Σ (q − t) = 0 (gradient of the cross-entropy)
    SplittableRandom r = new SplittableRandom(3);
    int n = 500;
    double[] p = new double[n];
    int[] y = new int[n];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      p[i] = r.nextDouble();
      y[i] = r.nextDouble() < 0.3 + 0.4 * p[i] * p[i] ? 1 : 0;
      pos += y[i];
    }
    PlattScaling s = PlattScaling.fit(p, y);
    double tPos = (pos + 1.0) / (pos + 2);
    double tNeg = 1.0 / (n - pos + 2);
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < n; i++) {
      double f = Math.log(p[i] / (1 - p[i]));
      double q = 1 / (1 + Math.exp(-(s.a() * f + s.b())));
      double t = y[i] == 1 ? tPos : tNeg;
      g1 += (q - t) * f;
      g2 += q - t;
    }
    assertEquals(0, g1, 1e-5); // the stopping rule of Lin, Lin & Weng (2007)
    assertEquals(0, g2, 1e-5);
  }

  @Test
  void plattLeavesCalibratedProbabilitiesAlmostUnchanged() {
    // y ~ Bernoulli(p): the calibrated curve is near the identity, a ≈ 1, b ≈ 0 (sampling
    // error with n = 20,000: se(a) ≈ 0.02, so 0.1 is a five-sigma band).
    SplittableRandom r = new SplittableRandom(5);
    int n = 20_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = 0.02 + 0.96 * r.nextDouble();
      y[i] = r.nextDouble() < p[i] ? 1 : 0;
    }
    PlattScaling s = PlattScaling.fit(p, y);
    assertEquals(1, s.a(), 0.1);
    assertEquals(0, s.b(), 0.1);
  }
}
