package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Period;
import org.crmkit.core.value.SimpleClv.Timing;
import org.junit.jupiter.api.Test;

/** The simple CLV formulas against hand computations. */
class SimpleClvTest {

  private static final Period YEAR = Period.ofYears(1);

  @Test
  void historicProduct() {
    assertEquals(600, SimpleClv.historic(50, 4, 3), 1e-12);         // 50 * 4 * 3
    assertEquals(180, SimpleClv.historic(50, 4, 3, 0.3), 1e-12);    // * 0.3 margin
    assertEquals(0, SimpleClv.historic(50, 0, 3), 0);
    assertThrows(IllegalArgumentException.class, () -> SimpleClv.historic(-1, 4, 3));
    assertThrows(IllegalArgumentException.class, () -> SimpleClv.historic(50, 4, 3, 1.5));
  }

  @Test
  void periodRateFromAnnualRate() {
    assertEquals(0.1, SimpleClv.periodRate(0.1, YEAR), 0);   // exact for one year
    // 1.1^(1/12) - 1 = exp(ln(1.1)/12) - 1 = exp(0.00794252) - 1 = 0.00797414
    assertEquals(0.0079741404, SimpleClv.periodRate(0.1, Period.ofMonths(1)), 1e-10);
    // two years: 1.1^2 - 1 = 0.21
    assertEquals(0.21, SimpleClv.periodRate(0.1, Period.ofYears(2)), 1e-14);
    assertThrows(IllegalArgumentException.class, () -> SimpleClv.periodRate(-1, YEAR));
    assertThrows(IllegalArgumentException.class,
        () -> SimpleClv.periodRate(0.1, Period.ofDays(-3)));
  }

  @Test
  void perpetuityBothTimings() {
    // Gupta & Lehmann (2003): m r / (1 + d - r) = 100 * 0.8 / 0.3
    assertEquals(800.0 / 3, SimpleClv.retention(100, 0.8, 0.1, YEAR, Timing.END_OF_PERIOD),
        1e-10);
    // first margin now: m (1 + d) / (1 + d - r) = 110 / 0.3
    assertEquals(1100.0 / 3, SimpleClv.retention(100, 0.8, 0.1, YEAR, Timing.START_OF_PERIOD),
        1e-10);
    // r = 1 converges when d > 0: m / d
    assertEquals(1000, SimpleClv.retention(100, 1, 0.1, YEAR, Timing.END_OF_PERIOD), 1e-9);
    // r = 1, d = 0 diverges
    assertThrows(IllegalArgumentException.class,
        () -> SimpleClv.retention(100, 1, 0, YEAR, Timing.END_OF_PERIOD));
    // monthly: d = 0.00797414 (above), 10 * 0.95 / (1.00797414 - 0.95) = 163.86616
    assertEquals(163.86616, SimpleClv.retention(10, 0.95, 0.1, Period.ofMonths(1),
        Timing.END_OF_PERIOD), 5e-5);
  }

  @Test
  void finiteHorizonSums() {
    // q = 0.8 / 1.1 = 0.72727273, q^2 = 0.52892562, q^3 = 0.38467318
    // t = 0..2: 100 (1 + q + q^2) = 225.619835; t = 1..3: 100 (q + q^2 + q^3) = 164.087153
    assertEquals(225.619835, SimpleClv.retention(100, 0.8, 0.1, YEAR, 3,
        Timing.START_OF_PERIOD), 1e-6);
    assertEquals(164.087153, SimpleClv.retention(100, 0.8, 0.1, YEAR, 3,
        Timing.END_OF_PERIOD), 1e-6);
    assertEquals(0, SimpleClv.retention(100, 0.8, 0.1, YEAR, 0, Timing.START_OF_PERIOD), 0);
    assertEquals(100, SimpleClv.retention(100, 0.8, 0.1, YEAR, 1, Timing.START_OF_PERIOD),
        1e-12);
    // q = 1 (r = 1, d = 0): T margins
    assertEquals(500, SimpleClv.retention(100, 1, 0, YEAR, 5, Timing.START_OF_PERIOD), 1e-9);
    // r = 0: only the first margin (start) or nothing (end)
    assertEquals(100, SimpleClv.retention(100, 0, 0.1, YEAR, 5, Timing.START_OF_PERIOD), 0);
    assertEquals(0, SimpleClv.retention(100, 0, 0.1, YEAR, 5, Timing.END_OF_PERIOD), 0);
  }

  @Test
  void finiteSumsConvergeToTheirPerpetuityAndDifferByTheFirstMargin() {
    for (Timing timing : Timing.values()) {
      assertEquals(SimpleClv.retention(100, 0.8, 0.1, YEAR, timing),
          SimpleClv.retention(100, 0.8, 0.1, YEAR, 2000, timing), 1e-9);
    }
    // START(T) - END(T) = m (1 - q^T): for T = 3, 100 (1 - 0.38467318) = 61.532682
    double diff = SimpleClv.retention(100, 0.8, 0.1, YEAR, 3, Timing.START_OF_PERIOD)
        - SimpleClv.retention(100, 0.8, 0.1, YEAR, 3, Timing.END_OF_PERIOD);
    assertEquals(61.532682, diff, 1e-6);
  }
}
