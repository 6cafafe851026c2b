package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import org.crmkit.core.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  static final GammaGamma FIT = GammaGamma.fit(Cdnow.weeks());

  @Test
  void fitMatchesPublishedEstimates() {
    // ORACLES: p, q, γ = 6.25, 3.74, 15.44; LL -4055.9177; MLE 6.24957, 3.74422, 15.44352.
    assertTrue(FIT.fitReport().converged(), FIT::toString);
    assertEquals(946, FIT.fitReport().customers());
    assertEquals(-4055.9177, FIT.logLikelihood(), 1e-4);
    assertEquals(6.24957, FIT.p(), 1e-4);
    assertEquals(3.74422, FIT.q(), 1e-4);
    assertEquals(15.44352, FIT.gamma(), 1e-3);
  }

  @Test
  void conditionalExpectedSpendOfTheFirstTenCustomers() {
    // ORACLES, 2 decimals, first 10 customers in cdnow_customers_summary order (sample ids 1..10).
    double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    double[] all = FIT.conditionalExpectedSpend(Cdnow.weeks());
    CustomerSummaries s = Cdnow.weeks();
    for (int i = 0; i < 10; i++) {
      assertEquals(expected[i], all[i], 5e-3, "customer " + s.customerId(i));
      assertEquals(all[i], FIT.conditionalExpectedSpend(s.x(i), s.monetary(i)), 1e-12);
    }
    assertEquals(35.17, FIT.populationMeanSpend(), 5e-3);
    assertEquals(0.1139, GammaGamma.frequencySpendCorrelation(s), 5e-5);
  }

  @Test
  void infiniteMeanWhenQAtMostOne() {
    GammaGamma g = GammaGamma.of(2, 0.8, 10);
    assertEquals(Double.POSITIVE_INFINITY, g.populationMeanSpend());
    assertEquals(Double.POSITIVE_INFINITY, g.conditionalExpectedSpend(0, 0));
    // p x + q - 1 > 0: finite
    assertEquals(2 * (10 + 3 * 20.0) / (2 * 3 + 0.8 - 1), g.conditionalExpectedSpend(3, 20), 1e-12);
  }

  @Test
  void nonPositiveSpendOfARepeatCustomerIsNamed() {
    CustomerSummaries s = CustomerSummaries.ofColumns(new String[] {"A", "B", "C"},
        new int[] {2, 0, 1}, new double[] {3, 0, 4}, new double[] {10, 10, 10},
        new double[] {12.5, 0, 0}, ChronoUnit.WEEKS);
    var e = assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(s));
    assertTrue(e.getMessage().contains("customer 'C'") && e.getMessage().contains("0.0"),
        e.getMessage());
    var noMoney = CustomerSummaries.ofColumns(new String[] {"A"}, new int[] {1},
        new double[] {1}, new double[] {2}, ChronoUnit.WEEKS);
    assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(noMoney));
    var noRepeat = CustomerSummaries.ofColumns(new String[] {"A"}, new int[] {0},
        new double[] {0}, new double[] {2}, new double[] {0}, ChronoUnit.WEEKS);
    e = assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(noRepeat));
    assertTrue(e.getMessage().contains("x > 0"), e.getMessage());
  }

  @Test
  void goldenStringAndState() {
    String expected = String.join(System.lineSeparator(),
        "Gamma-Gamma fit: 946 customers, converged (" + FIT.fitReport().iterations()
            + " iterations)",
        "  param  estimate  std.err",
        "  p        6.2496   1.1901",
        "  q        3.7442   0.2901",
        "  gamma   15.4435   4.1595", // ORACLES: the MLE of γ is 15.44352
        "  log-likelihood -4055.92   AIC 8117.84");
    assertEquals(expected, FIT.toString());
    GammaGamma back = GammaGamma.from(FIT.state());
    assertEquals(FIT.toString(), back.toString());
    assertFalse(GammaGamma.of(1, 2, 3).isFitted());
  }

  @Test
  void moneyScaleDoesNotMatter() {
    // Amounts in cents: p and q unchanged, γ times 100, LL shifted by -n ln 100.
    CustomerSummaries s = Cdnow.weeks();
    double[] cents = s.monetaries();
    for (int i = 0; i < cents.length; i++) {
      cents[i] *= 100;
    }
    CustomerSummaries c = CustomerSummaries.ofColumns(s.customerIds(), s.xs(), s.txs(), s.Ts(),
        cents, ChronoUnit.WEEKS);
    GammaGamma g = GammaGamma.fit(c);
    assertEquals(FIT.p(), g.p(), 1e-6);
    assertEquals(FIT.q(), g.q(), 1e-6);
    assertEquals(FIT.gamma() * 100, g.gamma(), 1e-4);
    assertEquals(FIT.logLikelihood() - 946 * Math.log(100), g.logLikelihood(), 1e-6);
  }
}
