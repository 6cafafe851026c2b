package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.crmkit.core.log.LogArbitraries.Row;
import org.crmkit.core.log.LogArbitraries.Rows;

/** Invariants of {@link LogCleaner} on generated logs, and agreement with a naive model. */
class LogCleanerPropertyTest {

  @Provide
  Arbitrary<Rows> rows() {
    return LogArbitraries.anyRows(60);
  }

  private static LogCleaner cleaner(Duplicates d, boolean merge, Refunds r) {
    // NET_AGAINST_DAY needs merging; REJECT has its own property
    boolean net = r == Refunds.NET_AGAINST_DAY;
    return LogCleaner.builder().duplicates(d).mergeSameDay(merge || net)
        .refunds(r == Refunds.REJECT ? Refunds.KEEP : r).build();
  }

  private static double gross(TransactionLog log) {
    double g = 0;
    for (int row = 0; row < log.size(); row++) {
      g += Math.abs(log.amount(row));
    }
    return g;
  }

  // ---- the model ---------------------------------------------------------------------------

  /** The cleaned rows and report, computed naively from the class description. */
  record Model(List<Row> rows, CleaningReport report) {}

  /**
   * Groups each customer's rows by date with a map, in log order, and applies the policies as
   * {@link LogCleaner}'s Javadoc states them; sums are taken in log order.
   */
  static Model model(TransactionLog log, LogCleaner cleaner) {
    boolean dedup = cleaner.duplicates() == Duplicates.REMOVE;
    boolean merge = cleaner.mergesSameDay();
    boolean net = cleaner.refunds() == Refunds.NET_AGAINST_DAY;
    var out = new ArrayList<Row>();
    long duplicates = 0;
    long merged = 0;
    long refunds = 0;
    long netted = 0;
    long removed = 0;
    long customersOut = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      String id = log.customerId(c);
      int before = out.size();
      Map<Long, List<Integer>> byDay = new LinkedHashMap<>();
      for (int row = log.start(c); row < log.end(c); row++) {
        if (dedup && row > log.start(c) && log.time(row) == log.time(row - 1)
            && log.amount(row) == log.amount(row - 1)) {
          duplicates++;
          continue;
        }
        boolean refund = log.amount(row) < 0;
        if (refund) {
          refunds++;
        }
        if (!merge || (refund && !net)) {
          out.add(new Row(id, log.time(row), log.amount(row)));
        } else {
          byDay.computeIfAbsent(log.epochDay(row), d -> new ArrayList<>()).add(row);
        }
      }
      for (var day : byDay.entrySet()) {
        List<Integer> rows = day.getValue();
        double sum = 0;
        double gross = 0;
        boolean hasRefund = false;
        long first = Long.MAX_VALUE;
        for (int row : rows) {
          sum += log.amount(row);
          gross += Math.abs(log.amount(row));
          hasRefund |= log.amount(row) < 0;
          netted += log.amount(row) < 0 ? 1 : 0;
          first = Math.min(first, log.time(row));
        }
        merged += rows.size() - 1;
        if (net && hasRefund && sum <= 1e-9 * gross) {
          removed++;
        } else {
          out.add(new Row(id, log.timeBase() == TimeBase.DAYS ? day.getKey() : first, sum));
        }
      }
      customersOut += out.size() > before ? 1 : 0;
    }
    var report = new CleaningReport(log.size(), duplicates, merged, refunds, netted, removed,
        out.size(), log.customerCount(), customersOut);
    return new Model(out, report);
  }

  @Property(tries = 500, seed = "20261201")
  void cleaningAgreesWithTheNaiveModel(@ForAll("rows") Rows rows, @ForAll Duplicates d,
      @ForAll boolean merge, @ForAll Refunds r) {
    var log = rows.build();
    var cleaner = cleaner(d, merge, r);
    var result = cleaner.clean(log);
    var model = model(log, cleaner);
    Statistics.label("dates run backwards").collect(LogArbitraries.datesRunBackwards(log));
    Statistics.label("a refund day removed").collect(result.report().nonPositiveDaysRemoved() > 0);
    Statistics.label("rounding").collect(model.report().nonPositiveDaysRemoved() > 0
        && hasRoundingDay(log));
    Statistics.label("a refund day removed").coverage(c -> c.check(true).count(n -> n >= 20));
    Statistics.label("rounding").coverage(c -> c.check(true).count(n -> n >= 5));
    assertEquals(model.report(), result.report());
    assertEquals(rows.build(model.rows()), result.log());
  }

  @Provide
  Arbitrary<Rows> stJohns() {
    return LogArbitraries.stJohnsOverlap(20);
  }

  @Property(tries = 300, seed = "20261209")
  void cleaningAgreesWithTheNaiveModelWhereDatesRunBackwards(@ForAll("stJohns") Rows rows,
      @ForAll Duplicates d, @ForAll boolean merge, @ForAll Refunds r) {
    var log = rows.build();
    var cleaner = cleaner(d, merge, r);
    var result = cleaner.clean(log);
    var model = model(log, cleaner);
    assertEquals(model.report(), result.report());
    assertEquals(rows.build(model.rows()), result.log());
    boolean backwards = LogArbitraries.datesRunBackwards(log);
    Statistics.label("dates run backwards").collect(backwards);
    Statistics.label("dates run backwards").coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  /** True when some customer-day holds 0.1, 0.2 and -0.3. */
  private static boolean hasRoundingDay(TransactionLog log) {
    for (int row = 0; row < log.size(); row++) {
      if (log.amount(row) == -0.3) {
        int c = log.customerOfRow(row);
        boolean p1 = false;
        boolean p2 = false;
        for (int other = log.start(c); other < log.end(c); other++) {
          if (log.epochDay(other) == log.epochDay(row)) {
            p1 |= log.amount(other) == 0.1;
            p2 |= log.amount(other) == 0.2;
          }
        }
        if (p1 && p2) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- invariants --------------------------------------------------------------------------

  @Property(tries = 300, seed = "20261202")
  void theCleanedLogIsAValidSortedLog(@ForAll("rows") Rows rows, @ForAll Duplicates d,
      @ForAll boolean merge, @ForAll Refunds r) {
    var cleaned = cleaner(d, merge, r).clean(rows.build()).log();
    var again = new ArrayList<Row>();
    for (int row = 0; row < cleaned.size(); row++) {
      again.add(new Row(cleaned.customerId(cleaned.customerOfRow(row)), cleaned.time(row),
          cleaned.amount(row)));
    }
    // the builder validates and sorts: an equal log means the cleaner kept every invariant
    assertEquals(rows.build(again), cleaned);
    for (int c = 0; c < cleaned.customerCount(); c++) {
      assertTrue(cleaned.count(c) > 0);
    }
  }

  @Property(tries = 300, seed = "20261203")
  void sameDayMergingIsIdempotent(@ForAll("rows") Rows rows, @ForAll Duplicates d,
      @ForAll Refunds r) {
    var cleaner = cleaner(d, true, r);
    var once = cleaner.clean(rows.build()).log();
    var twice = cleaner.clean(once);
    assertSame(once, twice.log());
    assertEquals(0, twice.report().rowsMergedAway());
    assertEquals(0, twice.report().duplicatesRemoved());
    assertEquals(0, twice.report().nonPositiveDaysRemoved());
    assertTrue(twice.report().unchanged());
  }

  @Property(tries = 300, seed = "20261204")
  void mergingKeepsTheTotalAmount(@ForAll("rows") Rows rows) {
    var log = rows.build();
    var merged = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log).log();
    assertEquals(log.totalAmount(), merged.totalAmount(), 1e-9 * gross(log));
  }

  @Property(tries = 300, seed = "20261205")
  void keepingRefundsAndDuplicatesNeverChangesTheTotal(@ForAll("rows") Rows rows,
      @ForAll boolean merge) {
    var log = rows.build();
    var result = cleaner(Duplicates.KEEP, merge, Refunds.KEEP).clean(log);
    assertEquals(log.totalAmount(), result.log().totalAmount(), 1e-9 * gross(log));
    assertEquals(log.refundCount(), result.report().refundRows());
    assertEquals(log.refundCount(), result.log().refundCount());
    if (!merge) {
      assertSame(log, result.log());
    }
  }

  @Property(tries = 300, seed = "20261206")
  void removingDuplicatesNeverAddsRows(@ForAll("rows") Rows rows, @ForAll boolean merge,
      @ForAll Refunds r) {
    var log = rows.build();
    var report = cleaner(Duplicates.REMOVE, merge, r).clean(log).report();
    assertTrue(report.rowsOut() <= report.rowsIn());
    long distinct = rows.rows().stream().distinct().count();
    assertEquals(rows.rows().size() - distinct, report.duplicatesRemoved());
    assertTrue(report.customersOut() <= report.customersIn());
  }

  @Property(tries = 300, seed = "20261207")
  void nettingLeavesOneRowPerCustomerDayAndNoRefunds(@ForAll("rows") Rows rows,
      @ForAll Duplicates d) {
    var cleaned = cleaner(d, true, Refunds.NET_AGAINST_DAY).clean(rows.build()).log();
    assertEquals(0, cleaned.refundCount());
    for (int c = 0; c < cleaned.customerCount(); c++) {
      var days = new HashSet<Long>();
      for (int row = cleaned.start(c); row < cleaned.end(c); row++) {
        assertTrue(days.add(cleaned.epochDay(row)), "one row per customer-day");
      }
    }
  }

  @Property(tries = 300, seed = "20261208")
  void rejectThrowsExactlyWhenThereIsARefundAndNamesTheFirst(@ForAll("rows") Rows rows,
      @ForAll Duplicates d, @ForAll boolean merge) {
    var log = rows.build();
    var cleaner = LogCleaner.builder().duplicates(d).mergeSameDay(merge).refunds(Refunds.REJECT)
        .build();
    int first = -1;
    for (int row = log.size() - 1; row >= 0; row--) {
      if (log.amount(row) < 0) {
        first = row;
      }
    }
    if (first < 0) {
      var keep = LogCleaner.builder().duplicates(d).mergeSameDay(merge).build().clean(log);
      assertEquals(keep, cleaner.clean(log));
    } else {
      var e = assertThrows(IllegalArgumentException.class, () -> cleaner.clean(log));
      String customer = log.customerId(log.customerOfRow(first));
      assertTrue(e.getMessage().startsWith("log row " + first + ", customer '" + customer
          + "': amount is " + log.amount(first) + " on " + log.date(first)), e.getMessage());
      assertTrue(e.getMessage().contains("the first of " + log.refundCount() + " refund row"),
          e.getMessage());
    }
  }
}
