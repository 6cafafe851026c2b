package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of cohorts and retention over seeded random logs. */
class RetentionProperties {

  static Stream<Arguments> logs() {
    return Cases.random(301L, 60, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(400)));
  }

  static Stream<Arguments> splits() {
    return Cases.random(302L, 60, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(400),
        r.nextInt(401)));
  }

  private static final LocalDate START = LocalDate.of(2023, 1, 1);

  /** Random rows over 500 days; with refunds when asked. */
  private static TransactionLog log(long seed, int n, boolean refunds) {
    Random r = new Random(seed);
    var b = TransactionLog.builder();
    for (int i = 0; i < n; i++) {
      double amount = Math.round(r.nextDouble() * 10000) / 100.0;
      if (refunds && r.nextInt(8) == 0) {
        amount = -amount;
      }
      b.add("c" + r.nextInt(40), START.plusDays(r.nextInt(500)), amount);
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("logs")
  void cohortCountsSumToTheCustomers(long seed, int n) {
    TransactionLog log = log(seed, n, true);
    LocalDate through = START.plusDays(Math.floorMod(seed, 500));
    Set<String> buyers = new HashSet<>();
    for (int c = 0; c < log.customerCount(); c++) {
      for (int row = log.start(c); row < log.end(c); row++) {
        if (log.amount(row) >= 0 && !log.date(row).isAfter(through)) {
          buyers.add(log.customerId(c));
        }
      }
    }
    if (buyers.isEmpty()) {
      return;   // no cohort: CohortMatrix.of rejects this log, tested elsewhere
    }
    CohortMatrix m = CohortMatrix.of(log, through);
    assertEquals(buyers.size(), m.customers());
    assertEquals(log.customerCount(), m.customers() + m.customersWithoutPurchase());
    long[] sizes = m.sizes();
    long[][] active = m.active();
    for (int c = 0; c < m.size(); c++) {
      assertEquals(sizes[c], active[c][0]);
      assertEquals(YearMonth.from(through),
          m.cohorts().get(c).plusMonths(active[c].length - 1));
      for (long a : active[c]) {
        assertTrue(a >= 0 && a <= sizes[c]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void cohortRevenueSumsToTheRevenue(long seed, int n) {
    TransactionLog log = log(seed, n, false);
    CohortMatrix m = CohortMatrix.of(log);
    double cells = 0;
    for (double[] row : m.revenue()) {
      for (double v : row) {
        cells += v;
      }
    }
    assertEquals(log.totalAmount(), cells, 1e-9 * (1 + log.totalAmount()));
    assertEquals(0, m.unassignedRows());
  }

  @ParameterizedTest
  @MethodSource("splits")
  void retentionPartitionsThePeriodsCustomers(long seed, int n, int split) {
    TransactionLog log = log(seed, n, true);
    DateRange base = DateRange.of(START.plusDays(split / 2), START.plusDays(split));
    DateRange period = DateRange.of(START.plusDays(split + 1), START.plusDays(split + 90));
    Retention r = Retention.of(log, base, period);
    Set<String> inPeriod = new HashSet<>();
    for (int c = 0; c < log.customerCount(); c++) {
      for (int row = log.start(c); row < log.end(c); row++) {
        if (log.amount(row) >= 0 && period.contains(log.date(row))) {
          inPeriod.add(log.customerId(c));
        }
      }
    }
    assertEquals(inPeriod.size(), r.periodCustomers());
    assertTrue(r.repeatCustomers() <= r.periodCustomers());
    if (r.baseCustomers() > 0) {
      assertEquals(1, r.retentionRate() + r.churnRate(), 1e-15);
    }
    ActivityStatus s = ActivityStatus.of(log, period.to(), Period.ofDays(30));
    assertEquals(log.customerCount(), s.customers() + s.withoutPurchase());
    assertEquals(s.customers(), s.activeCount() + s.inactiveCount());
  }
}
