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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.log.LogArbitraries.Row;
import org.crmkit.core.log.LogArbitraries.Rows;

/** Invariants of {@link TransactionLog} and {@link RowSort} on generated rows. */
class TransactionLogPropertyTest {

  private static final Comparator<Row> LOG_ORDER = Comparator.comparing(Row::id)
      .thenComparingLong(Row::time)
      .thenComparing(Row::amount, Double::compare);

  @Provide
  Arbitrary<Rows> rows() {
    return LogArbitraries.anyRows(60);
  }

  @Property(tries = 300, seed = "20261123")
  void anyPermutationOfTheRowsBuildsAnEqualLog(@ForAll("rows") Rows rows, @ForAll long seed) {
    var shuffled = new ArrayList<>(rows.rows());
    Collections.shuffle(shuffled, new Random(seed));
    var log = rows.build();
    var other = rows.build(shuffled);
    assertEquals(log, other);
    assertEquals(log.hashCode(), other.hashCode());
  }

  @Property(tries = 300, seed = "20261124")
  void theLogHoldsTheRowsSortedByCustomerTimeAndAmount(@ForAll("rows") Rows rows) {
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
    double gross = rows.rows().stream().mapToDouble(r -> Math.abs(r.amount())).sum();
    double sum = rows.rows().stream().mapToDouble(Row::amount).sum();
    assertEquals(sum, log.totalAmount(), 1e-12 * gross);
  }

  @Property(tries = 300, seed = "20261125")
  void betweenEqualsBuildingFromTheRowsInTheRange(@ForAll("rows") Rows rows,
      @ForAll @IntRange(max = 4) int fromOffset, @ForAll @IntRange(max = 4) int length) {
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

  @Provide
  Arbitrary<List<Row>> longRuns() {
    // one customer, many rows: RowSort's quicksort path (> 24 rows) with many ties
    return Arbitraries.longs().between(0, 9)
        .flatMap(spread -> LogArbitraries.amounts().list().ofMinSize(0).ofMaxSize(300)
            .flatMap(amounts -> Arbitraries.longs().between(0, spread).list()
                .ofSize(amounts.size())
                .map(times -> {
                  var out = new ArrayList<Row>();
                  for (int i = 0; i < amounts.size(); i++) {
                    out.add(new Row("x", times.get(i), amounts.get(i)));
                  }
                  return out;
                })));
  }

  @Property(tries = 300, seed = "20261126")
  void rowSortSortsAnyRangeLikeAStableReferenceSort(@ForAll("longRuns") List<Row> rows,
      @ForAll @IntRange(max = 5) int margin) {
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
}
