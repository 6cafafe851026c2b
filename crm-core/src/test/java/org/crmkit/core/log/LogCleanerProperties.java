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
import java.util.stream.Stream;
import org.crmkit.core.log.LogCases.Row;
import org.crmkit.core.log.LogCases.Rows;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of {@link LogCleaner} over seeded random logs, and agreement with a naive model. */
class LogCleanerProperties {

  /**
   * LogCleaner's Javadoc: under NET_AGAINST_DAY a day's net at most this fraction of its gross
   * counts as &le; 0. Written out here, not read from the cleaner, so that the model checks it.
   */
  private static final double NET_ZERO = 1e-9;

  private static final int MODEL_TRIES = 500;
  private static final int TRIES = 300;

  // ---- cases -------------------------------------------------------------------------------

  /** (rows, duplicates, merge, refunds): rows of up to 60 rows, any policies. */
  private static Stream<Arguments> policies(long seed, int tries) {
    return Cases.random(seed, tries, r -> Arguments.of(LogCases.anyRows(r, 60),
        LogCases.pick(r, Duplicates.class), r.nextBoolean(), LogCases.pick(r, Refunds.class)));
  }

  static Stream<Arguments> modelCases() {
    return policies(20261201L, MODEL_TRIES);
  }

  /** (rows, duplicates, merge, refunds): America/St_Johns around its 2008 fall-back. */
  static Stream<Arguments> stJohnsCases() {
    return Cases.random(20261209L, TRIES, r -> Arguments.of(LogCases.stJohnsOverlap(r, 20),
        LogCases.pick(r, Duplicates.class), r.nextBoolean(), LogCases.pick(r, Refunds.class)));
  }

  static Stream<Arguments> validCases() {
    return policies(20261202L, TRIES);
  }

  /** (rows, duplicates, refunds). */
  static Stream<Arguments> idempotenceCases() {
    return Cases.random(20261203L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        LogCases.pick(r, Duplicates.class), LogCases.pick(r, Refunds.class)));
  }

  /** (rows). */
  static Stream<Arguments> totalCases() {
    return Cases.random(20261204L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60)));
  }

  /** (rows, merge). */
  static Stream<Arguments> keepCases() {
    return Cases.random(20261205L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        r.nextBoolean()));
  }

  /** (rows, merge, refunds). */
  static Stream<Arguments> removeCases() {
    return Cases.random(20261206L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        r.nextBoolean(), LogCases.pick(r, Refunds.class)));
  }

  /** (rows, duplicates). */
  static Stream<Arguments> netCases() {
    return Cases.random(20261207L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        LogCases.pick(r, Duplicates.class)));
  }

  /** (rows, duplicates, merge). */
  static Stream<Arguments> rejectCases() {
    return Cases.random(20261208L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        LogCases.pick(r, Duplicates.class), r.nextBoolean()));
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
   * {@link LogCleaner}'s Javadoc states them, a day's net counting as &le; 0 up to
   * {@code netZero} of its gross; sums are taken in log order.
   */
  static Model model(TransactionLog log, LogCleaner cleaner, double netZero) {
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
        if (net && hasRefund && sum <= netZero * gross) {
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

  @ParameterizedTest
  @MethodSource("modelCases")
  void cleaningAgreesWithTheNaiveModel(Rows rows, Duplicates d, boolean merge, Refunds r) {
    var log = rows.build();
    var cleaner = cleaner(d, merge, r);
    var result = cleaner.clean(log);
    // the model sums in the same order as the cleaner: the amounts agree exactly
    var model = model(log, cleaner, NET_ZERO);
    assertEquals(model.report(), result.report());
    assertEquals(rows.build(model.rows()), result.log());
  }

  @ParameterizedTest
  @MethodSource("stJohnsCases")
  void cleaningAgreesWithTheNaiveModelWhereDatesRunBackwards(Rows rows, Duplicates d,
      boolean merge, Refunds r) {
    var log = rows.build();
    var cleaner = cleaner(d, merge, r);
    var result = cleaner.clean(log);
    var model = model(log, cleaner, NET_ZERO);
    assertEquals(model.report(), result.report());
    assertEquals(rows.build(model.rows()), result.log());
  }

  /** The model cases reach the days that the model is there to check. */
  @Test
  void theModelCasesRemoveRefundDaysIncludingRoundingDaysAndRunDatesBackwards() {
    long backwards = 0;
    long removed = 0;
    long rounding = 0;
    for (var args : modelCases().toList()) {
      Object[] a = args.get();
      var log = ((Rows) a[0]).build();
      var cleaner = cleaner((Duplicates) a[1], (Boolean) a[2], (Refunds) a[3]);
      backwards += LogCases.datesRunBackwards(log) ? 1 : 0;
      long days = model(log, cleaner, NET_ZERO).report().nonPositiveDaysRemoved();
      removed += days > 0 ? 1 : 0;
      // a day whose net is a rounding residue above 0 (0.1 + 0.2 - 0.3): removed only thanks
      // to the tolerance
      rounding += days > model(log, cleaner, 0).report().nonPositiveDaysRemoved() ? 1 : 0;
    }
    assertTrue(backwards >= 1, "dates run backwards in " + backwards + " of " + MODEL_TRIES);
    assertTrue(removed >= 20, "a refund day removed in " + removed + " of " + MODEL_TRIES);
    assertTrue(rounding >= 5, "a rounding day removed in " + rounding + " of " + MODEL_TRIES);
  }

  @Test
  void theStJohnsCasesOftenRunDatesBackwards() {
    long backwards = stJohnsCases()
        .filter(args -> LogCases.datesRunBackwards(((Rows) args.get()[0]).build())).count();
    assertTrue(backwards > TRIES / 5, "dates run backwards in " + backwards + " of " + TRIES);
  }

  @Test
  void theRejectCasesIncludeLogsWithAndWithoutRefunds() {
    long without = rejectCases()
        .filter(args -> ((Rows) args.get()[0]).build().refundCount() == 0).count();
    assertTrue(without >= 5 && without <= TRIES - 5,
        "logs without refunds: " + without + " of " + TRIES);
  }

  // ---- invariants --------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("validCases")
  void theCleanedLogIsAValidSortedLog(Rows rows, Duplicates d, boolean merge, Refunds r) {
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

  @ParameterizedTest
  @MethodSource("idempotenceCases")
  void sameDayMergingIsIdempotent(Rows rows, Duplicates d, Refunds r) {
    var cleaner = cleaner(d, true, r);
    var once = cleaner.clean(rows.build()).log();
    var twice = cleaner.clean(once);
    assertSame(once, twice.log());
    assertEquals(0, twice.report().rowsMergedAway());
    assertEquals(0, twice.report().duplicatesRemoved());
    assertEquals(0, twice.report().nonPositiveDaysRemoved());
    assertTrue(twice.report().unchanged());
  }

  @ParameterizedTest
  @MethodSource("totalCases")
  void mergingKeepsTheTotalAmount(Rows rows) {
    var log = rows.build();
    var merged = cleaner(Duplicates.KEEP, true, Refunds.KEEP).clean(log).log();
    // the same amounts summed in another grouping: equal up to rounding, 1e-9 of the gross
    assertEquals(log.totalAmount(), merged.totalAmount(), 1e-9 * gross(log));
  }

  @ParameterizedTest
  @MethodSource("keepCases")
  void keepingRefundsAndDuplicatesNeverChangesTheTotal(Rows rows, boolean merge) {
    var log = rows.build();
    var result = cleaner(Duplicates.KEEP, merge, Refunds.KEEP).clean(log);
    // as above: regrouped sums, 1e-9 of the gross
    assertEquals(log.totalAmount(), result.log().totalAmount(), 1e-9 * gross(log));
    assertEquals(log.refundCount(), result.report().refundRows());
    assertEquals(log.refundCount(), result.log().refundCount());
    if (!merge) {
      assertSame(log, result.log());
    }
  }

  @ParameterizedTest
  @MethodSource("removeCases")
  void removingDuplicatesNeverAddsRows(Rows rows, boolean merge, Refunds r) {
    var log = rows.build();
    var report = cleaner(Duplicates.REMOVE, merge, r).clean(log).report();
    assertTrue(report.rowsOut() <= report.rowsIn());
    long distinct = rows.rows().stream().distinct().count();
    assertEquals(rows.rows().size() - distinct, report.duplicatesRemoved());
    assertTrue(report.customersOut() <= report.customersIn());
  }

  @ParameterizedTest
  @MethodSource("netCases")
  void nettingLeavesOneRowPerCustomerDayAndNoRefunds(Rows rows, Duplicates d) {
    var cleaned = cleaner(d, true, Refunds.NET_AGAINST_DAY).clean(rows.build()).log();
    assertEquals(0, cleaned.refundCount());
    for (int c = 0; c < cleaned.customerCount(); c++) {
      var days = new HashSet<Long>();
      for (int row = cleaned.start(c); row < cleaned.end(c); row++) {
        assertTrue(days.add(cleaned.epochDay(row)), "one row per customer-day");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("rejectCases")
  void rejectThrowsExactlyWhenThereIsARefundAndNamesTheFirst(Rows rows, Duplicates d,
      boolean merge) {
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
