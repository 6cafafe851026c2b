package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

class CommercialTest {

  // By hand: 250 orders worth 12,500 from 100 buyers in a base of 1,000 users.
  //   AOV 12,500 / 250 = 50; frequency 250 / 100 = 2.5; ARPU 12,500 / 1,000 = 12.5
  // Acquisition 20,000 for 80 new customers: CAC 250; LTV 900 -> LTV:CAC 3.6
  // Monthly revenue per customer 40 at 25 % margin = 10 a month -> payback 250 / 10 = 25 months
  // Profit 120 from a customer costing 400 to serve: 0.30 = 30 %
  // Campaign: 15,000 attributed for 10,000 spent: (15,000 - 10,000) / 10,000 = 0.5 = 50 %
  @Test
  void ratiosByHand() {
    assertEquals(50.0, Commercial.averageOrderValue(12_500, 250), 0.0);
    assertEquals(2.5, Commercial.purchaseFrequency(250, 100), 0.0);
    assertEquals(12.5, Commercial.arpu(12_500, 1_000), 0.0);
    assertEquals(250.0, Commercial.cac(20_000, 80), 0.0);
    assertEquals(3.6, Commercial.ltvToCac(900, 250), 1e-15);
    assertEquals(25.0, Commercial.paybackMonths(250, 40 * 0.25), 0.0);
    assertEquals(0.30, Commercial.profitContributionRate(120, 400), 1e-15);
    assertEquals(30.0, Commercial.profitContributionPercent(120, 400), 1e-12);
    assertEquals(0.5, Commercial.campaignRoi(15_000, 10_000), 0.0);
    assertEquals(50.0, Commercial.campaignRoiPercent(15_000, 10_000), 0.0);
  }

  @Test
  void badInputsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Commercial.averageOrderValue(10, 0));
    assertEquals("orders must be > 0: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Commercial.paybackMonths(250, 0));
    assertEquals("monthlyMarginPerCustomer must be finite and > 0: 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Commercial.campaignRoi(Double.NaN, 1));
    assertEquals("attributedGain must be finite: NaN", e.getMessage());
  }

  // Funnel 10,000 visits, 2,000 leads, 500 trials, 100 purchases:
  //   stage to stage 0.2, 0.25, 0.2; from the first 0.2, 0.05, 0.01; overall 0.01
  @Test
  void funnelByHand() {
    Funnel f = Funnel.of(new String[] {"visit", "lead", "trial", "purchase"},
        new long[] {10_000, 2_000, 500, 100});
    assertEquals(0.2, f.stages().get(1).fromPrevious(), 1e-15);
    assertEquals(0.25, f.stages().get(2).fromPrevious(), 1e-15);
    assertEquals(0.2, f.stages().get(3).fromPrevious(), 1e-15);
    assertEquals(0.05, f.stages().get(2).fromFirst(), 1e-15);
    assertEquals(0.01, f.overall(), 1e-15);
    assertEquals(Proportion.of(500, 2_000), f.stepRate(2));
    assertEquals(Proportion.of(100, 10_000), f.rateFromFirst(3));
    var e = assertThrows(IllegalArgumentException.class, () -> Funnel.of(100, 20, 30));
    assertEquals("stage 3 'stage 3' has 30, more than stage 2 'stage 2' (20): a funnel stage is"
        + " a subset of the one before", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Funnel.of(0, 0));
    assertTrue(e.getMessage().startsWith("the first stage"), e.getMessage());
    Funnel empty = Funnel.of(10, 0, 0);
    assertEquals(0, empty.stages().get(2).fromPrevious(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> empty.stepRate(2));
  }

  // Log: a buys 30 (Jan 5) and 50 (Feb 1) and refunds 10 (Feb 3); b buys 20 (Feb 10);
  // c buys 100 (Mar 1, outside); d only refunds 5 (Feb 20).
  // February: orders 50, 20 (2) = 70; refunds -10, -5 (2) = -15; net 55; buyers a, b (2);
  // customers a, b, d (3). AOV 70 / 2 = 35; frequency 2 / 2 = 1; ARPU over 10 users 5.5.
  @Test
  void periodSalesFromALog() {
    TransactionLog log = TransactionLog.builder()
        .add("a", LocalDate.of(2024, 1, 5), 30).add("a", LocalDate.of(2024, 2, 1), 50)
        .add("a", LocalDate.of(2024, 2, 3), -10).add("b", LocalDate.of(2024, 2, 10), 20)
        .add("c", LocalDate.of(2024, 3, 1), 100).add("d", LocalDate.of(2024, 2, 20), -5)
        .build();
    PeriodSales feb = PeriodSales.of(log, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    assertEquals(2, feb.orders());
    assertEquals(70, feb.orderRevenue(), 1e-12);
    assertEquals(2, feb.refunds());
    assertEquals(-15, feb.refundAmount(), 1e-12);
    assertEquals(55, feb.netRevenue(), 1e-12);
    assertEquals(2, feb.buyers());
    assertEquals(3, feb.customers());
    assertEquals(35, feb.averageOrderValue(), 1e-12);
    assertEquals(1, feb.purchaseFrequency(), 1e-12);
    assertEquals(5.5, feb.arpu(10), 1e-12);
    PeriodSales all = PeriodSales.of(log, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    assertEquals(4, all.orders());
    assertEquals(1.0 * 4 / 3, all.purchaseFrequency(), 1e-15);
    PeriodSales none = PeriodSales.of(log, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    var e = assertThrows(IllegalStateException.class, none::averageOrderValue);
    assertEquals("no order between 2025-01-01 and 2025-01-31", e.getMessage());
  }
}
