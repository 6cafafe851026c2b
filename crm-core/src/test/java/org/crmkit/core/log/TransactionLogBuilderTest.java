package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.customer.Transaction;
import org.junit.jupiter.api.Test;

/** Validation and misuse of {@link TransactionLog.Builder}. */
class TransactionLogBuilderTest {

  private static final LocalDate D = LocalDate.of(1997, 1, 1);

  // ---- a built builder ----------------------------------------------------------------------

  @Test
  void everyCallAfterBuildIsAnIllegalStateException() {
    var b = TransactionLog.builder().add("a", D, 1);
    b.build();
    String msg = "this builder has already built its log";
    assertEquals(msg, assertThrows(IllegalStateException.class, b::build).getMessage());
    assertEquals(msg, assertThrows(IllegalStateException.class,
        () -> b.add("a", D, 1)).getMessage());
    assertEquals(msg, assertThrows(IllegalStateException.class,
        () -> b.expectedSize(10)).getMessage());
    assertEquals(msg, assertThrows(IllegalStateException.class,
        () -> b.addColumns(new String[] {"a"}, new long[] {D.toEpochDay()}, new double[] {1}))
        .getMessage());
    assertEquals(msg, assertThrows(IllegalStateException.class,
        () -> b.addColumns(new String[] {"a"}, new int[] {0}, new long[] {D.toEpochDay()},
            new double[] {1})).getMessage());
    var timed = TransactionLog.builder(ZoneOffset.UTC);
    timed.build();
    assertEquals(msg, assertThrows(IllegalStateException.class,
        () -> timed.add("a", Instant.EPOCH, 1)).getMessage());
  }

  // ---- instants: the date range is checked in the log's zone --------------------------------

  @Test
  void instantWhoseDateInTheZoneIsAfter2199IsRejected() {
    // 2199-12-31T12:00Z is 2200-01-01T02:00 in Kiritimati (+14:00)
    var b = TransactionLog.builder(ZoneId.of("Pacific/Kiritimati"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> b.add("c1", Instant.parse("2199-12-31T12:00:00Z"), 5));
    assertEquals("row 1, customer 'c1': date is 2200-01-01, outside 1900-01-01 .. 2199-12-31",
        e.getMessage());
  }

  @Test
  void instantWhoseDateInTheZoneIs1900IsAccepted() {
    // 1899-12-31T20:00Z is 1900-01-01T01:00 at +05:00
    var log = TransactionLog.builder(ZoneOffset.ofHours(5))
        .add("c1", Instant.parse("1899-12-31T20:00:00Z"), 5).build();
    assertEquals(LocalDate.of(1900, 1, 1), log.firstDate());
  }

  @Test
  void epochSecondsColumnIsCheckedInTheZoneToo() {
    var b = TransactionLog.builder(ZoneOffset.ofHours(-3));
    long s = Instant.parse("1900-01-01T02:00:00Z").getEpochSecond(); // 1899-12-31T23:00-03:00
    var e = assertThrows(IllegalArgumentException.class,
        () -> b.addColumns(new String[] {"c1"}, new long[] {s}, new double[] {5}));
    assertEquals("row 1, customer 'c1': date is 1899-12-31, outside 1900-01-01 .. 2199-12-31",
        e.getMessage());
    assertTrue(TransactionLog.builder(ZoneOffset.UTC)
        .addColumns(new String[] {"c1"}, new long[] {s}, new double[] {5}).build().size() == 1);
  }

  // ---- bad rows: the message names the row, the customer, the field and the value -----------

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void nullOrBlankCustomerId() {
    var b = TransactionLog.builder();
    assertEquals("row 1, customer <null>: customer id is null", message(() -> b.add(null, D, 1)));
    assertEquals("row 2, customer ' \t': customer id is blank", message(() -> b.add(" \t", D, 1)));
    assertEquals("row 3, customer '': customer id is blank", message(() -> b.add("", D, 1)));
  }

  @Test
  void nanOrInfiniteAmount() {
    var b = TransactionLog.builder().add("ok", D, 1);
    assertEquals("row 2, customer 'C0042': amount is NaN",
        message(() -> b.add("C0042", D, Double.NaN)));
    assertEquals("row 3, customer 'C0042': amount is Infinity",
        message(() -> b.add("C0042", D, Double.POSITIVE_INFINITY)));
    assertEquals("row 4, customer 'C0042': amount is -Infinity",
        message(() -> b.add("C0042", D, Double.NEGATIVE_INFINITY)));
    var timed = TransactionLog.builder(ZoneOffset.UTC);
    assertEquals("row 1, customer 'C0042': amount is NaN",
        message(() -> timed.add("C0042", Instant.EPOCH, Double.NaN)));
  }

  @Test
  void dateOutsideTheSaneRange() {
    var b = TransactionLog.builder();
    assertEquals("row 1, customer 'c': date is 1899-12-31, outside 1900-01-01 .. 2199-12-31",
        message(() -> b.add("c", LocalDate.of(1899, 12, 31), 1)));
    assertEquals("row 2, customer 'c': date is 2200-01-01, outside 1900-01-01 .. 2199-12-31",
        message(() -> b.add("c", LocalDate.of(2200, 1, 1), 1)));
    assertEquals("row 3, customer 'c': date is null",
        message(() -> b.add("c", (LocalDate) null, 1)));
    // the ends themselves are fine
    var log = b.add("c", LocalDate.of(1900, 1, 1), 1).add("c", LocalDate.of(2199, 12, 31), 2)
        .build();
    assertEquals(LocalDate.of(1900, 1, 1), log.firstDate());
    assertEquals(LocalDate.of(2199, 12, 31), log.lastDate());
  }

  @Test
  void instantOutsideTheSaneRangeOrNull() {
    var b = TransactionLog.builder(ZoneOffset.UTC);
    assertEquals("row 1, customer 'c': date is 1899-12-31, outside 1900-01-01 .. 2199-12-31",
        message(() -> b.add("c", Instant.parse("1899-12-31T23:59:59Z"), 1)));
    assertEquals("row 2, customer 'c': date is 3000-01-01, outside 1900-01-01 .. 2199-12-31",
        message(() -> b.add("c", Instant.parse("3000-01-01T00:00:00Z"), 1)));
    assertEquals("row 3, customer 'c': instant is null",
        message(() -> b.add("c", (Instant) null, 1)));
  }

  @Test
  void epochDayColumnOutsideTheRangeShowsTheDateOrTheRawDay() {
    var b = TransactionLog.builder();
    long before = LocalDate.of(1899, 12, 31).toEpochDay();
    assertEquals("row 2, customer 'y': date is 1899-12-31, outside 1900-01-01 .. 2199-12-31",
        message(() -> b.addColumns(new String[] {"x", "y"}, new long[] {0, before},
            new double[] {1, 1})));
    assertEquals("row 3, customer 'z': date is epoch day 9223372036854775807, outside"
        + " 1900-01-01 .. 2199-12-31", message(() -> b.addColumns(new String[] {"z"},
            new long[] {Long.MAX_VALUE}, new double[] {1})));
  }

  @Test
  void instantsCannotGoIntoADatedLog() {
    var b = TransactionLog.builder();
    assertEquals("row 1, customer 'c': instant 2020-01-01T10:00:00Z cannot go into a log of"
        + " dates: build it with TransactionLog.builder(zone)",
        message(() -> b.add("c", Instant.parse("2020-01-01T10:00:00Z"), 1)));
    assertEquals("row 2, customer 'c': instant 2020-01-01T10:00:00Z cannot go into a log of"
        + " dates: build it with TransactionLog.builder(zone)",
        message(() -> b.add(Transaction.at("c", Instant.parse("2020-01-01T10:00:00Z"), 1))));
    var mixed = List.of(Transaction.of("c", D, 1),
        Transaction.at("c", Instant.parse("2020-01-01T10:00:00Z"), 1));
    assertEquals("row 2, customer 'c': instant 2020-01-01T10:00:00Z cannot go into a log of"
        + " dates: build it with TransactionLog.builder(zone)",
        message(() -> TransactionLog.of(mixed)));
  }

  @Test
  void datesGoIntoATimestampedLogAsTheStartOfTheirDayInTheZone() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    var log = TransactionLog.builder(paris).add("c", LocalDate.of(2020, 7, 1), 1).build();
    assertEquals(Instant.parse("2020-06-30T22:00:00Z"), log.instant(0));
    assertEquals(LocalDate.of(2020, 7, 1), log.date(0));
  }

  @Test
  void columnsOfDifferentLengths() {
    var b = TransactionLog.builder();
    assertEquals("columns differ in length: customers 2, times 1, amounts 2",
        message(() -> b.addColumns(new String[] {"a", "b"}, new long[] {1}, new double[] {1, 2})));
    assertEquals("columns differ in length: customers 1, times 1, amounts 0",
        message(() -> b.addColumns(new String[] {"a"}, new long[] {1}, new double[0])));
    assertEquals("columns differ in length: customers 2, times 2, amounts 1", message(
        () -> b.addColumns(new String[] {"a"}, new int[] {0, 0}, new long[] {1, 2},
            new double[] {1})));
    assertEquals("customerIds must not be null",
        message(() -> b.addColumns(null, new long[0], new double[0])));
    assertEquals(0, b.build().size());
  }

  @Test
  void dictionaryEncodedColumnsWithABadCodeOrId() {
    long day = D.toEpochDay();
    String[] dictionary = {"a", "b"};
    var b = TransactionLog.builder();
    assertEquals("row 2, customer <null>: customer code is 5, outside the dictionary of 2 ids",
        message(() -> b.addColumns(dictionary, new int[] {0, 5}, new long[] {day, day},
            new double[] {1, 1})));
    assertEquals("row 3, customer <null>: customer code is -1, outside the dictionary of 2 ids",
        message(() -> b.addColumns(dictionary, new int[] {-1}, new long[] {day},
            new double[] {1})));
    assertEquals("row 4, customer <null>: customer id is null", message(() -> b.addColumns(
        new String[] {null}, new int[] {0}, new long[] {day}, new double[] {1})));
    assertEquals("row 5, customer 'b': amount is NaN", message(() -> b.addColumns(dictionary,
        new int[] {1}, new long[] {day}, new double[] {Double.NaN})));
  }

  @Test
  void dictionaryEncodedColumnsBuildTheSameLogAsRows() {
    long d0 = D.toEpochDay();
    var fromCodes = TransactionLog.builder().addColumns(new String[] {"z", "a", "z"},
        new int[] {0, 1, 2, 0}, new long[] {d0 + 1, d0, d0, d0}, new double[] {1, 2, 3, 4})
        .build();
    var fromRows = TransactionLog.builder()
        .add("z", D.plusDays(1), 1).add("a", D, 2).add("z", D, 3).add("z", D, 4).build();
    assertEquals(fromRows, fromCodes);
  }

  // The fast path: a fresh builder and an ascending dictionary skip hashing and sorting ids.
  @Test
  void aSortedDictionaryWithUnusedIdsThenMoreRowsBuildsTheSameLogAsRows() {
    long d0 = D.toEpochDay();
    var fromCodes = TransactionLog.builder()
        .addColumns(new String[] {"a", "b", "c", "d"}, new int[] {3, 0, 3}, new long[] {d0, d0,
            d0 + 2}, new double[] {1, 2, 3})
        .add("b", D, 5)
        .add("0", D, 6)
        .addColumns(new String[] {"d", "e"}, new int[] {1, 0}, new long[] {d0, d0},
            new double[] {7, 8})
        .build();
    var fromRows = TransactionLog.builder()
        .add("d", D, 1).add("a", D, 2).add("d", D.plusDays(2), 3).add("b", D, 5).add("0", D, 6)
        .add("e", D, 7).add("d", D, 8).build();
    assertEquals(fromRows, fromCodes);
    assertEquals(5, fromCodes.customerCount()); // "c" is never used: not a customer
    assertEquals(-1, fromCodes.indexOf("c"));
  }

  @Test
  void otherArgumentChecks() {
    assertEquals("zone must not be null", message(() -> TransactionLog.builder(null)));
    assertEquals("rows must be >= 0: -1", message(() -> TransactionLog.builder().expectedSize(-1)));
    assertEquals("transaction must not be null",
        message(() -> TransactionLog.builder().add((Transaction) null)));
  }
}
