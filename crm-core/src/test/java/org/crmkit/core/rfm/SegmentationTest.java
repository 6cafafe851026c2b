package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Segmentation, high/low cuts, summaries and the printed tables. */
class SegmentationTest {

  // Hand-worked example. Means: recency 25 days, orders 3, revenue 140.
  // Medians: recency 25, orders 2.5, revenue 75.
  private static final String[] IDS = {"A", "B", "C", "D"};
  private static final int[] DAYS = {10, 20, 30, 40};
  private static final int[] ORDERS = {1, 2, 3, 6};
  private static final double[] REVENUE = {100, 50, 400, 10};

  private static RfmTable table(RfmScorer scorer) {
    return scorer.score(IDS, DAYS, ORDERS, REVENUE);
  }

  @Test
  void highLowAgainstMeans() {
    // A: 10 < 25 high, 1 <= 3 low, 100 <= 140 low -> general develop; B likewise;
    // C: 30 low, 3 = mean is low, 400 high -> important win-back; D: low, 6 high, 10 low
    Segmentation s = table(RfmScorer.defaults()).segment(SegmentMap.highLow(Cut.MEAN));
    assertEquals("general develop", s.segmentOf("A"));
    assertEquals("general develop", s.segmentOf("B"));
    assertEquals("important win-back", s.segmentOf("C"));
    assertEquals("general retain", s.segmentOf("D"));
    var cuts = s.cuts().orElseThrow();
    assertEquals(25, cuts.recency(), 0);
    assertEquals(3, cuts.frequency(), 0);
    assertEquals(140, cuts.monetary(), 0);
  }

  @Test
  void highLowAgainstMedians() {
    // A: high, 1 < 2.5 low, 100 > 75 high -> important develop; B: high, low, 50 low ->
    // general develop; C: low, 3 high, 400 high -> important retain; D: low, high, low
    Segmentation s = table(RfmScorer.defaults()).segment(SegmentMap.highLow(Cut.MEDIAN));
    assertArrayEquals(new String[] {"important develop", "general develop", "important retain",
        "general retain"}, new String[] {s.segmentName(0), s.segmentName(1), s.segmentName(2),
            s.segmentName(3)});
  }

  @Test
  void highLowAgainstMeanScores() {
    // 2 bins, ties split: recency 10, 20 -> 2; 30, 40 -> 1. Orders 1, 2 -> 1; 3, 6 -> 2.
    // Revenue 10 (D), 50 (B) -> 1; 100 (A), 400 (C) -> 2. Mean score 1.5 everywhere.
    RfmTable t = table(RfmScorer.builder().bins(2).ties(Ties.SPLIT).build());
    Segmentation s = t.segment(SegmentMap.highLow(Cut.SCORE_MEAN));
    assertEquals(1.5, s.cuts().orElseThrow().recency(), 0);
    assertEquals("important develop", s.segmentOf("A"));
    assertEquals("general develop", s.segmentOf("B"));
    assertEquals("important retain", s.segmentOf("C"));
    assertEquals("general retain", s.segmentOf("D"));
  }

  @Test
  void summaryTableIsPrintedFixedWidth() {
    // golden text from the hand-worked values above: C has 3 orders and 400 (AOV 133.33,
    // revenue share 400/560 = 71.4%), A+B 3 orders and 150 (26.8%), D 6 orders and 10 (1.8%)
    Segmentation s = table(RfmScorer.defaults()).segment(SegmentMap.highLow(Cut.MEAN));
    assertEquals("""
        Segments 'high/low (mean)': 4 customers, 12 orders, revenue 560.00
          segment            customers  share    orders        revenue  share        AOV  label
          important value            0   0.0%         0           0.00   0.0%       0.00  重要价值客户
          important develop          0   0.0%         0           0.00   0.0%       0.00  重要发展客户
          important retain           0   0.0%         0           0.00   0.0%       0.00  重要保持客户
          important win-back         1  25.0%         3         400.00  71.4%     133.33  重要挽留客户
          general value              0   0.0%         0           0.00   0.0%       0.00  一般价值客户
          general develop            2  50.0%         3         150.00  26.8%      50.00  一般发展客户
          general retain             1  25.0%         6          10.00   1.8%       1.67  一般保持客户
          general win-back           0   0.0%         0           0.00   0.0%       0.00  一般挽留客户
          Others                     0   0.0%         0           0.00   0.0%       0.00
          cuts (mean): recency 25, orders 3, monetary 140""", s.toString());
    SegmentSummary.Row row = s.summary().row("important win-back");
    assertEquals(400.0 / 3, row.averageOrderValue(), 1e-12);
    assertEquals(0.25, row.customerShare(), 1e-15);
    assertEquals(400.0 / 560, row.revenueShare(), 1e-15);
  }

  @Test
  void unmatchedCustomersAreCountedAsOthers() {
    RfmTable t = RfmScorer.defaults().score(RfmData.log(), RfmData.ANALYSIS_DATE);
    SegmentMap onlyChampions = SegmentMap.of("champions only", 5,
        Segment.of("Champions", "top", 5, 5, 5, 5, 5, 5));
    Segmentation s = t.segment(onlyChampions);
    // ORACLES.md: the vignette's Champions (5/5/5, first in its map) hold 35 customers
    assertEquals(35, s.count("Champions"));
    assertEquals(995 - 35, s.count("Others"));
    assertEquals(995 - 35, s.customersIn("Others").length);
    SegmentSummary sum = s.summary();
    assertEquals(4906 - 316, sum.row("Others").orders());
    assertEquals(464_158.0 - 31_646, sum.row("Others").revenue(), 1e-9);
  }

  @Test
  void mapForOtherBinsIsRejected() {
    RfmTable t = table(RfmScorer.builder().bins(3).build());
    var e = assertThrows(IllegalArgumentException.class, () -> t.segment(SegmentMap.rfGrid()));
    assertEquals("map 'R×F grid' is made for 5 bins, but the table has 3 bins", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> t.segment(SegmentMap.highLow(Cut.MEAN)).count("nobody"));
    assertTrue(e2.getMessage().startsWith("segment 'nobody' is not in map"), e2.getMessage());
  }

  @Test
  void tableToStringShowsBinsAndTwentyRows() {
    RfmTable t = RfmScorer.defaults().score(RfmData.log(), RfmData.ANALYSIS_DATE);
    String s = t.toString();
    String[] lines = s.split("\n");
    // ORACLES.md totals; format: grouping, 2 decimals, ISO date
    assertEquals("RFM table: 995 customers, 4,906 orders, revenue 464,158.00, analysis date "
        + "2006-12-31", lines[0]);
    assertEquals("  5 bins, ties kept together, monetary total", lines[1]);
    assertEquals("  score  recency days       n  orders             n  monetary           n",
        lines[2]);
    // ORACLES.md: score 5 bins and counts (R 200, F 120, M 195)
    assertEquals("      5  [1, 115)         200  [8, 15)          120  [666, 1489)      195",
        lines[3]);
    assertTrue(Pattern.compile("Abbey O'Reilly +205 +6 +472\\.00 +3 +4 +3").matcher(s).find(), s);
    assertTrue(s.endsWith("  … 975 more"), s);
    assertEquals(3 + 5 + 1 + 20 + 1, lines.length);
  }
}
