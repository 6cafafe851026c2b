package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.crmkit.core.log.LogCases.Row;
import org.crmkit.core.log.LogCases.Rows;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of {@link TransactionLog} and {@link RowSort} over seeded random rows. */
class TransactionLogProperties {

  private static final int TRIES = 300;

  /** The log's order as its Javadoc states it: customer id, then time, then amount. */
  private static final Comparator<Row> LOG_ORDER = Comparator.comparing(Row::id)
      .thenComparingLong(Row::time)
      .thenComparing(Row::amount, Double::compare);

  /** (rows, seed of a shuffle). */
  static Stream<Arguments> permutations() {
    return Cases.random(20261123L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        r.nextLong()));
  }

  /** (rows). */
  static Stream<Arguments> rows() {
    return Cases.random(20261124L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60)));
  }

  /** (rows, first day's offset in [0, 4], length in days in [0, 4]). */
  static Stream<Arguments> ranges() {
    return Cases.random(20261125L, TRIES, r -> Arguments.of(LogCases.anyRows(r, 60),
        r.nextInt(5), r.nextInt(5)));
  }

  /** (one customer's long run of rows, margin in [0, 5] around the sorted range). */
  static Stream<Arguments> longRuns() {
    return Cases.random(20261126L, TRIES, r -> Arguments.of(LogCases.longRun(r), r.nextInt(6)));
  }

  @ParameterizedTest
  @MethodSource("permutations")
  void anyPermutationOfTheRowsBuildsAnEqualLog(Rows rows, long seed) {
    var shuffled = new ArrayList<>(rows.rows());
    Collections.shuffle(shuffled, new Random(seed));
    var log = rows.build();
    var other = rows.build(shuffled);
    assertEquals(log, other);
    assertEquals(log.hashCode(), other.hashCode());
  }

  @ParameterizedTest
  @MethodSource("rows")
  void theLogHoldsTheRowsSortedByCustomerTimeAndAmount(Rows rows) {
    var log = rows.build();
    var expected = new ArrayList<>(rows.rows());
    expected.sort(LOG_ORDER);
    var actual = new ArrayList<Row>();
    for (int row = 0; row < log.size(); row++) {
      actual.add(new Row(log.customerId(log.customerOfRow(row)), log.time(row), log.amount(row)));
    }
    assertEquals(expected, actual);
    assertEquals(expected.stream().map(Row::id).distinct().count(), log.customerCount());
    for (int c = 1; c < log.customerCount(); c++) {
      assertTrue(log.customerId(c - 1).compareTo(log.customerId(c)) < 0, "ids ascending");
    }
    for (int c = 0; c < log.customerCount(); c++) {
      assertTrue(log.count(c) > 0, "no empty customer");
      assertEquals(c, log.indexOf(log.customerId(c)));
      for (int row = log.start(c); row < log.end(c); row++) {
        assertEquals(c, log.customerOfRow(row));
      }
    }
    // the total is a sum in another order: equal up to rounding, 1e-12 of the gross amount
    double gross = rows.rows().stream().mapToDouble(r -> Math.abs(r.amount())).sum();
    double sum = rows.rows().stream().mapToDouble(Row::amount).sum();
    assertEquals(sum, log.totalAmount(), 1e-12 * gross);
  }

  @ParameterizedTest
  @MethodSource("ranges")
  void betweenEqualsBuildingFromTheRowsInTheRange(Rows rows, int fromOffset, int length) {
    var log = rows.build();
    LocalDate from = LocalDate.of(1997, 1, 1).plusDays(fromOffset);
    if (rows.base() == TimeBase.SECONDS) {
      from = LocalDate.of(2008, 10, 31).plusDays(fromOffset);
    }
    LocalDate to = from.plusDays(length);
    var inRange = new ArrayList<Row>();
    for (int row = 0; row < log.size(); row++) {
      if (!log.date(row).isBefore(from) && !log.date(row).isAfter(to)) {
        inRange.add(new Row(log.customerId(log.customerOfRow(row)), log.time(row),
            log.amount(row)));
      }
    }
    assertEquals(rows.build(inRange), log.between(from, to));
  }

  @ParameterizedTest
  @MethodSource("longRuns")
  void rowSortSortsAnyRangeLikeAStableReferenceSort(List<Row> rows, int margin) {
    int n = rows.size();
    long[] t = new long[n + 2 * margin];
    double[] a = new double[n + 2 * margin];
    for (int i = 0; i < t.length; i++) {
      t[i] = -1 - i; // sentinels outside the range: must stay untouched
      a[i] = i;
    }
    for (int i = 0; i < n; i++) {
      t[margin + i] = rows.get(i).time();
      a[margin + i] = rows.get(i).amount();
    }
    long[] expectedT = t.clone();
    double[] expectedA = a.clone();
    var sorted = new ArrayList<>(rows);
    sorted.sort(LOG_ORDER);
    for (int i = 0; i < n; i++) {
      expectedT[margin + i] = sorted.get(i).time();
      expectedA[margin + i] = sorted.get(i).amount();
    }
    RowSort.sort(t, a, margin, margin + n);
    assertArrayEquals(expectedT, t);
    assertArrayEquals(expectedA, a);
    assertTrue(RowSort.isSorted(t, a, margin, margin + n));
  }

  // ---- the generators reach what the properties are about --------------------------------

  @Test
  void theRowsIncludeLogsWhoseDatesRunBackwardsAndEmptyLogs() {
    long backwards = 0;
    long empty = 0;
    for (var args : rows().toList()) {
      var log = ((Rows) args.get()[0]).build();
      backwards += LogCases.datesRunBackwards(log) ? 1 : 0;
      empty += log.isEmpty() ? 1 : 0;
    }
    assertTrue(backwards >= 1, "logs whose dates run backwards: " + backwards + " of " + TRIES);
    assertTrue(empty >= 1, "empty logs: " + empty + " of " + TRIES);
  }

  @Test
  void theLongRunsTakeRowSortsQuicksortPathWithTies() {
    long quick = 0;
    for (var args : longRuns().toList()) {
      @SuppressWarnings("unchecked")
      var rows = (List<Row>) args.get()[0];
      // over 24 rows, not yet sorted, and with an exact tie of time and amount
      boolean unsorted = false;
      for (int i = 1; i < rows.size(); i++) {
        unsorted |= LOG_ORDER.compare(rows.get(i - 1), rows.get(i)) > 0;
      }
      boolean tie = rows.stream().distinct().count() < rows.size();
      quick += rows.size() > 24 && unsorted && tie ? 1 : 0;
    }
    assertTrue(quick >= TRIES / 2, "runs on the quicksort path with ties: " + quick);
  }
}
