package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Every cleaning policy on small hand-made logs, with exact outputs and report counts. */
class LogCleanerTest {

  private static final LocalDate D1 = LocalDate.of(1997, 1, 1);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  private static final LocalDate D4 = D1.plusDays(3);
  private static final LocalDate D5 = D1.plusDays(4);

  /**
   * Ten rows, three customers. Customer a: a duplicate on D1, a lone refund on D2, a fully
   * refunded D3, a partly refunded D4. Customer b: only a refund. Customer c: a zero purchase.
   * Sorted: a(D1 5, D1 10, D1 10, D2 -5, D3 -20, D3 20, D4 -10, D4 30), b(D1 -7), c(D5 0).
   */
  private static TransactionLog mixed() {
    return TransactionLog.builder()
        .add("a", D1, 10).add("a", D1, 10).add("a", D1, 5)
        .add("a", D2, -5)
        .add("a", D3, 20).add("a", D3, -20)
        .add("a", D4, 30).add("a", D4, -10)
        .add("b", D1, -7)
        .add("c", D5, 0)
        .build();
  }

  private static LogCleaner cleaner(Duplicates d, boolean merge, Refunds r) {
    return LogCleaner.builder().duplicates(d).mergeSameDay(merge).refunds(r).build();
  }

  private static CleaningReport report(long rowsIn, long duplicates, long merged, long refunds,
      long netted, long daysRemoved, long rowsOut, long customersIn, long customersOut) {
    return new CleaningReport(rowsIn, duplicates, merged, refunds, netted, daysRemoved, rowsOut,
        customersIn, customersOut);
  }

  // ---- one policy at a time --------------------------------------------------------------------

  @Test
  void defaultCleanerChangesNothingReturnsTheSameLogAndCountsRefunds() {
    var log = mixed();
    var result = LogCleaner.builder().build().clean(log);
    assertSame(log, result.log());
    assertEquals(report(10, 0, 0, 4, 0, 0, 10, 3, 3), result.report());
    assertTrue(result.report().unchanged());
  }

  @Test
  void removingDuplicatesKeepsOneOfEachRun() {
    var result = cleaner(Duplicates.REMOVE, false, Refunds.KEEP).clean(mixed());
    var expected = TransactionLog.builder()
        .add("a", D1, 5).add("a", D1, 10)
        .add("a", D2, -5)
        .add("a", D3, -20).add("a", D3, 20)
        .add("a", D4, -10).add("a", D4, 30)
        .add("b", D1, -7)
        .add("c", D5, 0)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(10, 1, 0, 4, 0, 0, 9, 3, 3), result.report());
  }

  @Test
  void mergingWithRefundsKeptSumsPurchasesAndLeavesRefundRowsAlone() {
    var log = mixed();
    var result = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log);
    var expected = TransactionLog.builder()
        .add("a", D1, 25)
        .add("a", D2, -5)
        .add("a", D3, -20).add("a", D3, 20)
        .add("a", D4, -10).add("a", D4, 30)
        .add("b", D1, -7)
        .add("c", D5, 0)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(10, 0, 2, 4, 0, 0, 8, 3, 3), result.report());
    assertEquals(log.totalAmount(), result.log().totalAmount());
  }

  @Test
  void duplicatesGoFirstThenMerging() {
    var result = cleaner(Duplicates.REMOVE, true, Refunds.KEEP).clean(mixed());
    var expected = TransactionLog.builder()
        .add("a", D1, 15)
        .add("a", D2, -5)
        .add("a", D3, -20).add("a", D3, 20)
        .add("a", D4, -10).add("a", D4, 30)
        .add("b", D1, -7)
        .add("c", D5, 0)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(10, 1, 1, 4, 0, 0, 8, 3, 3), result.report());
  }

  @Test
  void nettingRemovesRefundDaysWithNetAtMostZeroAndCustomersLeftEmpty() {
    var result = cleaner(Duplicates.REMOVE, true, Refunds.NET_AGAINST_DAY).clean(mixed());
    // a: D1 15 (no refund); D2 -5 alone: removed; D3 -20 + 20 = 0: removed; D4 -10 + 30 = 20.
    // b: D1 -7 alone: removed, b leaves. c: D5 0 holds no refund: kept.
    var expected = TransactionLog.builder()
        .add("a", D1, 15)
        .add("a", D4, 20)
        .add("c", D5, 0)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(10, 1, 3, 4, 4, 3, 3, 3, 2), result.report());
    assertEquals(-1, result.log().indexOf("b"));
  }

  @Test
  void nettingWithDuplicatesKeptSumsTheDuplicateToo() {
    var result = cleaner(Duplicates.KEEP, true, Refunds.NET_AGAINST_DAY).clean(mixed());
    var expected = TransactionLog.builder()
        .add("a", D1, 25)
        .add("a", D4, 20)
        .add("c", D5, 0)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(10, 0, 4, 4, 4, 3, 3, 3, 2), result.report());
  }

  @Test
  void nettingTreatsARoundingResidueAsZero() {
    var log = TransactionLog.builder()
        .add("a", D1, 0.1).add("a", D1, 0.2).add("a", D1, -0.3)
        .add("a", D2, 1)
        .build();
    assertTrue((-0.3 + 0.1) + 0.2 > 0, "the doubles do not cancel exactly");
    var result = cleaner(Duplicates.KEEP, true, Refunds.NET_AGAINST_DAY).clean(log);
    assertEquals(TransactionLog.builder().add("a", D2, 1).build(), result.log());
    assertEquals(report(4, 0, 2, 1, 1, 1, 1, 1, 1), result.report());
  }

  @Test
  void nettingKeepsASmallButRealPositiveNet() {
    var log = TransactionLog.builder().add("a", D1, 100).add("a", D1, -99.99).build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.NET_AGAINST_DAY).clean(log);
    assertEquals(1, result.log().size());
    assertEquals(0.01, result.log().amount(0), 1e-12);
    assertEquals(report(2, 0, 1, 1, 1, 0, 1, 1, 1), result.report());
  }

  @Test
  void nettingAloneLeavesEveryCustomerOutWhenAllIsRefunded() {
    var log = TransactionLog.builder().add("a", D1, -1).add("b", D2, -2).build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.NET_AGAINST_DAY).clean(log);
    assertTrue(result.log().isEmpty());
    assertEquals(0, result.log().customerCount());
    assertEquals(report(2, 0, 0, 2, 2, 2, 0, 2, 0), result.report());
  }

  @Test
  void anEmptyLogIsReturnedAsIs() {
    var empty = TransactionLog.builder().build();
    var result = cleaner(Duplicates.REMOVE, true, Refunds.NET_AGAINST_DAY).clean(empty);
    assertSame(empty, result.log());
    assertEquals(report(0, 0, 0, 0, 0, 0, 0, 0, 0), result.report());
  }

  @Test
  void zeroAndNegativeZeroAreTheSameAmountForDuplicates() {
    var log = TransactionLog.builder().add("a", D1, 0.0).add("a", D1, -0.0).build();
    var result = cleaner(Duplicates.REMOVE, false, Refunds.KEEP).clean(log);
    assertEquals(1, result.log().size());
    assertEquals(report(2, 1, 0, 0, 0, 0, 1, 1, 1), result.report());
  }

  // ---- REJECT ----------------------------------------------------------------------------------

  @Test
  void rejectNamesTheFirstRefundsRowCustomerDateAndAmount() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> cleaner(Duplicates.REMOVE, true, Refunds.REJECT).clean(mixed()));
    assertEquals("log row 3, customer 'a': amount is -5.0 on 1997-01-02, a refund (the first of 4"
        + " refund rows), and Refunds.REJECT rejects refunds; Refunds.KEEP or"
        + " Refunds.NET_AGAINST_DAY accept them", e.getMessage());
  }

  @Test
  void rejectInATimestampedLogShowsTheDateInTheZoneAndTheInstant() {
    var log = TransactionLog.builder(ZoneOffset.ofHours(-5))
        .add("x", Instant.parse("2020-03-01T03:00:00Z"), 10)
        .add("x", Instant.parse("2020-03-01T04:00:00Z"), -2.5)
        .build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> cleaner(Duplicates.KEEP, false, Refunds.REJECT).clean(log));
    assertEquals("log row 1, customer 'x': amount is -2.5 on 2020-02-29 (2020-03-01T04:00:00Z),"
        + " a refund (the first of 1 refund row), and Refunds.REJECT rejects refunds;"
        + " Refunds.KEEP or Refunds.NET_AGAINST_DAY accept them", e.getMessage());
  }

  @Test
  void rejectAcceptsALogWithoutRefunds() {
    var log = TransactionLog.builder().add("a", D1, 1).add("a", D1, 2).build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.REJECT).clean(log);
    assertEquals(TransactionLog.builder().add("a", D1, 3).build(), result.log());
    assertEquals(report(2, 0, 1, 0, 0, 0, 1, 1, 1), result.report());
  }

  // ---- timestamped logs ------------------------------------------------------------------------

  @Test
  void mergedRowOfATimestampedLogTakesTheEarliestInstantOfItsDayInTheZone() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo"); // +09:00, no DST since 1951
    var log = TransactionLog.builder(tokyo)
        .add("a", Instant.parse("1997-01-01T16:00:00Z"), 1) // 1997-01-02 01:00 in Tokyo
        .add("a", Instant.parse("1997-01-01T14:00:00Z"), 2) // 1997-01-01 23:00
        .add("a", Instant.parse("1997-01-01T10:00:00Z"), 4) // 1997-01-01 19:00
        .add("a", Instant.parse("1997-01-02T14:59:59Z"), 8) // 1997-01-02 23:59:59
        .build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log);
    var expected = TransactionLog.builder(tokyo)
        .add("a", Instant.parse("1997-01-01T10:00:00Z"), 6)
        .add("a", Instant.parse("1997-01-01T16:00:00Z"), 9)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(4, 0, 2, 0, 0, 0, 2, 1, 1), result.report());
  }

  @Test
  void keptRefundsStayInTimeOrderAroundTheMergedRow() {
    var log = TransactionLog.builder(ZoneOffset.UTC)
        .add("a", Instant.parse("2020-01-01T09:00:00Z"), -1)
        .add("a", Instant.parse("2020-01-01T10:00:00Z"), 5)
        .add("a", Instant.parse("2020-01-01T11:00:00Z"), -2)
        .add("a", Instant.parse("2020-01-01T12:00:00Z"), 7)
        .build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log);
    var expected = TransactionLog.builder(ZoneOffset.UTC)
        .add("a", Instant.parse("2020-01-01T09:00:00Z"), -1)
        .add("a", Instant.parse("2020-01-01T10:00:00Z"), 12)
        .add("a", Instant.parse("2020-01-01T11:00:00Z"), -2)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(4, 0, 1, 2, 0, 0, 3, 1, 1), result.report());
  }

  @Test
  void nettingInATimestampedLogKeepsTheDaysFirstInstantEvenIfItIsARefund() {
    var log = TransactionLog.builder(ZoneOffset.UTC)
        .add("a", Instant.parse("2020-01-01T09:00:00Z"), -1)
        .add("a", Instant.parse("2020-01-01T10:00:00Z"), 5)
        .build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.NET_AGAINST_DAY).clean(log);
    assertEquals(TransactionLog.builder(ZoneOffset.UTC)
        .add("a", Instant.parse("2020-01-01T09:00:00Z"), 4).build(), result.log());
  }

  /**
   * America/St_Johns set its clocks back from 00:01 (-02:30) to 23:01 (-03:30) on 2008-11-02, at
   * 02:31Z: for one hour the date went back from 2 to 1 November. Grouping adjacent rows would
   * leave two rows per day here.
   */
  @Test
  void mergingGroupsByDateWhereTheClocksWentBackAcrossMidnight() {
    ZoneId stJohns = ZoneId.of("America/St_Johns");
    Instant nov1Noon = Instant.parse("2008-11-01T14:30:00Z"); // 11-01 12:00 -02:30
    Instant nov2Early = Instant.parse("2008-11-02T02:30:30Z"); // 11-02 00:00:30 -02:30
    Instant nov1Late = Instant.parse("2008-11-02T03:00:00Z"); // 11-01 23:30 -03:30
    Instant nov2Morning = Instant.parse("2008-11-02T12:00:00Z"); // 11-02 08:30 -03:30
    var log = TransactionLog.builder(stJohns)
        .add("a", nov1Noon, 1).add("a", nov2Early, 2).add("a", nov1Late, 4)
        .add("a", nov2Morning, 8)
        .build();
    assertEquals(LocalDate.of(2008, 11, 2), log.date(1));
    assertEquals(LocalDate.of(2008, 11, 1), log.date(2));

    var cleaner = cleaner(Duplicates.REMOVE, true, Refunds.NET_AGAINST_DAY);
    var result = cleaner.clean(log);
    var expected = TransactionLog.builder(stJohns)
        .add("a", nov1Noon, 5).add("a", nov2Early, 10).build();
    assertEquals(expected, result.log());
    assertEquals(report(4, 0, 2, 0, 0, 0, 2, 1, 1), result.report());
    assertTrue(cleaner.clean(result.log()).report().unchanged());
  }

  @Test
  void keptRefundsAreSortedBackWhereTheClocksWentBackAcrossMidnight() {
    ZoneId stJohns = ZoneId.of("America/St_Johns");
    var log = TransactionLog.builder(stJohns)
        .add("a", Instant.parse("2008-11-01T14:30:00Z"), 1) // 11-01
        .add("a", Instant.parse("2008-11-02T02:30:30Z"), 2) // 11-02
        .add("a", Instant.parse("2008-11-02T02:45:00Z"), -3) // 11-01 23:15, a refund
        .add("a", Instant.parse("2008-11-02T03:00:00Z"), 4) // 11-01
        .build();
    var result = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log);
    var expected = TransactionLog.builder(stJohns)
        .add("a", Instant.parse("2008-11-01T14:30:00Z"), 5)
        .add("a", Instant.parse("2008-11-02T02:30:30Z"), 2)
        .add("a", Instant.parse("2008-11-02T02:45:00Z"), -3)
        .build();
    assertEquals(expected, result.log());
    assertEquals(report(4, 0, 1, 1, 0, 0, 3, 1, 1), result.report());
  }

  // ---- the builder -----------------------------------------------------------------------------

  @Test
  void nettingWithoutMergingIsRejectedAtBuildTime() {
    var b = LogCleaner.builder().refunds(Refunds.NET_AGAINST_DAY);
    var e = assertThrows(IllegalStateException.class, b::build);
    assertEquals("Refunds.NET_AGAINST_DAY sums each refund into its customer's same-day total,"
        + " so it needs mergeSameDay(true); set mergeSameDay(true), or choose Refunds.KEEP or"
        + " Refunds.REJECT", e.getMessage());
    // the same builder, fixed, builds
    assertTrue(b.mergeSameDay(true).build().mergesSameDay());
  }

  @Test
  void nullPoliciesAndNullLogAreRejected() {
    var b = LogCleaner.builder();
    assertEquals("duplicates must not be null",
        assertThrows(IllegalArgumentException.class, () -> b.duplicates(null)).getMessage());
    assertEquals("refunds must not be null",
        assertThrows(IllegalArgumentException.class, () -> b.refunds(null)).getMessage());
    assertEquals("log must not be null",
        assertThrows(IllegalArgumentException.class, () -> b.build().clean(null)).getMessage());
  }

  @Test
  void defaultsAndToString() {
    var c = LogCleaner.builder().build();
    assertEquals(Duplicates.KEEP, c.duplicates());
    assertFalse(c.mergesSameDay());
    assertEquals(Refunds.KEEP, c.refunds());
    assertEquals("LogCleaner[duplicates=REMOVE, mergeSameDay=true, refunds=NET_AGAINST_DAY]",
        cleaner(Duplicates.REMOVE, true, Refunds.NET_AGAINST_DAY).toString());
  }

  // ---- the report and the result ---------------------------------------------------------------

  @Test
  void reportRejectsCountsThatDoNotAddUp() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> report(10, 1, 1, 0, 0, 0, 9, 1, 1));
    assertEquals("rows do not add up: rowsOut 9 != rowsIn 10 - duplicatesRemoved 1"
        + " - rowsMergedAway 1 - nonPositiveDaysRemoved 0", e.getMessage());
    assertEquals("refundsNetted (2) exceeds refundRows (1)", assertThrows(
        IllegalArgumentException.class, () -> report(1, 0, 0, 1, 2, 0, 1, 1, 1)).getMessage());
    assertEquals("customersOut (2) exceeds customersIn (1)", assertThrows(
        IllegalArgumentException.class, () -> report(1, 0, 0, 0, 0, 0, 1, 1, 2)).getMessage());
    assertEquals("rowsIn must be >= 0: -1", assertThrows(
        IllegalArgumentException.class, () -> report(-1, 0, 0, 0, 0, 0, -1, 1, 1)).getMessage());
  }

  @Test
  void reportHelpers() {
    var r = report(10, 1, 3, 4, 4, 3, 3, 3, 2);
    assertEquals(7, r.rowsRemoved());
    assertFalse(r.unchanged());
  }

  @Test
  void cleanedLogPrintsTheReportThenTheLog() {
    var result = cleaner(Duplicates.REMOVE, true, Refunds.NET_AGAINST_DAY).clean(mixed());
    assertEquals("""
        CleaningReport: 10 rows in, 3 out; 3 customers in, 2 out
          exact duplicates removed                 1
          rows merged into same-day rows           3
          refund rows                              4
          refunds netted against their day         4
          days removed, net <= 0                   3
        TransactionLog: 3 transactions, 2 customers, 1997-01-01 .. 1997-01-05, total 35.00
          customer  time              amount
          a         1997-01-01         15.00
          a         1997-01-04         20.00
          c         1997-01-05          0.00""", result.toString());
    assertEquals("log must not be null",
        assertThrows(IllegalArgumentException.class, () -> new CleanedLog(null, result.report()))
            .getMessage());
  }
}
