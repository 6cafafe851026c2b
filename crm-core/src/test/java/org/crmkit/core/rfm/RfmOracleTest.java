package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R package rfm 0.3.0 on its {@code rfm_data_orders} data, analysis date 2006-12-31:
 * {@code rfm_table_order(rfm_data_orders, customer_id, order_date, revenue, as.Date("2006-12-31"))}
 * and {@code rfm_segment} with the vignette's 10 segments. Values from ORACLES.md, section
 * "RFM (R package rfm 0.3.0)".
 */
class RfmOracleTest {

  private static RfmTable table;

  @BeforeAll
  static void score() {
    table = RfmScorer.defaults().score(RfmData.log(), RfmData.ANALYSIS_DATE);
  }

  @Test
  void totals() {
    // ORACLES.md RFM: 995 customers, 4,906 orders, revenue 464,158 (whole numbers: exact)
    assertEquals(995, table.size());
    assertEquals(4906, table.totalOrders());
    assertEquals(464_158.0, table.totalRevenue(), 1e-9);
    assertEquals(0, table.excludedTransactions());
  }

  @Test
  void recencyThresholds() {
    // ORACLES.md RFM thresholds, recency lower | upper; R prints 1 decimal: tolerance 1e-9
    assertArrayEquals(new double[] {1, 115, 181, 297.4, 482},
        table.recencyBins().lowerBounds(), 1e-9);
    assertArrayEquals(new double[] {115, 181, 297.4, 482, 977},
        table.recencyBins().upperBounds(), 1e-9);
  }

  @Test
  void frequencyThresholds() {
    // ORACLES.md RFM thresholds, frequency lower | upper; whole numbers: tolerance 1e-9
    assertArrayEquals(new double[] {1, 4, 5, 6, 8}, table.frequencyBins().lowerBounds(), 1e-9);
    assertArrayEquals(new double[] {4, 5, 6, 8, 15}, table.frequencyBins().upperBounds(), 1e-9);
  }

  @Test
  void monetaryThresholds() {
    // ORACLES.md RFM thresholds, monetary lower | upper; R prints 1 decimal: tolerance 1e-9
    assertArrayEquals(new double[] {12, 255.8, 382, 506.4, 666},
        table.monetaryBins().lowerBounds(), 1e-9);
    assertArrayEquals(new double[] {255.8, 382, 506.4, 666, 1489},
        table.monetaryBins().upperBounds(), 1e-9);
  }

  @Test
  void scoreCounts() {
    // ORACLES.md RFM score counts 1..5 (exact counts)
    assertArrayEquals(new int[] {197, 200, 199, 199, 200}, table.recencyBins().scoreCounts());
    assertArrayEquals(new int[] {268, 187, 176, 244, 120}, table.frequencyBins().scoreCounts());
    assertArrayEquals(new int[] {200, 200, 198, 202, 195}, table.monetaryBins().scoreCounts());
  }

  @Test
  void sampleRows() {
    // ORACLES.md RFM rows: days, orders, revenue -> R, F, M (exact)
    assertRow("Abbey O'Reilly", 205, 6, 472, 3, 4, 3);
    assertRow("Add Senger", 140, 3, 340, 4, 1, 2);
    assertRow("Aden Lesch", 194, 4, 405, 3, 2, 3);
    assertRow("Aden Murphy", 98, 7, 596, 5, 4, 4);
    assertRow("Admiral Senger", 132, 5, 448, 4, 3, 3);
  }

  private static void assertRow(String id, int days, int orders, double revenue, int r, int f,
      int m) {
    RfmTable.Row row = table.row(id);
    assertEquals(new RfmTable.Row(id, days, orders, revenue, revenue, r, f, m), row);
  }

  @Test
  void vignetteSegmentSummary() {
    // ORACLES.md RFM segment map: customers / orders / revenue per segment (exact)
    SegmentSummary s = table.segment(SegmentMap.rfmVignette()).summary();
    assertSegment(s, "About To Sleep", 102, 283, 23_449);
    assertSegment(s, "At Risk", 28, 216, 22_227);
    assertSegment(s, "Can't Lose Them", 47, 274, 32_446);
    assertSegment(s, "Champions", 35, 316, 31_646);
    assertSegment(s, "Lost", 148, 393, 35_324);
    assertSegment(s, "Loyal Customers", 170, 799, 76_562);
    assertSegment(s, "Need Attention", 10, 57, 4_562);
    assertSegment(s, "New Customers", 104, 329, 28_837);
    assertSegment(s, "Potential Loyalist", 342, 2_211, 204_856);
    assertSegment(s, "Promising", 9, 28, 4_249);
    // the ten segments above hold all 995 customers, so none is left over
    assertSegment(s, "Others", 0, 0, 0);
    assertEquals(11, s.rows().size());
  }

  private static void assertSegment(SegmentSummary s, String name, int customers, long orders,
      double revenue) {
    SegmentSummary.Row row = s.row(name);
    assertEquals(customers, row.customers(), name);
    assertEquals(orders, row.orders(), name);
    assertEquals(revenue, row.revenue(), 1e-9, name);
  }

  @Test
  void explicitCutsAtRsThresholdsGiveRsCounts() {
    // R rfm accepts custom thresholds (recency_bins = c(...)) binned the same way, [lower, upper):
    // the interior thresholds of ORACLES.md must reproduce its score counts (exact)
    RfmTable given = RfmScorer.builder()
        .recencyCuts(115, 181, 297.4, 482)
        .frequencyCuts(4, 5, 6, 8)
        .monetaryCuts(255.8, 382, 506.4, 666)
        .build().score(RfmData.log(), RfmData.ANALYSIS_DATE);
    assertEquals(5, given.bins());
    assertArrayEquals(new int[] {197, 200, 199, 199, 200}, given.recencyBins().scoreCounts());
    assertArrayEquals(new int[] {268, 187, 176, 244, 120}, given.frequencyBins().scoreCounts());
    assertArrayEquals(new int[] {200, 200, 198, 202, 195}, given.monetaryBins().scoreCounts());
    assertEquals(ScoreBins.Method.GIVEN, given.recencyBins().method());
    assertEquals(Double.NEGATIVE_INFINITY, given.recencyBins().lowerBounds()[0]);
  }

  @Test
  void javadocExamplesRun() {
    // RfmScorer's class Javadoc: the explicit builder spells out the defaults, so it must give
    // the R rfm results; package-info: defaults, vignette map, summary
    RfmScorer scorer = RfmScorer.builder().bins(5).ties(Ties.KEEP_TOGETHER)
        .monetary(Monetary.TOTAL).build();
    RfmTable t = scorer.score(RfmData.log(), LocalDate.of(2006, 12, 31));
    Segmentation s = t.segment(SegmentMap.rfmVignette());
    SegmentSummary summary = s.summary();
    // ORACLES.md RFM: score counts and the Potential Loyalist segment (exact)
    assertArrayEquals(new int[] {197, 200, 199, 199, 200}, t.recencyBins().scoreCounts());
    assertEquals(342, summary.row("Potential Loyalist").customers());
    TableAssertions.assertSameTable(table, t);
  }

  @Test
  void shuffledRowsGiveTheSameTable() {
    // row order of the input must not matter (the log sorts; sums then run in one order)
    RfmTable shuffled = RfmScorer.defaults().score(RfmData.shuffledLog(20_061_231L),
        RfmData.ANALYSIS_DATE);
    TableAssertions.assertSameTable(table, shuffled);
  }
}
