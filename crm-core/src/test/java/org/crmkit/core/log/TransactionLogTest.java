package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
}
