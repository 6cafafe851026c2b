package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
