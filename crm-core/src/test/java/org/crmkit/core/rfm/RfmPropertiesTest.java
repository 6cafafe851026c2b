package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

/**
 * Invariants of RFM scoring and segmentation over generated customers and logs.
 *
 * <p>Property tests on plain JUnit 5 with fixed seeds: case k of a property draws its inputs from
 * {@code new Random(SEED + k)} and a failure names k and the inputs. They do not use jqwik:
 * jqwik 1.10 asks not to be used by AI coding agents (its "Anti-AI Usage Clause"), and these
 * tests were written by one; see the commit message.
 */
class RfmPropertiesTest {

  private static final long SEED = 20_061_231L;
  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 1);

  /** Pre-aggregated customers; small value ranges make ties common. */
  record Customers(String[] ids, int[] days, int[] orders, double[] revenue) {
    int size() {
      return ids.length;
    }

    @Override
    public String toString() {
      return "ids=" + Arrays.toString(ids) + " days=" + Arrays.toString(days) + " orders="
          + Arrays.toString(orders) + " revenue=" + Arrays.toString(revenue);
    }
  }

  /** One generated transaction. */
  record Tx(String customer, int day, double amount) {}

  /** Runs {@code check} on {@code cases} seeded cases; a failure names the case. */
  private static void forCases(int cases, Consumer<Random> check) {
    for (int k = 0; k < cases; k++) {
      try {
        check.accept(new Random(SEED + k));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("case " + k + " (seed " + (SEED + k) + "): " + e.getMessage(),
            e);
      }
    }
  }

  /**
   * 1 to 120 customers (1 in 10 cases: 1 to 3); in 1 of 4 cases every column takes only a
   * few distinct values, so ties dominate.
   */
  static Customers customers(Random rnd) {
    int n = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(120);
    boolean tieHeavy = rnd.nextInt(4) == 0;
    String[] ids = new String[n];
    int[] d = new int[n];
    int[] o = new int[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "c" + (i * 7919 % 1000 + 1000 * i);   // unique, not in row order
      d[i] = tieHeavy ? rnd.nextInt(3) : rnd.nextInt(61);
      o[i] = 1 + (tieHeavy ? rnd.nextInt(2) : rnd.nextInt(9));
      v[i] = (tieHeavy ? 100 * rnd.nextInt(3) : rnd.nextInt(52_001) - 2_000) / 100.0;
    }
    return new Customers(ids, d, o, v);
  }

  /** 1 to 300 transactions of up to 41 customers over a year; amounts in cents, refunds too. */
  static List<Tx> transactions(Random rnd) {
    int n = 1 + rnd.nextInt(300);
    var out = new ArrayList<Tx>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Tx("k" + rnd.nextInt(41), rnd.nextInt(366),
          (rnd.nextInt(20_501) - 500) / 100.0));
    }
    return out;
  }

  private static Ties ties(Random rnd) {
    return rnd.nextBoolean() ? Ties.KEEP_TOGETHER : Ties.SPLIT;
  }

  private static RfmScorer scorer(int bins, Ties ties) {
    return RfmScorer.builder().bins(bins).ties(ties).build();
  }

  private static double[] values(RfmTable t, Dimension d) {
    return switch (d) {
      case RECENCY -> Arrays.stream(t.recencyDays()).asDoubleStream().toArray();
      case FREQUENCY -> Arrays.stream(t.orders()).asDoubleStream().toArray();
      case MONETARY -> t.monetary();
    };
  }

  @Test
  void scoresLieInTheirBinsAndThresholdsNeverDecrease() {
    forCases(300, rnd -> {
      Customers c = customers(rnd);
      int bins = 2 + rnd.nextInt(9);
      Ties ties = ties(rnd);
      RfmTable t = scorer(bins, ties).score(c.ids(), c.days(), c.orders(), c.revenue());
      assertEquals(c.size(), t.size());
      for (Dimension d : Dimension.values()) {
        ScoreBins b = t.bins(d);
        int[] scores = t.scores(d);
        double[] v = values(t, d);
        int[] tally = new int[bins];
        for (int i = 0; i < scores.length; i++) {
          int s = scores[i];
          assertTrue(s >= 1 && s <= bins, () -> d + " score " + s + "; " + c);
          tally[s - 1]++;
          double x = v[i];
          assertTrue(x >= b.lower(s) && (b.upperInclusive() ? x <= b.upper(s) : x < b.upper(s)),
              () -> d + " value " + x + " outside " + b.describe(s) + "; " + c);
        }
        assertArrayEquals(tally, b.scoreCounts(), () -> d + " counts; " + c);
        double[] lower = b.lowerBounds();
        double[] upper = b.upperBounds();
        for (int k = 0; k < bins; k++) {
          int bin = k;
          assertTrue(lower[k] <= upper[k], () -> d + " bin " + bin + "; " + c);
          if (k > 0) {
            assertTrue(lower[k - 1] <= lower[k] && upper[k - 1] <= upper[k],
                () -> d + " bin " + bin + "; " + c);
          }
        }
      }
    });
  }

  @Test
  void keepTogetherGivesEqualValuesEqualScoresAndIsMonotone() {
    forCases(300, rnd -> {
      Customers c = customers(rnd);
      int bins = 2 + rnd.nextInt(9);
      RfmTable t = scorer(bins, Ties.KEEP_TOGETHER)
          .score(c.ids(), c.days(), c.orders(), c.revenue());
      for (Dimension d : Dimension.values()) {
        double[] v = values(t, d);
        int[] s = t.scores(d);
        int sign = d.reversed() ? -1 : 1;
        for (int i = 0; i < v.length; i++) {
          for (int j = 0; j < v.length; j++) {
            if (v[i] == v[j]) {
              assertEquals(s[i], s[j], () -> d + " tie; " + c);
            } else if (v[i] < v[j]) {
              assertTrue(sign * s[i] <= sign * s[j], () -> d + " order; " + c);
            }
          }
        }
      }
    });
  }

  @Test
  void splitMakesGroupsOfNearlyEqualSize() {
    forCases(300, rnd -> {
      Customers c = customers(rnd);
      int bins = 2 + rnd.nextInt(9);
      RfmTable t = scorer(bins, Ties.SPLIT).score(c.ids(), c.days(), c.orders(), c.revenue());
      for (Dimension d : Dimension.values()) {
        int[] counts = t.bins(d).scoreCounts();
        if (c.size() >= bins) {
          int min = Arrays.stream(counts).min().orElseThrow();
          int max = Arrays.stream(counts).max().orElseThrow();
          assertTrue(max - min <= 1, () -> d + " " + Arrays.toString(counts) + "; " + c);
        } else {
          // fewer customers than bins: no bin holds two
          assertTrue(Arrays.stream(counts).allMatch(k -> k <= 1),
              () -> d + " " + Arrays.toString(counts) + "; " + c);
        }
      }
    });
  }

  @Test
  void arrayRowOrderDoesNotMatter() {
    forCases(200, rnd -> {
      Customers c = customers(rnd);
      RfmScorer s = scorer(2 + rnd.nextInt(6), ties(rnd));
      int n = c.size();
      List<Integer> perm = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        perm.add(i);
      }
      Collections.shuffle(perm, rnd);
      String[] ids = new String[n];
      int[] d = new int[n];
      int[] o = new int[n];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        int p = perm.get(i);
        ids[i] = c.ids()[p];
        d[i] = c.days()[p];
        o[i] = c.orders()[p];
        v[i] = c.revenue()[p];
      }
      TableAssertions.assertSameTable(s.score(c.ids(), c.days(), c.orders(), c.revenue()),
          s.score(ids, d, o, v));
    });
  }

  @Test
  void logRowOrderDoesNotMatter() {
    forCases(200, rnd -> {
      List<Tx> txs = transactions(rnd);
      var shuffled = new ArrayList<>(txs);
      Collections.shuffle(shuffled, rnd);
      LocalDate at = DAY0.plusDays(rnd.nextInt(366));
      RfmScorer s = scorer(4, ties(rnd));
      RfmTable a = tryScore(s, log(txs), at);
      RfmTable b = tryScore(s, log(shuffled), at);
      if (a == null || b == null) {
        assertEquals(a == null, b == null);
        return;
      }
      TableAssertions.assertSameTable(a, b);
    });
  }

  private static RfmTable tryScore(RfmScorer s, TransactionLog log, LocalDate at) {
    try {
      return s.score(log, at);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("no customer has a transaction"), e.getMessage());
      return null;
    }
  }

  private static TransactionLog log(List<Tx> txs) {
    var b = TransactionLog.builder();
    for (Tx t : txs) {
      b.add(t.customer(), DAY0.plusDays(t.day()), t.amount());
    }
    return b.build();
  }

  @Test
  void logAggregatesMatchADirectCount() {
    forCases(200, rnd -> {
      List<Tx> txs = transactions(rnd);
      int atDay = rnd.nextInt(366);
      // model: per customer, over transactions on or before the analysis date
      var last = new HashMap<String, Integer>();
      var count = new HashMap<String, Integer>();
      var sum = new HashMap<String, Double>();
      int later = 0;
      for (Tx t : txs) {
        if (t.day() > atDay) {
          later++;
          continue;
        }
        last.merge(t.customer(), t.day(), Math::max);
        count.merge(t.customer(), 1, Integer::sum);
        sum.merge(t.customer(), t.amount(), Double::sum);
      }
      RfmTable table = tryScore(RfmScorer.defaults(), log(txs), DAY0.plusDays(atDay));
      if (table == null) {
        assertTrue(last.isEmpty());
        return;
      }
      assertEquals(last.size(), table.size());
      assertEquals(later, table.excludedTransactions());
      for (int i = 0; i < table.size(); i++) {
        String id = table.customerId(i);
        assertEquals(atDay - last.get(id), table.recencyDays(i), id);
        assertEquals(count.get(id), table.orders(i), id);
        // at most 300 amounts in whole cents below 205: sums agree far better than 1e-6
        assertEquals(sum.get(id), table.revenue(i), 1e-6, id);
      }
    });
  }

  @Test
  void segmentCountsSumToCustomers() {
    var maps = new ArrayList<SegmentMap>(List.of(SegmentMap.rfGrid(), SegmentMap.rfmVignette(),
        SegmentMapTest.elevenSegments()));
    for (Cut cut : Cut.values()) {
      maps.add(SegmentMap.highLow(cut));
    }
    forCases(150, rnd -> {
      Customers c = customers(rnd);
      RfmTable t = scorer(5, ties(rnd)).score(c.ids(), c.days(), c.orders(), c.revenue());
      for (SegmentMap map : maps) {
        Segmentation s = t.segment(map);
        assertEquals(t.size(), Arrays.stream(s.counts()).sum(), map.name());
        SegmentSummary sum = s.summary();
        assertEquals(map.segments().size() + 1, sum.rows().size(), map.name());
        assertEquals(t.size(),
            sum.rows().stream().mapToInt(SegmentSummary.Row::customers).sum(), map.name());
        assertEquals(t.totalOrders(),
            sum.rows().stream().mapToLong(SegmentSummary.Row::orders).sum(), map.name());
        assertEquals(t.totalRevenue(),
            sum.rows().stream().mapToDouble(SegmentSummary.Row::revenue).sum(), 1e-6,
            map.name());
        int i = 0;
        for (String name : s.segmentNames()) {
          assertEquals(s.counts()[i++], s.customersIn(name).length, name);
        }
      }
    });
  }
}
