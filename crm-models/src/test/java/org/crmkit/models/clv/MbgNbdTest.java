package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class MbgNbdTest {

  static final MbgNbd FIT = MbgNbd.fit(Cdnow.weeks());

  @Test
  void fitMatchesRecomputedEstimates() {
    // ORACLES (recomputed): 0.525, 6.183, 0.891, 1.614; LL -9582.136.
    assertTrue(FIT.fitReport().converged(), FIT::toString);
    assertEquals(-9582.136, FIT.logLikelihood(), 5e-4);
    assertEquals(0.525, FIT.r(), 5e-4);
    assertEquals(6.183, FIT.alpha(), 5e-4);
    assertEquals(0.891, FIT.a(), 5e-4);
    assertEquals(1.614, FIT.b(), 5e-4);
  }

  @Test
  void numericalStressCases() {
    MbgNbd m = MbgNbd.of(0.25, 4, 0.8, 2.5, ChronoUnit.WEEKS);
    assertEquals(-0.41792826, m.logLikelihood(0, 0, 40), 1e-8);
    assertEquals(100.7869, m.logLikelihood(200, 38, 40), 1e-4);
    assertEquals(0.0, m.probabilityAlive(1000, 10, 100));
    assertEquals(0.0, m.conditionalExpectedPurchases(1000, 10, 100, 52));
  }

  @Test
  void closedFormsAgainstMpmath() {
    // mpmath 1.3.0 at 30 digits, Batislam et al. (2007) formulas at (0.525, 6.183, 0.891, 1.614):
    // E[X(52)] = b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]
    MbgNbd m = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);
    assertEquals(1.4197237577127418, m.expectedPurchases(52), 1e-10);
    // x = 2, t_x = 30.43, T = 38.86: P(alive) = 1/(1 + a/(b+x) ((α+T)/(α+t_x))^(r+x))
    assertEquals(0.7062022651184873, m.probabilityAlive(2, 30.43, 38.86), 1e-12);
    // CET(39) = P(alive) (a+b+x)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)]
    assertEquals(1.2629606232673559, m.conditionalExpectedPurchases(2, 30.43, 38.86, 39), 1e-10);
    // x = 0: P(alive) < 1 (dropout at time 0)
    assertEquals(0.3897350809187629, m.probabilityAlive(0, 0, 38.86), 1e-12);
  }

  @Test
  void pmfSumsToOneAndMatchesExpectation() {
    double sum = 0;
    double mean = 0;
    for (int n = 0; n < 400; n++) {
      double p = FIT.probabilityOfPurchases(n, Period.ofWeeks(52));
      sum += p;
      mean += n * p;
    }
    assertEquals(1, sum, 1e-10);
    assertEquals(FIT.expectedPurchases(52), mean, 1e-8);
  }

  @Test
  void stateRoundTripAndGoldenString() {
    MbgNbd back = MbgNbd.from(FIT.state());
    assertEquals(FIT.toString(), back.toString());
    assertTrue(FIT.toString().startsWith("MBG/NBD fit: 2,357 customers, unit WEEKS, converged ("),
        FIT::toString);
    assertThrows(IllegalArgumentException.class, () -> BgNbd.from(FIT.state()));
  }
}
