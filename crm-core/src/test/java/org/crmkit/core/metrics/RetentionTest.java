package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

/**
 * One small log, every figure counted by hand:
 *
 * <pre>
 *   a: 2024-01-05 10, 01-20 15, 02-03 20, 02-03 5 (same day), 03-15 30
 *   b: 2024-01-10 50, 03-01 -10 (refund)
 *   c: 2024-02-14 40, 02-20 10
 *   d: 2023-11-30 25, 2024-02-01 35
 *   e: 2024-01-31 -5 (refund only: never a customer)
 *   f: 2024-03-03 12
 * </pre>
 */
class RetentionTest {

  private static LocalDate day(int y, int m, int d) {
    return LocalDate.of(y, m, d);
  }

  private static final TransactionLog LOG = TransactionLog.builder()
      .add("a", day(2024, 1, 5), 10).add("a", day(2024, 1, 20), 15)
      .add("a", day(2024, 2, 3), 20).add("a", day(2024, 2, 3), 5).add("a", day(2024, 3, 15), 30)
      .add("b", day(2024, 1, 10), 50).add("b", day(2024, 3, 1), -10)
      .add("c", day(2024, 2, 14), 40).add("c", day(2024, 2, 20), 10)
      .add("d", day(2023, 11, 30), 25).add("d", day(2024, 2, 1), 35)
      .add("e", day(2024, 1, 31), -5)
      .add("f", day(2024, 3, 3), 12)
      .build();

  // Base January, period February.
  //   base customers (purchase in January): a, b -> S = 2 (e only refunded)
  //   February purchasers: a (one day, two rows), c (two days), d
  //   retained a (R = 1); new c (first purchase in February); reactivated d (first 2023-11)
  //   retention 1/2, churn 1/2; repeat purchase: c only -> 1/3
  @Test
  void retentionByHand() {
    Retention r = Retention.of(LOG, DateRange.month(YearMonth.of(2024, 1)),
        DateRange.month(YearMonth.of(2024, 2)));
    assertEquals(2, r.baseCustomers());
    assertEquals(1, r.retained());
    assertEquals(1, r.newCustomers());
    assertEquals(1, r.reactivated());
    assertEquals(3, r.periodCustomers());
    assertEquals(1, r.repeatCustomers());
    assertEquals(0.5, r.retentionRate(), 0.0);
    assertEquals(0.5, r.churnRate(), 0.0);
    assertEquals(1.0 / 3, r.repeatPurchaseRate(), 1e-15);
    assertEquals(Proportion.of(1, 2), r.retention());
    var e = assertThrows(IllegalArgumentException.class, () -> Retention.of(LOG,
        DateRange.month(YearMonth.of(2024, 2)), DateRange.month(YearMonth.of(2024, 2))));
    assertTrue(e.getMessage().contains("must start after the base period"), e.getMessage());
  }

  // Cohorts through the last date, 2024-03-15 (first purchase month):
  //   2023-11 {d}: 5 columns Nov..Mar, active [1, 0, 0, 1, 0], revenue [25, 0, 0, 35, 0]
  //   2024-01 {a, b}: active [2, 1, 1] (b's March refund is no purchase),
  //                   revenue [10+15+50, 20+5, 30-10] = [75, 25, 20]
  //   2024-02 {c}: active [1, 0], revenue [50, 0]
  //   2024-03 {f}: active [1], revenue [12]
  //   e has no purchase: 1 customer without purchase, its refund row unassigned
  //   revenue retention of 2024-01: 25/75 = 1/3 after one month, 20/75 after two
  @Test
  void cohortMatrixByHand() {
    CohortMatrix m = CohortMatrix.of(LOG);
    assertEquals(List.of(YearMonth.of(2023, 11), YearMonth.of(2024, 1), YearMonth.of(2024, 2),
        YearMonth.of(2024, 3)), m.cohorts());
    assertArrayEquals(new long[] {1, 2, 1, 1}, m.sizes());
    assertArrayEquals(new long[] {1, 0, 0, 1, 0}, m.active()[0]);
    assertArrayEquals(new long[] {2, 1, 1}, m.active()[1]);
    assertArrayEquals(new long[] {1, 0}, m.active()[2]);
    assertArrayEquals(new long[] {1}, m.active()[3]);
    assertArrayEquals(new double[] {25, 0, 0, 35, 0}, m.revenue()[0], 1e-12);
    assertArrayEquals(new double[] {75, 25, 20}, m.revenue()[1], 1e-12);
    assertArrayEquals(new double[] {50, 0}, m.revenue()[2], 1e-12);
    assertEquals(5, m.customers());
    assertEquals(1, m.customersWithoutPurchase());
    assertEquals(1, m.unassignedRows());
    assertEquals(0.5, m.retentionRate(1, 1), 0.0);
    assertEquals(1.0 / 3, m.revenueRetention(1, 1), 1e-15);
    assertEquals(20.0 / 75, m.revenueRetention(1, 2), 1e-15);
    var e = assertThrows(IllegalArgumentException.class, () -> m.retentionRate(3, 1));
    assertEquals("monthsSince must be in [0, 0]: 1", e.getMessage());
    // observation ending earlier drops later rows
    CohortMatrix feb = CohortMatrix.of(LOG, day(2024, 2, 29));
    assertEquals(3, feb.size());
    assertArrayEquals(new long[] {2, 1}, feb.active()[1]);
  }

  @Test
  void cohortTableIsReadable() {
    assertEquals("""
        cohorts: 5 customers in 4 monthly cohorts through 2024-03-15; retention %
          cohort      size     +0     +1     +2     +3     +4
          2023-11        1  100.0    0.0    0.0  100.0    0.0
          2024-01        2  100.0   50.0   50.0
          2024-02        1  100.0    0.0
          2024-03        1  100.0""", CohortMatrix.of(LOG).toString());
  }

  // As of 2024-03-31 with a 30-day window, active since 2024-03-02:
  //   last purchases a 03-15 (active), b 01-10 (its 03-01 refund is no purchase), c 02-20,
  //   d 02-01, f 03-03 (active); e has none. 2 active, 3 inactive, 1 without purchase.
  // f's 03-03 is 28 days before: active with a 29-day window (since 03-03), not with 28.
  @Test
  void activityByHand() {
    ActivityStatus s = ActivityStatus.of(LOG, day(2024, 3, 31), Period.ofDays(30));
    assertEquals(day(2024, 3, 2), s.activeSince());
    assertEquals(List.of("a", "f"), s.activeIds());
    assertEquals(List.of("b", "c", "d"), s.inactiveIds());
    assertEquals(1, s.withoutPurchase());
    assertEquals(Proportion.of(2, 5), s.active());
    assertTrue(ActivityStatus.of(LOG, day(2024, 3, 31), Period.ofDays(29)).isActive("f"));
    assertFalse(ActivityStatus.of(LOG, day(2024, 3, 31), Period.ofDays(28)).isActive("f"));
    var e = assertThrows(IllegalArgumentException.class, () -> s.isActive("e"));
    assertEquals("customer 'e' has no purchase up to 2024-03-31", e.getMessage());
    // months: as of 2024-02-29, window 1 month -> since 2024-01-30
    ActivityStatus feb = ActivityStatus.of(LOG, day(2024, 2, 29), Period.ofMonths(1));
    assertEquals(day(2024, 1, 30), feb.activeSince());
    assertEquals(List.of("a", "c", "d"), feb.activeIds());
    assertEquals(List.of("b"), feb.inactiveIds());
    assertEquals(2, feb.withoutPurchase());   // e (refund only), f (first purchase in March)
  }
}
