package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DERT of the BG models (quadrature): unit invariance, monotone in the rate, bounds. */
class DertProperties {

  private static final BgNbd BG = BgNbd.of(0.2425982, 4.4136842, 0.7929899, 2.4261667,
      ChronoUnit.WEEKS);
  private static final MbgNbd MBG = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);

  static Stream<Arguments> cases() {
    return Cases.random(401L, 25, r -> Arguments.of(r.nextInt(8) == 0 ? 0 : r.nextInt(60),
        r.nextDouble(), 1 + 60 * r.nextDouble(), 0.01 + 0.5 * r.nextDouble()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void weeksAndDaysGiveTheSameDert(int x, double share, double bigT, double annual) {
    double tx = x == 0 ? 0 : share * bigT;
    Discounting d = Discounting.annualRate(annual);
    BgNbd days = BgNbd.of(BG.r(), BG.alpha() * 7, BG.a(), BG.b(), ChronoUnit.DAYS);
    MbgNbd mdays = MbgNbd.of(MBG.r(), MBG.alpha() * 7, MBG.a(), MBG.b(), ChronoUnit.DAYS);
    double w = BG.discountedExpectedResidualPurchases(x, tx, bigT, d);
    assertEquals(w, days.discountedExpectedResidualPurchases(x, 7 * tx, 7 * bigT, d),
        1e-9 * (1 + w));
    double mw = MBG.discountedExpectedResidualPurchases(x, tx, bigT, d);
    assertEquals(mw, mdays.discountedExpectedResidualPurchases(x, 7 * tx, 7 * bigT, d),
        1e-9 * (1 + mw));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void dertIncreasesAsTheRateFallsAndIsBoundedByTheUndiscountedRate(int x, double share,
      double bigT, double annual) {
    double tx = x == 0 ? 0 : share * bigT;
    double high = BG.discountedExpectedResidualPurchases(x, tx, bigT,
        Discounting.annualRate(annual));
    double low = BG.discountedExpectedResidualPurchases(x, tx, bigT,
        Discounting.annualRate(annual / 2));
    assertTrue(low > high || (high == 0 && low == 0), () -> low + " <= " + high);
    // the intensity of a live customer is at most (r+x)/(α+T): DERT ≤ P(alive) (r+x)/((α+T) δ)
    double delta = Discounting.annualRate(annual).continuousRate(ChronoUnit.WEEKS);
    double bound = BG.probabilityAlive(x, tx, bigT) * (BG.r() + x) / ((BG.alpha() + bigT) * delta);
    assertTrue(high <= bound * (1 + 1e-12), () -> high + " > " + bound);
    // and at least the discounted expectation over one year
    double year = 365.2425 / 7;
    assertTrue(high >= Math.exp(-delta * year) * BG.conditionalExpectedPurchases(x, tx, bigT,
        year));
  }
}
