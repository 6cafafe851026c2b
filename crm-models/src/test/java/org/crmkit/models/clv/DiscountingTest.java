package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DiscountingTest {

  @Test
  void annualRateConvertsToEveryUnit() {
    Discounting d = Discounting.annualRate(0.10);
    double force = Math.log(1.10);
    // δ = ln(1 + d) / periods per year; 365.2425 days, 52.1775 weeks, 12 months a year
    assertEquals(force / 365.2425, d.continuousRate(ChronoUnit.DAYS), 1e-17);
    assertEquals(force / (365.2425 / 7), d.continuousRate(ChronoUnit.WEEKS), 1e-16);
    assertEquals(force / 12, d.continuousRate(ChronoUnit.MONTHS), 1e-16);
    assertEquals(force, d.continuousRate(ChronoUnit.YEARS), 1e-16);
    assertEquals(0.10, d.annualRate(), 1e-15);
    // (1 + m)^12 = 1 + d
    assertEquals(1.10, Math.pow(1 + d.monthlyRate(), 12), 1e-14);
    // a year later, 1 is worth 1/1.1, whatever the unit
    assertEquals(1 / 1.1, d.factor(365.2425, ChronoUnit.DAYS), 1e-15);
    assertEquals(1 / 1.1, d.factor(12, ChronoUnit.MONTHS), 1e-15);
  }

  @Test
  void monthlyAndContinuousFactoriesAgreeWithTheAnnualRate() {
    // lifetimes' discount_rate = 0.01 a month is (1.01)^12 − 1 = 12.6825% a year
    assertEquals(Math.pow(1.01, 12) - 1, Discounting.monthlyRate(0.01).annualRate(), 1e-15);
    assertEquals(0.01, Discounting.monthlyRate(0.01).monthlyRate(), 1e-16);
    // FHL: δ = ln(1.15)/52 per week is 15% a year over a 52-week year, a little more over ours
    Discounting fhl = Discounting.continuous(Math.log(1.15) / 52, ChronoUnit.WEEKS);
    assertEquals(Math.log(1.15) / 52, fhl.continuousRate(ChronoUnit.WEEKS), 1e-17);
    assertEquals(Math.pow(1.15, 365.2425 / 7 / 52) - 1, fhl.annualRate(), 1e-14);
    assertEquals(0.2, Discounting.continuous(Math.log(1.2), ChronoUnit.YEARS).annualRate(),
        1e-15);
    assertEquals(Discounting.annualRate(0.2), Discounting.annualRate(0.2));
  }

  @Test
  void rejectsNegativeOrNonFiniteRates() {
    var e = assertThrows(IllegalArgumentException.class, () -> Discounting.annualRate(-0.1));
    assertEquals("annual discount rate must be finite and >= 0: -0.1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Discounting.monthlyRate(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> Discounting.continuous(0.1, ChronoUnit.HOURS));
  }

  @Test
  void printsTheRateThreeWays() {
    assertEquals("Discounting: 10.00% a year (continuous 0.09531 a year, monthly 0.7974%)",
        Discounting.annualRate(0.10).toString());
  }
}
