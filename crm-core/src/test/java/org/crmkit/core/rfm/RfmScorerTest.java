package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

/** Scoring rules on small hand-worked examples, the log path and argument checks. */
class RfmScorerTest {

  private static final String[] SIX = {"a", "b", "c", "d", "e", "f"};

  @Test
  void keepTogetherOnHandWorkedTies() {
    // orders 1,1,1,1,2,3, n = 3. Type 7: q(1/3): h = 5/3 -> x[1] + 2/3 (x[2]-x[1]) = 1;
    // q(2/3): h = 10/3 -> x[3] + 1/3 (x[4]-x[3]) = 4/3. Thresholds 2 and 7/3, [lower, upper):
    // 1 -> score 1, 2 -> score 2 (2 >= 2, 2 < 7/3), 3 -> score 3.
    RfmTable t = RfmScorer.builder().bins(3).build()
        .score(SIX, new int[] {1, 1, 1, 1, 1, 1}, new int[] {1, 1, 1, 1, 2, 3},
            new double[] {1, 1, 1, 1, 1, 1});
    assertArrayEquals(new int[] {1, 1, 1, 1, 2, 3}, t.scores(Dimension.FREQUENCY));
    assertArrayEquals(new int[] {4, 1, 1}, t.frequencyBins().scoreCounts());
    assertArrayEquals(new double[] {2, 7.0 / 3}, t.frequencyBins().thresholds(), 1e-12);
    assertArrayEquals(new double[] {1, 2, 7.0 / 3}, t.frequencyBins().lowerBounds(), 1e-12);
    assertArrayEquals(new double[] {2, 7.0 / 3, 4}, t.frequencyBins().upperBounds(), 1e-12);
    // all recency values equal: every threshold is 1 + 1 = 2, all customers in the lowest-days
    // bin, which recency scores highest (3); the other bins are empty
    assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3}, t.scores(Dimension.RECENCY));
    assertArrayEquals(new int[] {0, 0, 6}, t.recencyBins().scoreCounts());
  }

  @Test
  void splitRanksByValueThenId() {
    // ranks by (value, id) 0..5 -> groups floor(r * 3 / 6) = 0,0,1,1,2,2
    RfmTable t = RfmScorer.builder().bins(3).ties(Ties.SPLIT).build()
        .score(SIX, new int[] {5, 5, 5, 9, 9, 9}, new int[] {1, 1, 1, 1, 2, 3},
            new double[] {7, 7, 7, 7, 7, 7});
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3}, t.scores(Dimension.FREQUENCY));
    // recency reversed: fewest days -> highest score; the tie at 5 days is split by id
    assertArrayEquals(new int[] {3, 3, 2, 2, 1, 1}, t.scores(Dimension.RECENCY));
    assertArrayEquals(new int[] {2, 2, 2}, t.monetaryBins().scoreCounts());
    // closed ranges of the values in each group
    assertArrayEquals(new double[] {1, 1, 2}, t.frequencyBins().lowerBounds());
    assertArrayEquals(new double[] {1, 1, 3}, t.frequencyBins().upperBounds());
    assertTrue(t.frequencyBins().upperInclusive());
    assertEquals("[2, 3]", t.frequencyBins().describe(3));
  }

  @Test
  void splitDoesNotDependOnRowOrder() {
    // same customers, rows reversed: the id, not the row, breaks ties
    String[] ids = {"f", "e", "d", "c", "b", "a"};
    RfmTable t = RfmScorer.builder().bins(3).ties(Ties.SPLIT).build()
        .score(ids, new int[] {9, 9, 9, 5, 5, 5}, new int[] {3, 2, 1, 1, 1, 1},
            new double[] {7, 7, 7, 7, 7, 7});
    assertArrayEquals(SIX, t.customerIds());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3}, t.scores(Dimension.FREQUENCY));
    assertArrayEquals(new int[] {3, 3, 2, 2, 1, 1}, t.scores(Dimension.RECENCY));
  }

  @Test
  void explicitRecencyCutsScoreInReverse() {
    // cuts 50, 100, 150, 300: days < 50 -> 5; [50, 100) -> 4; [100, 150) -> 3; [150, 300) -> 2
    RfmTable t = RfmScorer.builder().recencyCuts(50, 100, 150, 300).build()
        .score(new String[] {"a", "b", "c", "d", "e"}, new int[] {0, 50, 100, 200, 300},
            new int[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5});
    assertArrayEquals(new int[] {5, 4, 3, 2, 1}, t.scores(Dimension.RECENCY));
    assertEquals(Double.NEGATIVE_INFINITY, t.recencyBins().lower(5));
    assertEquals(50, t.recencyBins().upper(5));
    assertEquals(300, t.recencyBins().lower(1));
    assertEquals(Double.POSITIVE_INFINITY, t.recencyBins().upper(1));
    assertEquals(ScoreBins.Method.QUANTILES, t.frequencyBins().method());
  }

  @Test
  void meanPerOrderIsScored() {
    RfmTable t = RfmScorer.builder().bins(2).monetary(Monetary.MEAN_PER_ORDER).build()
        .score(new String[] {"a", "b"}, new int[] {1, 2}, new int[] {4, 1},
            new double[] {100, 30});
    assertEquals(25, t.monetary(0), 0);
    assertEquals(100, t.revenue(0), 0);
    // 25 per order is below b's 30: a scores low although its total is higher
    assertEquals(1, t.monetaryScore(0));
    assertEquals(2, t.monetaryScore(1));
  }

  @Test
  void logRowsAfterTheAnalysisDateAreLeftOutAndCounted() {
    TransactionLog log = TransactionLog.builder()
        .add("A", LocalDate.of(2020, 1, 1), 10)
        .add("A", LocalDate.of(2020, 2, 1), 20)
        .add("A", LocalDate.of(2020, 2, 15), -5)   // refund on the analysis date: kept
        .add("A", LocalDate.of(2020, 3, 1), 40)
        .add("B", LocalDate.of(2020, 4, 1), 99)
        .add("C", LocalDate.of(2019, 12, 31), 7)
        .build();
    RfmTable t = RfmScorer.defaults().score(log, LocalDate.of(2020, 2, 15));
    assertArrayEquals(new String[] {"A", "C"}, t.customerIds());
    assertEquals(new RfmTable.Row("A", 0, 3, 25, 25, t.recencyScore(0), t.frequencyScore(0),
        t.monetaryScore(0)), t.row("A"));
    assertEquals(46, t.recencyDays(1));   // 2019-12-31 .. 2020-02-15
    assertEquals(2, t.excludedTransactions());
    assertEquals(1, t.excludedCustomers());
    assertEquals(LocalDate.of(2020, 2, 15), t.analysisDate().orElseThrow());
    assertEquals(-1, t.indexOf("B"));
  }

  @Test
  void instantsAreReadAsDatesInTheLogsZone() {
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    TransactionLog log = TransactionLog.builder(zone)
        // 2020-02-14T17:00Z is 2020-02-15 01:00 in Shanghai: on the analysis date
        .add("A", java.time.Instant.parse("2020-02-14T17:00:00Z"), 10)
        // 2020-02-15T17:00Z is 2020-02-16 in Shanghai: after it
        .add("A", java.time.Instant.parse("2020-02-15T17:00:00Z"), 10)
        .build();
    RfmTable t = RfmScorer.defaults().score(log, LocalDate.of(2020, 2, 15));
    assertEquals(0, t.recencyDays(0));
    assertEquals(1, t.orders(0));
    assertEquals(1, t.excludedTransactions());
  }

  @Test
  void analysisDateBeforeEveryTransactionIsRejected() {
    TransactionLog log = TransactionLog.builder().add("A", LocalDate.of(2020, 1, 1), 1).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.defaults().score(log, LocalDate.of(2019, 1, 1)));
    assertTrue(e.getMessage().contains("analysisDate 2019-01-01"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.defaults().score(log, null));
    assertTrue(e2.getMessage().contains("analysisDate"), e2.getMessage());
  }

  @Test
  void badArraysNameTheRowCustomerAndValue() {
    RfmScorer s = RfmScorer.defaults();
    var e = assertThrows(IllegalArgumentException.class, () -> s.score(new String[] {"a", "b"},
        new int[] {1, -3}, new int[] {1, 1}, new double[] {1, 1}));
    assertEquals("row 2, customer 'b': recencyDays is -3, must be >= 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.score(new String[] {"a", "b"},
        new int[] {1, 1}, new int[] {0, 1}, new double[] {1, 1}));
    assertEquals("row 1, customer 'a': orders is 0, must be >= 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.score(new String[] {"a", "b"},
        new int[] {1, 1}, new int[] {1, 1}, new double[] {1, Double.NaN}));
    assertEquals("row 2, customer 'b': revenue is NaN, must be finite", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.score(new String[] {"x", "y", "x"},
        new int[] {1, 1, 1}, new int[] {1, 1, 1}, new double[] {1, 1, 1}));
    assertEquals("row 3, customer 'x': customer id repeats row 1: each customer must appear once",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.score(new String[] {"a"},
        new int[] {1, 1}, new int[] {1}, new double[] {1}));
    assertTrue(e.getMessage().startsWith("arrays differ in length"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> s.score(new String[0], new int[0], new int[0], new double[0]));
    assertEquals("customerIds must not be empty", e.getMessage());
  }

  @Test
  void builderRejectsContradictions() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.builder().bins(5).frequencyCuts(2, 3, 4).build());
    assertEquals("frequencyCuts has 3 thresholds, so 4 bins, but bins makes 5 bins",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.builder().recencyCuts(10, 20).monetaryCuts(1, 2, 3).build());
    assertEquals("monetaryCuts has 3 thresholds, so 4 bins, but recencyCuts makes 3 bins",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.builder().monetaryCuts(10, 10, 20));
    assertEquals("monetaryCuts must be strictly increasing: monetaryCuts[1] = 10 after 10",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RfmScorer.builder().bins(1));
    assertEquals("bins must be in [2, 100]: 1", e.getMessage());
    assertEquals(3, RfmScorer.builder().recencyCuts(10, 20).build().bins());
  }

  @Test
  void cutsAreCopied() {
    double[] cuts = {10, 20};
    RfmScorer s = RfmScorer.builder().recencyCuts(cuts).build();
    cuts[0] = 15;
    assertArrayEquals(new double[] {10, 20}, s.cuts(Dimension.RECENCY));
    s.cuts(Dimension.RECENCY)[0] = 99;
    assertArrayEquals(new double[] {10, 20}, s.cuts(Dimension.RECENCY));
    assertEquals(0, s.cuts(Dimension.MONETARY).length);
  }

  @Test
  void rfmScoreNeedsAtMostNineBins() {
    String[] ids = new String[10];
    int[] r = new int[10];
    int[] o = new int[10];
    double[] v = new double[10];
    for (int i = 0; i < 10; i++) {
      ids[i] = "c" + i;
      r[i] = i;
      o[i] = 1 + i;
      v[i] = i;
    }
    RfmTable t = RfmScorer.builder().bins(10).build().score(ids, r, o, v);
    assertThrows(IllegalStateException.class, () -> t.rfmScore(0));
    // c0: fewest days -> R 10; fewest orders and lowest revenue -> F 1, M 1
    assertEquals(10, t.recencyScore(0));
    RfmTable t5 = RfmScorer.defaults().score(ids, r, o, v);
    assertEquals(511, t5.rfmScore(0));
  }
}
