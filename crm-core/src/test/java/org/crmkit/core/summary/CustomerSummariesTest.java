package org.crmkit.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.CdnowFixture;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {

  private static final LocalDate CAL_END = LocalDate.of(1997, 9, 30);
  private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  // ORACLES.md, "CDNOW conventions": the 1/10 sample, weeks, calibration to 1997-09-30.
  @Test
  void cdnowSampleFiguresMatchThePublishedOnes() {
    CalibrationHoldout split = CalibrationHoldout.of(CdnowFixture.sampleBySampleId(), CAL_END,
        HOLDOUT_END, ChronoUnit.WEEKS);
    CustomerSummaries s = split.calibration();
    assertEquals(2357, s.size());
    assertEquals(946, s.repeatBuyers());
    assertEquals(2457, s.totalRepeatPurchases());
    assertEquals(1882, split.totalHoldoutPurchases());
    assertEquals(39.0, split.holdoutLength(), 1e-12); // 273 days = 39 weeks
    double sum = 0;
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int i = 0; i < s.size(); i++) {
      if (s.x(i) > 0) {
        sum += s.monetary(i);
      }
      lo = Math.min(lo, s.T(i));
      hi = Math.max(hi, s.T(i));
    }
    assertEquals(35.078, sum / 946, 5e-4); // published to 3 decimals
    assertEquals(27.00, lo, 5e-3); // "T ranges 27.00-38.86 weeks"
    assertEquals(38.86, hi, 5e-3);
    assertEquals(0, s.customersAfterEnd());
    assertEquals(0, split.customersFirstSeenInHoldout());
  }

  // lifetimes' cdnow_customers_summary.csv: x exact, t_x and T rounded to 2 decimals there.
  @Test
  void cdnowSampleSummariesMatchTheDistributedCsv() throws IOException {
    CustomerSummaries s = CustomerSummaries.of(CdnowFixture.sampleBySampleId(), CAL_END,
        ChronoUnit.WEEKS);
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/data/cdnow/cdnow_customers_summary.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int k = 1; k < lines.length; k++) {
        rows.add(lines[k].trim().split(","));
      }
    }
    assertEquals(2357, rows.size());
    for (String[] r : rows) {
      String id = String.format("%05d", Integer.parseInt(r[0]));
      CustomerSummary c = s.get(id);
      assertEquals(Integer.parseInt(r[1]), c.x(), id);
      assertEquals(Double.parseDouble(r[2]), c.tx(), 0.005 + 1e-9, id);
      assertEquals(Double.parseDouble(r[3]), c.T(), 0.005 + 1e-9, id);
    }
  }

  // Hand computation: customer A buys on 2024-01-01 (10 + 5, one day), 2024-01-08 (20) and
  // 2024-01-29 (30); observation end 2024-02-05. Days merged: x = 2; t_x = 28 days = 4 weeks;
  // T = 35 days = 5 weeks; monetary = (20 + 30) / 2 = 25; orders 4; spend 65.
  // Customer B buys once on 2024-02-05 (the end day itself): x = 0, t_x = 0, T = 0.
  // Customer C first buys after the end: left out and counted; A's 2024-03-01 row is counted.
  @Test
  void handComputedSummary() {
    TransactionLog log = TransactionLog.builder()
        .add("A", LocalDate.of(2024, 1, 1), 10)
        .add("A", LocalDate.of(2024, 1, 1), 5)
        .add("A", LocalDate.of(2024, 1, 8), 20)
        .add("A", LocalDate.of(2024, 1, 29), 30)
        .add("A", LocalDate.of(2024, 3, 1), 99)
        .add("B", LocalDate.of(2024, 2, 5), 7)
        .add("C", LocalDate.of(2024, 2, 6), 1)
        .add("C", LocalDate.of(2024, 2, 7), 1)
        .build();
    CustomerSummaries s = CustomerSummaries.of(log, LocalDate.of(2024, 2, 5), ChronoUnit.WEEKS);
    assertEquals(2, s.size());
    CustomerSummary a = s.get("A");
    assertEquals(2, a.x());
    assertEquals(4.0, a.tx(), 1e-12);
    assertEquals(5.0, a.T(), 1e-12);
    assertEquals(25.0, a.monetary(), 1e-12);
    assertEquals(LocalDate.of(2024, 1, 1), a.firstPurchase());
    assertEquals(LocalDate.of(2024, 1, 29), a.lastPurchase());
    assertEquals(4, a.orders());
    assertEquals(65.0, a.totalSpend(), 1e-12);
    CustomerSummary b = s.get("B");
    assertEquals(0, b.x());
    assertEquals(0.0, b.T(), 0.0);
    assertEquals(0.0, b.monetary(), 0.0);
    assertEquals(1, s.customersAfterEnd());
    assertEquals(3, s.transactionsAfterEnd()); // A's March row and C's two rows

    CustomerSummaries days = CustomerSummaries.of(log, LocalDate.of(2024, 2, 5), ChronoUnit.DAYS);
    assertEquals(28.0, days.tx(days.indexOf("A")), 1e-12);
    assertEquals(35.0, days.T(days.indexOf("A")), 1e-12);
    // Months are 365.2425 / 12 = 30.436875 days (ChronoUnit.MONTHS.getDuration()).
    CustomerSummaries months = CustomerSummaries.of(log, LocalDate.of(2024, 2, 5),
        ChronoUnit.MONTHS);
    assertEquals(35.0 / 30.436875, months.T(months.indexOf("A")), 1e-12);
  }

  @Test
  void timestampedLogsUseTheDayInTheirZone() {
    var zone = java.time.ZoneId.of("America/New_York");
    // 2024-01-02T03:00Z is still 2024-01-01 in New York: same day as the first purchase.
    TransactionLog log = TransactionLog.builder(zone)
        .add("A", java.time.Instant.parse("2024-01-01T15:00:00Z"), 10)
        .add("A", java.time.Instant.parse("2024-01-02T03:00:00Z"), 5)
        .add("A", java.time.Instant.parse("2024-01-03T15:00:00Z"), 8)
        .build();
    CustomerSummary a = CustomerSummaries.of(log, LocalDate.of(2024, 1, 10), ChronoUnit.DAYS)
        .get("A");
    assertEquals(1, a.x());
    assertEquals(2.0, a.tx(), 0.0);
    assertEquals(9.0, a.T(), 0.0);
    assertEquals(8.0, a.monetary(), 0.0);
  }

  @Test
  void refundsAreRejectedWithTheCustomerAndAmount() {
    TransactionLog log = TransactionLog.builder()
        .add("A", LocalDate.of(2024, 1, 1), 10)
        .add("A", LocalDate.of(2024, 1, 3), -4.5)
        .build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.of(log, LocalDate.of(2024, 2, 1), ChronoUnit.DAYS));
    assertTrue(e.getMessage().contains("'A'"), e.getMessage());
    assertTrue(e.getMessage().contains("2024-01-03"), e.getMessage());
    assertTrue(e.getMessage().contains("-4.5"), e.getMessage());
    assertTrue(e.getMessage().contains("LogCleaner"), e.getMessage());
  }

  @Test
  void unsupportedUnitsAreRejected() {
    TransactionLog log = TransactionLog.builder().add("A", LocalDate.of(2024, 1, 1), 1).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.of(log, LocalDate.of(2024, 2, 1), ChronoUnit.HOURS));
    assertTrue(e.getMessage().contains("Hours"), e.getMessage());
  }

  @Test
  void columnsAreValidatedPerCustomer() {
    String[] ids = {"a", "b"};
    var tooLate = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.ofColumns(ids, new int[] {1, 2}, new double[] {3, 9},
            new double[] {5, 8}, ChronoUnit.WEEKS));
    assertEquals("row 2, customer 'b': t_x (9.0) must not exceed T (8.0)", tooLate.getMessage());
    var negative = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.ofColumns(ids, new int[] {-1, 2}, new double[] {3, 4},
            new double[] {5, 8}, ChronoUnit.WEEKS));
    assertEquals("row 1, customer 'a': x must be >= 0: -1", negative.getMessage());
    var nan = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.ofColumns(ids, new int[] {1, 2}, new double[] {3, 4},
            new double[] {5, Double.NaN}, ChronoUnit.WEEKS));
    assertEquals("row 2, customer 'b': T must be finite and >= 0: NaN", nan.getMessage());
    var twice = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.ofColumns(new String[] {"a", "a"}, new int[] {1, 2},
            new double[] {3, 4}, new double[] {5, 8}, ChronoUnit.WEEKS));
    assertEquals("row 2, customer 'a': customer id appears twice", twice.getMessage());
    var lengths = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.ofColumns(ids, new int[] {1}, new double[] {3, 4},
            new double[] {5, 8}, ChronoUnit.WEEKS));
    assertEquals("columns differ in length: ids 2, x 1, tx 2, T 2", lengths.getMessage());
  }

  @Test
  void columnSummariesKnowOnlyWhatTheyWereGiven() {
    CustomerSummaries s = CustomerSummaries.ofColumns(new String[] {"a"}, new int[] {2},
        new double[] {3}, new double[] {5}, ChronoUnit.WEEKS);
    assertFalse(s.hasMonetary());
    assertFalse(s.hasPurchaseHistory());
    assertNull(s.get(0).monetary());
    assertNull(s.get(0).orders());
    assertThrows(IllegalStateException.class, () -> s.monetary(0));
    assertThrows(IllegalStateException.class, () -> s.firstPurchase(0));
  }

  @Test
  void compressionOfCdnowKeepsTotals() {
    CustomerSummaries s = CustomerSummaries.of(CdnowFixture.sampleBySampleId(), CAL_END,
        ChronoUnit.WEEKS);
    WeightedSummaries w = s.compress();
    assertTrue(w.size() < s.size());
    assertEquals(2357.0, w.totalWeight(), 0.0);
    assertEquals(2457.0, w.totalRepeatPurchases(), 0.0);
    for (int i = 1; i < w.size(); i++) {
      boolean ordered = w.x(i - 1) < w.x(i)
          || (w.x(i - 1) == w.x(i) && (w.tx(i - 1) < w.tx(i)
              || (w.tx(i - 1) == w.tx(i) && w.T(i - 1) < w.T(i))));
      assertTrue(ordered, "row " + i + " not strictly after row " + (i - 1));
    }
  }

  @Test
  void toStringIsACompactTable() {
    TransactionLog log = TransactionLog.builder()
        .add("A", LocalDate.of(2024, 1, 1), 10)
        .add("A", LocalDate.of(2024, 1, 8), 20)
        .add("B", LocalDate.of(2024, 1, 3), 7)
        .build();
    assertEquals("""
        CustomerSummaries: 2 customers, unit Weeks, observation end 2024-01-15, 1 repeat buyers, Σx = 1
          customer      x        t_x          T    monetary
          A             1     1.0000     2.0000       20.00
          B             0     0.0000     1.7143        0.00""",
        CustomerSummaries.of(log, LocalDate.of(2024, 1, 15), ChronoUnit.WEEKS).toString());
  }
}
