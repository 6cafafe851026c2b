package org.crmkit.core.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of customer summaries over seeded random logs. */
class CustomerSummariesProperties {

  private static final LocalDate START = LocalDate.of(2020, 1, 1);

  /** (seed for the rows, number of rows from 1 to 400). */
  static Stream<Arguments> logs() {
    return Cases.random(20261123L, 60, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(400)));
  }

  /** Random rows: (customer, day offset, amount). */
  private static List<Object[]> rows(long seed, int n, int customers) {
    Random r = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {"c" + r.nextInt(customers), r.nextInt(400),
          Math.round(r.nextDouble() * 10000) / 100.0});
    }
    return rows;
  }

  private static TransactionLog log(List<Object[]> rows) {
    var b = TransactionLog.builder();
    for (Object[] row : rows) {
      b.add((String) row[0], START.plusDays((Integer) row[1]), (Double) row[2]);
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("logs")
  void summariesDoNotDependOnRowOrder(long seed, int n) {
    List<Object[]> rows = rows(seed, n, 20);
    CustomerSummaries a = CustomerSummaries.of(log(rows), START.plusDays(300), ChronoUnit.WEEKS);
    Collections.shuffle(rows, new Random(seed + 1));
    CustomerSummaries b = CustomerSummaries.of(log(rows), START.plusDays(300), ChronoUnit.WEEKS);
    assertArrayEquals(a.customerIds(), b.customerIds());
    assertArrayEquals(a.xs(), b.xs());
    assertArrayEquals(a.txs(), b.txs());
    assertArrayEquals(a.Ts(), b.Ts());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.monetary(i), b.monetary(i), 1e-9 * (1 + a.monetary(i)));
      assertEquals(a.totalSpend(i), b.totalSpend(i), 1e-9 * (1 + a.totalSpend(i)));
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void unitsOnlyScaleTheTimes(long seed, int n) {
    TransactionLog log = log(rows(seed, n, 30));
    CustomerSummaries days = CustomerSummaries.of(log, START.plusDays(350), ChronoUnit.DAYS);
    for (ChronoUnit u : new ChronoUnit[] {ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS}) {
      CustomerSummaries other = CustomerSummaries.of(log, START.plusDays(350), u);
      CustomerSummaries converted = days.inUnit(u);
      assertArrayEquals(days.xs(), other.xs());
      for (int i = 0; i < days.size(); i++) {
        assertEquals(other.tx(i), converted.tx(i), 1e-12 * (1 + other.tx(i)));
        assertEquals(other.T(i), converted.T(i), 1e-12 * (1 + other.T(i)));
        assertEquals(days.T(i), other.T(i) * TimeUnits.days(u), 1e-9);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void compressionKeepsTotalsAndExpandsBack(long seed, int n) {
    CustomerSummaries s = CustomerSummaries.of(log(rows(seed, n, 60)), START.plusDays(400),
        ChronoUnit.WEEKS);
    WeightedSummaries w = s.compress();
    assertEquals(s.size(), w.totalWeight(), 0.0);
    assertEquals(s.totalRepeatPurchases(), w.totalRepeatPurchases(), 0.0);
    // every customer's row appears in the compressed table with the right multiplicity
    for (int k = 0; k < w.size(); k++) {
      int count = 0;
      for (int i = 0; i < s.size(); i++) {
        if (s.x(i) == w.x(k) && s.tx(i) == w.tx(k) && s.T(i) == w.T(k)) {
          count++;
        }
      }
      assertEquals(w.weight(k), count, 0.0);
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void summariesStayConsistent(long seed, int n) {
    CustomerSummaries s = CustomerSummaries.of(log(rows(seed, n, 25)), START.plusDays(200),
        ChronoUnit.WEEKS);
    for (int i = 0; i < s.size(); i++) {
      assertTrue(s.x(i) >= 0 && s.x(i) <= s.orders(i) - 1, "x vs orders");
      assertTrue(s.tx(i) >= 0 && s.tx(i) <= s.T(i), "0 <= t_x <= T");
      assertEquals(s.x(i) == 0, s.tx(i) == 0);
    }
  }
}
