package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.Transaction;
import org.junit.jupiter.api.Test;

/** Accessors, queries and printing of {@link TransactionLog}. */
class TransactionLogTest {

  private static final LocalDate JAN1 = LocalDate.of(1997, 1, 1);
  private static final LocalDate JAN2 = LocalDate.of(1997, 1, 2);

  /** Four rows of two customers, given out of order. */
  static TransactionLog tiny() {
    return TransactionLog.builder()
        .add("b", JAN2, 5.5)
        .add("a", JAN1, 10)
        .add("a", JAN1, 2.25)
        .add("b", JAN1, -1)
        .build();
  }

  // ---- printing ------------------------------------------------------------------------------

  @Test
  void toStringOfATinyDatedLog() {
    assertEquals("""
        TransactionLog: 4 transactions, 2 customers, 1997-01-01 .. 1997-01-02, total 16.75
          customer  time              amount
          a         1997-01-01          2.25
          a         1997-01-01         10.00
          b         1997-01-01         -1.00
          b         1997-01-02          5.50""", tiny().toString());
  }

  @Test
  void toStringOfATimestampedLogShowsInstantsAndWidensForLongIds() {
    var log = TransactionLog.builder(ZoneOffset.UTC)
        .add("customer-0001", Instant.parse("1997-01-01T10:15:30Z"), 1234.5)
        .add("c2", Instant.parse("1997-01-03T00:00:00Z"), 0)
        .build();
    assertEquals("""
        TransactionLog: 2 transactions, 2 customers, 1997-01-01 .. 1997-01-03, total 1,234.50
          customer       time                        amount
          c2             1997-01-03T00:00:00Z          0.00
          customer-0001  1997-01-01T10:15:30Z       1234.50""", log.toString());
  }

  @Test
  void toStringShowsTenRowsThenHowManyMore() {
    var b = TransactionLog.builder();
    for (int i = 0; i < 12; i++) {
      b.add("c", JAN1.plusDays(i), 1);
    }
    String text = b.build().toString();
    assertEquals(1 + 1 + 10 + 1, text.lines().count());
    assertEquals("  … 2 more", text.lines().reduce((x, y) -> y).orElseThrow());
  }

  @Test
  void toStringOfAnEmptyLog() {
    assertEquals("TransactionLog: 0 transactions, 0 customers",
        TransactionLog.builder().build().toString());
  }

  // ---- accessors ---------------------------------------------------------------------------

  @Test
  void rowsAreSortedByCustomerThenTimeThenAmount() {
    var log = tiny();
    assertEquals(4, log.size());
    assertEquals(2, log.customerCount());
    assertEquals(List.of(
        Transaction.of("a", JAN1, 2.25), Transaction.of("a", JAN1, 10),
        Transaction.of("b", JAN1, -1), Transaction.of("b", JAN2, 5.5)), log.transactions());
    assertEquals(Transaction.of("b", JAN1, -1), log.transaction(2));
    assertEquals(TimeBase.DAYS, log.timeBase());
    assertEquals(ZoneOffset.UTC, log.zone());
  }

  @Test
  void customersAndTheirRowRanges() {
    var log = tiny();
    assertEquals("a", log.customerId(0));
    assertEquals("b", log.customerId(1));
    String[] ids = log.customerIds();
    assertArrayEquals(new String[] {"a", "b"}, ids);
    ids[0] = "changed";
    assertEquals("a", log.customerId(0), "customerIds() is a copy");
    assertEquals(0, log.start(0));
    assertEquals(2, log.end(0));
    assertEquals(2, log.start(1));
    assertEquals(4, log.end(1));
    assertEquals(2, log.count(1));
    var visited = new ArrayList<String>();
    log.forEachCustomer((c, from, to) -> visited.add(c + ":" + from + "-" + to));
    assertEquals(List.of("0:0-2", "1:2-4"), visited);
  }

  @Test
  void indexOfFindsExactIdsOnly() {
    var log = TransactionLog.builder()
        .add("00004", JAN1, 1).add("4", JAN1, 1).add("B", JAN1, 1).add("a", JAN1, 1).build();
    // String order: digits < upper case < lower case, "00004" < "4"
    assertArrayEquals(new String[] {"00004", "4", "B", "a"}, log.customerIds());
    assertEquals(0, log.indexOf("00004"));
    assertEquals(1, log.indexOf("4"));
    assertEquals(2, log.indexOf("B"));
    assertEquals(3, log.indexOf("a"));
    assertEquals(-1, log.indexOf("0004"));
    assertEquals(-1, log.indexOf("b"));
    assertEquals(-1, log.indexOf("zzz"));
  }

  @Test
  void customerOfRow() {
    var log = TransactionLog.builder()
        .add("a", JAN1, 1).add("b", JAN1, 1).add("b", JAN2, 1).add("b", JAN2, 2)
        .add("c", JAN1, 1).build();
    int[] expected = {0, 1, 1, 1, 2};
    for (int row = 0; row < expected.length; row++) {
      assertEquals(expected[row], log.customerOfRow(row), "row " + row);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> log.customerOfRow(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> log.customerOfRow(5));
  }

  @Test
  void timesDatesAndAmounts() {
    var log = tiny();
    assertEquals(JAN1.toEpochDay(), log.time(0));
    assertEquals(JAN2.toEpochDay(), log.epochDay(3));
    assertEquals(JAN2, log.date(3));
    assertEquals(Instant.parse("1997-01-02T00:00:00Z"), log.instant(3));
    assertEquals(10.0, log.amount(1));
    assertEquals(JAN1, log.firstDate());
    assertEquals(JAN2, log.lastDate());
    assertEquals(16.75, log.totalAmount());
    assertEquals(12.25, log.customerTotal(0));
    assertEquals(4.5, log.customerTotal(1));
    assertEquals(1, log.refundCount());
    assertEquals(16L * 4 + 4L * 3, log.columnBytes());
  }

  @Test
  void aTimestampedLogReadsItsDatesInItsZone() {
    ZoneId ny = ZoneId.of("America/New_York");
    var log = TransactionLog.builder(ny)
        .add("a", Instant.parse("2020-01-01T03:00:00Z"), 1) // 2019-12-31 22:00 in New York
        .add("a", Instant.parse("2020-01-01T06:00:00Z"), 2) // 2020-01-01 01:00
        .build();
    assertEquals(TimeBase.SECONDS, log.timeBase());
    assertEquals(ny, log.zone());
    assertEquals(Instant.parse("2020-01-01T03:00:00Z").getEpochSecond(), log.time(0));
    assertEquals(LocalDate.of(2019, 12, 31), log.date(0));
    assertEquals(LocalDate.of(2020, 1, 1), log.date(1));
    assertEquals(LocalDate.of(2019, 12, 31), log.firstDate());
    assertEquals(LocalDate.of(2020, 1, 1), log.lastDate());
    assertEquals(Instant.parse("2020-01-01T06:00:00Z"), log.instant(1));
    assertEquals(Transaction.at("a", Instant.parse("2020-01-01T03:00:00Z"), 1),
        log.transaction(0));
    var oneDay = log.between(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1));
    assertEquals(1, oneDay.size());
    assertEquals(2.0, oneDay.amount(0));
    assertEquals(ny, oneDay.zone());
  }

  @Test
  void ofChoosesTheTimeBaseFromTheFirstTransaction() {
    var dated = TransactionLog.of(List.of(Transaction.of("a", JAN1, 1)));
    assertEquals(TimeBase.DAYS, dated.timeBase());
    var timed = TransactionLog.of(List.of(Transaction.at("a", Instant.EPOCH, 1)));
    assertEquals(TimeBase.SECONDS, timed.timeBase());
    assertEquals(ZoneOffset.UTC, timed.zone());
    assertEquals(TimeBase.DAYS, TransactionLog.of(List.of()).timeBase());
  }

  // ---- between -----------------------------------------------------------------------------

  @Test
  void betweenKeepsRowsWithDatesInTheClosedRangeAndDropsEmptiedCustomers() {
    var log = tiny();
    var jan2 = log.between(JAN2, JAN2);
    assertEquals(TransactionLog.builder().add("b", JAN2, 5.5).build(), jan2);
    assertEquals(log, log.between(JAN1, JAN2));
    assertEquals(log, log.between(LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31)));
    var none = log.between(LocalDate.of(1998, 1, 1), LocalDate.of(1998, 12, 31));
    assertTrue(none.isEmpty());
    assertEquals(0, none.customerCount());
  }

  @Test
  void betweenChecksItsArguments() {
    var log = tiny();
    assertEquals("to (1997-01-01) is before from (1997-01-02)",
        assertThrows(IllegalArgumentException.class, () -> log.between(JAN2, JAN1)).getMessage());
    assertEquals("from must not be null",
        assertThrows(IllegalArgumentException.class, () -> log.between(null, JAN1)).getMessage());
    assertEquals("to must not be null",
        assertThrows(IllegalArgumentException.class, () -> log.between(JAN1, null)).getMessage());
  }

  // ---- empty logs, equality ----------------------------------------------------------------

  @Test
  void anEmptyLogHasNoDates() {
    var empty = TransactionLog.builder().build();
    assertTrue(empty.isEmpty());
    assertEquals(0, empty.size());
    assertEquals(0, empty.customerCount());
    assertEquals(0.0, empty.totalAmount());
    assertEquals("the transaction log is empty",
        assertThrows(IllegalStateException.class, empty::firstDate).getMessage());
    assertEquals("the transaction log is empty",
        assertThrows(IllegalStateException.class, empty::lastDate).getMessage());
  }

  @Test
  void equalityCoversRowsTimeBaseAndZone() {
    assertEquals(tiny(), tiny());
    assertEquals(tiny().hashCode(), tiny().hashCode());
    var otherAmount = TransactionLog.builder()
        .add("b", JAN2, 5.5).add("a", JAN1, 10).add("a", JAN1, 2.5).add("b", JAN1, -1).build();
    assertNotEquals(tiny(), otherAmount);
    var utc = TransactionLog.builder(ZoneOffset.UTC).add("a", JAN1, 1).build();
    var dated = TransactionLog.builder().add("a", JAN1, 1).build();
    assertNotEquals(dated, utc);
    var paris = TransactionLog.builder(ZoneId.of("Europe/Paris"))
        .add("a", Instant.EPOCH, 1).build();
    var utcEpoch = TransactionLog.builder(ZoneOffset.UTC).add("a", Instant.EPOCH, 1).build();
    assertNotEquals(paris, utcEpoch);
    assertNotEquals(tiny(), "a string");
  }
}
