package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class ClvTest {

  static final BgNbd BG = BgNbdTest.BTYD;
  static final GammaGamma GG = GammaGamma.of(6.25, 3.74, 15.44);
  static final Discounting TEN = Discounting.annualRate(0.10);

  /** The CDNOW sample in weeks with the mean repeat spend (from the transactions). */
  static CustomerSummaries cdnow() {
    return Cdnow.weeks();
  }

  /**
   * ∫_0^H e^(−δt) dC(t) by the midpoint rule on the increments of the model's own conditional
   * expectation C (a public, independent route: no quadrature, no intensity).
   */
  static double discountedByIncrements(java.util.function.DoubleUnaryOperator cet, double delta,
      double horizon, int steps) {
    double sum = 0;
    double previous = 0;
    for (int k = 1; k <= steps; k++) {
      double t = horizon * k / steps;
      double c = cet.applyAsDouble(t);
      double mid = horizon * (k - 0.5) / steps;
      sum += Math.exp(-delta * mid) * (c - previous);
      previous = c;
    }
    return sum;
  }

  @Test
  void bgNbdDertEqualsTheIntegralOfTheConditionalExpectation() {
    // DERT = ∫_0^∞ e^(−δt) dCET(t): midpoint rule on 20,000 increments of CET up to 40/δ (the
    // rest is below e^-40), h = 0.74 weeks; the rule's error is about (h/A)²/24 relative where
    // the intensity bends on the scale A = α + T ≈ 35 weeks: below 3e-6.
    double delta = Math.log(1.15) / 52;
    Discounting d = Discounting.continuous(delta, ChronoUnit.WEEKS);
    int[][] customers = {{2}, {26}, {0}, {7}};
    double[][] times = {{30.43, 38.86}, {30.857143, 31}, {0, 38.857}, {10, 35}};
    for (int c = 0; c < customers.length; c++) {
      int x = customers[c][0];
      double tx = times[c][0];
      double bigT = times[c][1];
      double expected = discountedByIncrements(
          t -> BG.conditionalExpectedPurchases(x, tx, bigT, t), delta, 40 / delta, 20_000);
      assertEquals(expected, BG.discountedExpectedResidualPurchases(x, tx, bigT, d),
          3e-6 * expected, "x=" + x);
      MbgNbd mbg = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);
      double em = discountedByIncrements(
          t -> mbg.conditionalExpectedPurchases(x, tx, bigT, t), delta, 40 / delta, 20_000);
      assertEquals(em, mbg.discountedExpectedResidualPurchases(x, tx, bigT, d), 3e-6 * em);
    }
  }

  @Test
  void bgNbdDertMatchesMpmath() {
    // mpmath 1.3.0 at 25 digits: P(alive) · quad(e^(−δt) (R/A) hyp2f1(R+1, a; a+B; −t/A), 0..∞)
    // at BTYD's estimates, δ = ln(1.15)/52 per week; relative 1e-9.
    Discounting d = Discounting.continuous(Math.log(1.15) / 52, ChronoUnit.WEEKS);
    assertEquals(5.16932335467948, BG.discountedExpectedResidualPurchases(2, 30.43, 38.86, d),
        1e-9 * 5.17);
    assertEquals(71.0610258539076,
        BG.discountedExpectedResidualPurchases(26, 30.857143, 31, d), 1e-9 * 71.1);
    assertEquals(1.01730434002247, BG.discountedExpectedResidualPurchases(0, 0, 38.857, d),
        1e-9);
  }

  @Test
  void tableDertEqualsSingleCustomerDert() {
    CustomerSummaries s = cdnow();
    double[] bg = BG.discountedExpectedResidualPurchases(s, TEN);
    MbgNbd mbg = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);
    double[] m = mbg.discountedExpectedResidualPurchases(s, TEN);
    double[] cet = mbg.conditionalExpectedPurchases(s, 39);
    for (int i = 0; i < s.size(); i += 17) {
      assertEquals(BG.discountedExpectedResidualPurchases(s.x(i), s.tx(i), s.T(i), TEN), bg[i],
          1e-12 * (1 + bg[i]));
      assertEquals(mbg.discountedExpectedResidualPurchases(s.x(i), s.tx(i), s.T(i), TEN), m[i],
          1e-12 * (1 + m[i]));
      assertEquals(mbg.conditionalExpectedPurchases(s.x(i), s.tx(i), s.T(i), 39), cet[i],
          1e-13 * (1 + cet[i]));
    }
  }

  @Test
  void monthlyCashFlowsMatchAHandComputation() {
    // lifetimes' form, written out here from the public single-customer CET: months of
    // 365.2425/12 days, flows at the end of each month, discounted by (1 + m)^-i.
    Clv clv = Clv.of(BG, GG).withAnnualDiscountRate(0.10).withMargin(0.3)
        .over(Period.ofYears(1));
    double month = 365.2425 / 12 / 7; // weeks
    double m = Math.pow(1.10, 1.0 / 12) - 1;
    int x = 2;
    double tx = 30.43;
    double bigT = 38.86;
    double zbar = 30.0;
    double spend = GG.conditionalExpectedSpend(x, zbar);
    double flows = 0;
    for (int i = 1; i <= 12; i++) {
      double inc = BG.conditionalExpectedPurchases(x, tx, bigT, i * month)
          - BG.conditionalExpectedPurchases(x, tx, bigT, (i - 1) * month);
      flows += 0.3 * spend * inc / Math.pow(1 + m, i);
    }
    Clv.Value v = clv.forCustomer(x, tx, bigT, zbar);
    assertEquals(flows, v.clvMonthly(), 1e-12 * flows);
    assertEquals(spend, v.expectedSpend(), 1e-12);
    assertEquals(BG.conditionalExpectedPurchases(x, tx, bigT, 12 * month), v.expectedPurchases(),
        1e-12);
    assertEquals(BG.probabilityAlive(x, tx, bigT), v.probabilityAlive(), 1e-15);
    // continuous: the midpoint rule on the increments of CET over the year
    double delta = TEN.continuousRate(ChronoUnit.WEEKS);
    double cont = discountedByIncrements(t -> BG.conditionalExpectedPurchases(x, tx, bigT, t),
        delta, 12 * month, 20_000);
    assertEquals(cont, v.discountedPurchases(), 1e-8 * cont);
    assertEquals(0.3 * spend * cont, v.clv(), 1e-8 * v.clv());
    assertEquals(0.3 * spend * BG.discountedExpectedResidualPurchases(x, tx, bigT, TEN),
        v.residualValue(), 1e-12 * v.residualValue());
  }

  @Test
  void continuousAndMonthlyFormsAgreeForSmallRates() {
    // Same rate, flows discounted at month ends: D_m ≤ D ≤ (1 + m) D_m, and as the rate → 0
    // both tend to the undiscounted CET(H).
    for (double d : new double[] {0.001, 0.01, 0.10, 0.5}) {
      Clv clv = Clv.of(BG, GG).withAnnualDiscountRate(d).over(Period.ofYears(2));
      Clv.Value v = clv.forCustomer(5, 30, 38, 40);
      double m = Math.pow(1 + d, 1.0 / 12) - 1;
      assertTrue(v.discountedPurchasesMonthly() <= v.discountedPurchases());
      assertTrue(v.discountedPurchases() <= (1 + m) * v.discountedPurchasesMonthly() * (1
          + 1e-12));
      assertTrue(v.discountedPurchases() < v.expectedPurchases());
      if (d <= 0.01) {
        assertEquals(v.discountedPurchases(), v.discountedPurchasesMonthly(),
            1e-3 * v.discountedPurchases());
      }
    }
  }

  @Test
  void tableEqualsSingleCustomersForEveryModel() {
    CustomerSummaries s = cdnow();
    ParetoNbd pn = ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562, ChronoUnit.WEEKS);
    MbgNbd mbg = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);
    for (Clv clv : new Clv[] {Clv.of(BG, GG), Clv.of(pn, GG), Clv.of(mbg, GG)}) {
      Clv c = clv.withAnnualDiscountRate(0.15).withMargin(0.25).over(Period.ofMonths(18));
      ClvTable t = c.forCustomers(s);
      double[] clvs = t.clv();
      double[] monthly = t.clvMonthly();
      double[] dert = t.dert();
      for (int i = 0; i < s.size(); i += 97) {
        Clv.Value v = c.forCustomer(s.x(i), s.tx(i), s.T(i), s.monetary(i));
        assertEquals(v.clv(), clvs[i], 1e-12 * (1 + v.clv()), c::toString);
        assertEquals(v.clvMonthly(), monthly[i], 1e-12 * (1 + v.clv()));
        assertEquals(v.dert(), dert[i], 1e-12 * (1 + v.dert()));
      }
      assertEquals(s.size(), t.toTable().rowCount());
    }
  }

  @Test
  void paretoNbdFiniteHorizonTendsToDert() {
    // D(H) → DERT as H grows (closed form at ∞, quadrature for finite H)
    ParetoNbd pn = ParetoNbdTest.FIT;
    Clv clv = Clv.of(pn, GG).withAnnualDiscountRate(0.15).over(Period.ofYears(300));
    Clv.Value v = clv.forCustomer(26, 30.857143, 31, 50);
    assertEquals(v.dert(), v.discountedPurchases(), 1e-9 * v.dert());
    assertEquals(pn.discountedExpectedResidualPurchases(26, 30.857143, 31,
        Discounting.annualRate(0.15)), v.dert(), 1e-12 * v.dert());
  }

  @Test
  void weeksAndDaysGiveTheSameClv() {
    BgNbd days = BgNbd.of(BG.r(), BG.alpha() * 7, BG.a(), BG.b(), ChronoUnit.DAYS);
    Clv w = Clv.of(BG, GG).withAnnualDiscountRate(0.1).withMargin(0.3).over(Period.ofYears(1));
    Clv d = Clv.of(days, GG).withAnnualDiscountRate(0.1).withMargin(0.3).over(Period.ofYears(1));
    Clv.Value a = w.forCustomer(4, 20, 35, 25);
    Clv.Value b = d.forCustomer(4, 140, 245, 25);
    assertEquals(a.clv(), b.clv(), 1e-9 * a.clv());
    assertEquals(a.clvMonthly(), b.clvMonthly(), 1e-9 * a.clv());
    assertEquals(a.residualValue(), b.residualValue(), 1e-8 * a.residualValue());
    // a table in days through a model in weeks
    ClvTable tw = w.forCustomers(Cdnow.weeks());
    ClvTable td = w.forCustomers(Cdnow.days());
    double[] cw = tw.clv();
    double[] cd = td.clv();
    for (int i = 0; i < cw.length; i++) {
      assertEquals(cw[i], cd[i], 1e-9 * (1 + cw[i]));
    }
  }

  @Test
  void topCustomersAndPrinting() {
    ClvTable t = Clv.of(BG, GG).withAnnualDiscountRate(0.1).withMargin(0.3)
        .over(Period.ofYears(1)).forCustomers(cdnow());
    ClvTable top = t.top(5);
    assertEquals(5, top.size());
    double[] all = t.clv();
    java.util.Arrays.sort(all);
    assertEquals(all[all.length - 1], top.clv()[0]);
    assertTrue(top.clv()[0] >= top.clv()[1] && top.clv()[3] >= top.clv()[4]);
    String text = t.toString();
    assertTrue(text.startsWith("ClvTable: 2,357 customers (t_x, T in WEEKS); CLV: BG/NBD "
        + "purchases × Gamma-Gamma spend, unit WEEKS, margin 0.3000, 10.00% a year, over P1Y"),
        text);
    assertTrue(text.contains("… 2,337 more"), text);
    Table table = top.toTable();
    assertEquals(java.util.List.of("customer", "x", "t_x", "T", "p_alive", "expected_purchases",
        "expected_spend", "dert", "discounted_purchases", "clv", "discounted_purchases_monthly",
        "clv_monthly", "residual_value"), table.columns());
  }

  @Test
  void javadocExamplesRun() {
    // ParetoNbd's class Javadoc
    var log = Cdnow.log();
    var s = CustomerSummaries.of(log, java.time.LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
    ParetoNbd fit = ParetoNbdTest.FIT; // ParetoNbd.fit(s), fitted once for the class
    double[] alive = fit.probabilityAlive(s);
    double[] next52 = fit.conditionalExpectedPurchases(s, Period.ofWeeks(52));
    double[] dert = fit.discountedExpectedResidualPurchases(s, Discounting.annualRate(0.15));
    assertEquals(s.size(), alive.length + next52.length + dert.length - 2 * s.size());
    // Clv's class Javadoc
    BgNbd bgNbd = BG;
    GammaGamma gammaGamma = GG;
    CustomerSummaries summaries = s;
    Clv clv = Clv.of(bgNbd, gammaGamma)
        .withAnnualDiscountRate(0.10)
        .withMargin(0.3)
        .over(Period.ofYears(1));
    ClvTable values = clv.forCustomers(summaries);
    ClvTable top = values.top(10);
    assertEquals(10, top.size());
  }

  @Test
  void missingSettingsAndBadInputAreReported() {
    RuntimeException e = assertThrows(IllegalStateException.class,
        () -> Clv.of(BG, GG).over(Period.ofYears(1)).forCustomer(1, 1, 2, 10));
    assertTrue(e.getMessage().contains("discount rate"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> Clv.of(BG, GG).withAnnualDiscountRate(0.1).forCustomer(1, 1, 2, 10));
    assertTrue(e.getMessage().contains("horizon"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Clv.of(BG, GG).withAnnualDiscountRate(0));
    assertThrows(IllegalArgumentException.class, () -> Clv.of(BG, GG).withMargin(-1));
    assertThrows(IllegalArgumentException.class, () -> Clv.of(BG, GG).over(Period.ZERO));
    Clv ok = Clv.of(BG, GG).withAnnualDiscountRate(0.1).over(Period.ofYears(1));
    assertThrows(IllegalArgumentException.class, () -> ok.forCustomer(2, 1, 2, -5));
    CustomerSummaries noMoney = CustomerSummaries.ofColumns(new String[] {"a"}, new int[] {1},
        new double[] {1}, new double[] {2}, ChronoUnit.WEEKS);
    e = assertThrows(IllegalArgumentException.class, () -> ok.forCustomers(noMoney));
    assertTrue(e.getMessage().contains("monetary"), e.getMessage());
  }
}
