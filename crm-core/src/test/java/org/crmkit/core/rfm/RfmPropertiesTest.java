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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.log.TransactionLog;

/** Invariants of RFM scoring and segmentation over generated customers and logs. */
class RfmPropertiesTest {

  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 1);

  /** Pre-aggregated customers; small value ranges make ties common. */
  record Customers(String[] ids, int[] days, int[] orders, double[] revenue) {
    int size() {
      return ids.length;
    }
  }

  /** One generated transaction. */
  record Tx(String customer, int day, double amount) {}

  @Provide
  Arbitrary<Customers> customers() {
    return Arbitraries.integers().between(1, 120).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(0, 60).array(int[].class).ofSize(n),
        Arbitraries.integers().between(1, 9).array(int[].class).ofSize(n),
        Arbitraries.integers().between(-2_000, 50_000).array(int[].class).ofSize(n))
        .as((d, o, cents) -> {
          String[] ids = new String[n];
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            ids[i] = "c" + (i * 7919 % 1000 + 1000 * i);   // unique, not in row order
            v[i] = cents[i] / 100.0;
          }
          return new Customers(ids, d, o, v);
        }));
  }

  @Provide
  Arbitrary<List<Tx>> transactions() {
    Arbitrary<Tx> tx = Combinators.combine(
        Arbitraries.integers().between(0, 40).map(i -> "k" + i),
        Arbitraries.integers().between(0, 365),
        Arbitraries.integers().between(-500, 20_000).map(c -> c / 100.0))
        .as(Tx::new);
    return tx.list().ofMinSize(1).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Ties> ties() {
    return Arbitraries.of(Ties.class);
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

  @Property(tries = 300, seed = "20061231")
  void scoresLieInTheirBins(@ForAll("customers") Customers c,
      @ForAll @IntRange(min = 2, max = 10) int bins, @ForAll("ties") Ties ties) {
    RfmTable t = scorer(bins, ties).score(c.ids(), c.days(), c.orders(), c.revenue());
    assertEquals(c.size(), t.size());
    for (Dimension d : Dimension.values()) {
      ScoreBins b = t.bins(d);
      int[] scores = t.scores(d);
      double[] v = values(t, d);
      int[] tally = new int[bins];
      for (int i = 0; i < scores.length; i++) {
        int s = scores[i];
        assertTrue(s >= 1 && s <= bins, () -> d + " score " + s);
        tally[s - 1]++;
        double lo = b.lower(s);
        double hi = b.upper(s);
        double x = v[i];
        assertTrue(x >= lo && (b.upperInclusive() ? x <= hi : x < hi),
            () -> d + " value " + x + " outside " + b.describe(s));
      }
      assertArrayEquals(tally, b.scoreCounts(), d + " counts");
      double[] lower = b.lowerBounds();
      double[] upper = b.upperBounds();
      for (int k = 0; k < bins; k++) {
        assertTrue(lower[k] <= upper[k], d + " bin " + k);
        if (k > 0) {
          assertTrue(lower[k - 1] <= lower[k] && upper[k - 1] <= upper[k], d + " bin " + k);
        }
      }
    }
  }

  @Property(tries = 300, seed = "20061231")
  void keepTogetherGivesEqualValuesEqualScoresAndIsMonotone(
      @ForAll("customers") Customers c, @ForAll @IntRange(min = 2, max = 10) int bins) {
    RfmTable t = scorer(bins, Ties.KEEP_TOGETHER)
        .score(c.ids(), c.days(), c.orders(), c.revenue());
    for (Dimension d : Dimension.values()) {
      double[] v = values(t, d);
      int[] s = t.scores(d);
      int sign = d.reversed() ? -1 : 1;
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < v.length; j++) {
          if (v[i] == v[j]) {
            assertEquals(s[i], s[j], d + " tie");
          } else if (v[i] < v[j]) {
            assertTrue(sign * s[i] <= sign * s[j], d + " order");
          }
        }
      }
    }
  }

  @Property(tries = 300, seed = "20061231")
  void splitMakesGroupsOfNearlyEqualSize(@ForAll("customers") Customers c,
      @ForAll @IntRange(min = 2, max = 10) int bins) {
    RfmTable t = scorer(bins, Ties.SPLIT).score(c.ids(), c.days(), c.orders(), c.revenue());
    for (Dimension d : Dimension.values()) {
      int[] counts = t.bins(d).scoreCounts();
      if (c.size() >= bins) {
        int min = Arrays.stream(counts).min().orElseThrow();
        int max = Arrays.stream(counts).max().orElseThrow();
        assertTrue(max - min <= 1, () -> d + " " + Arrays.toString(counts));
      } else {
        // fewer customers than bins: no bin holds two
        assertTrue(Arrays.stream(counts).allMatch(k -> k <= 1), d + Arrays.toString(counts));
      }
    }
  }

  @Property(tries = 200, seed = "20061231")
  void arrayRowOrderDoesNotMatter(@ForAll("customers") Customers c,
      @ForAll @IntRange(min = 2, max = 7) int bins, @ForAll("ties") Ties ties,
      @ForAll long seed) {
    int n = c.size();
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(seed));
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
    RfmScorer s = scorer(bins, ties);
    TableAssertions.assertSameTable(s.score(c.ids(), c.days(), c.orders(), c.revenue()),
        s.score(ids, d, o, v));
  }

  @Property(tries = 200, seed = "20061231")
  void logRowOrderDoesNotMatter(@ForAll("transactions") List<Tx> txs, @ForAll("ties") Ties ties,
      @ForAll long seed) {
    var shuffled = new ArrayList<>(txs);
    Collections.shuffle(shuffled, new Random(seed));
    LocalDate at = DAY0.plusDays(200);
    RfmScorer s = scorer(4, ties);
    RfmTable a = tryScore(s, log(txs), at);
    RfmTable b = tryScore(s, log(shuffled), at);
    if (a == null || b == null) {
      assertEquals(a == null, b == null);
      return;
    }
    TableAssertions.assertSameTable(a, b);
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

  @Property(tries = 200, seed = "20061231")
  void logAggregatesMatchADirectCount(@ForAll("transactions") List<Tx> txs,
      @ForAll @IntRange(min = 0, max = 365) int atDay) {
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
      // amounts are whole cents below 200: sums agree to far better than 1e-6
      assertEquals(sum.get(id), table.revenue(i), 1e-6, id);
    }
  }

  @Property(tries = 150, seed = "20061231")
  void segmentCountsSumToCustomers(@ForAll("customers") Customers c, @ForAll("ties") Ties ties) {
    RfmTable t = scorer(5, ties).score(c.ids(), c.days(), c.orders(), c.revenue());
    var maps = new ArrayList<SegmentMap>(List.of(SegmentMap.rfGrid(), SegmentMap.rfmVignette(),
        SegmentMapTest.elevenSegments()));
    for (Cut cut : Cut.values()) {
      maps.add(SegmentMap.highLow(cut));
    }
    for (SegmentMap map : maps) {
      Segmentation s = t.segment(map);
      assertEquals(t.size(), Arrays.stream(s.counts()).sum(), map.name());
      SegmentSummary sum = s.summary();
      assertEquals(map.segments().size() + 1, sum.rows().size(), map.name());
      assertEquals(t.size(), sum.rows().stream().mapToInt(SegmentSummary.Row::customers).sum());
      assertEquals(t.totalOrders(), sum.rows().stream().mapToLong(SegmentSummary.Row::orders)
          .sum(), map.name());
      assertEquals(t.totalRevenue(), sum.rows().stream()
          .mapToDouble(SegmentSummary.Row::revenue).sum(), 1e-6, map.name());
      int i = 0;
      for (String name : s.segmentNames()) {
        assertEquals(s.counts()[i++], s.customersIn(name).length, name);
      }
    }
  }
}
