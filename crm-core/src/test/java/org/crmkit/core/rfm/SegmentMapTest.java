package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segment maps as data: built-in maps, the validator, precedence. */
class SegmentMapTest {

  /**
   * The R×F grid as the issue states it (R rows 1..5, F columns 1..5): hibernating [1-2][1-2],
   * at risk [1-2][3-4], can't lose [1-2]5, about to sleep 3[1-2], need attention 33, loyal
   * [3-4][4-5], promising 41, new 51, potential loyalist [4-5][2-3], champions 5[4-5].
   */
  private static final String[] GRID = {
      "HHAAC",
      "HHAAC",
      "SSNLL",
      "PQQLL",
      "WQQXX"};

  private static final Map<Character, String> GRID_NAMES = Map.of(
      'H', "Hibernating", 'A', "At Risk", 'C', "Can't Lose Them", 'S', "About To Sleep",
      'N', "Need Attention", 'L', "Loyal Customers", 'P', "Promising", 'W', "New Customers",
      'Q', "Potential Loyalists", 'X', "Champions");

  @Test
  void rfGridIsTheIssuesGridAndIgnoresMonetary() {
    SegmentMap grid = SegmentMap.rfGrid();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        String expected = GRID_NAMES.get(GRID[r - 1].charAt(f - 1));
        for (int m = 1; m <= 5; m++) {
          assertEquals(expected, grid.segmentName(r, f, m), "R" + r + " F" + f + " M" + m);
        }
      }
    }
  }

  @Test
  void rfGridPartitionsTheCube() {
    MapCoverage c = SegmentMap.rfGrid().validate();
    assertTrue(c.isPartition(), c::toString);
    assertEquals(125, c.cells());
    assertTrue(c.unreachable().isEmpty());
  }

  @Test
  void highLowPartitionsTheTwoLevelCube() {
    MapCoverage c = SegmentMap.highLow(Cut.MEDIAN).validate();
    assertTrue(c.isPartition(), c::toString);
    assertEquals(8, c.cells());
    assertEquals("important develop", SegmentMap.highLow(Cut.MEAN).segmentName(2, 1, 2));
    assertEquals("重要发展客户", SegmentMap.highLow(Cut.MEAN).segments().get(1).label());
  }

  @Test
  void vignetteMapHasGapsThatGoToOthers() {
    // R2 F1 M5: About To Sleep stops at M4, At Risk starts at F2, Lost is R1 only; no other
    // vignette segment allows R2 with F1 (worked out by hand from ORACLES.md's ranges)
    MapCoverage c = SegmentMap.rfmVignette().validate();
    assertTrue(c.gaps().contains(new MapCoverage.Cell(2, 1, 5)), c::toString);
    assertEquals(SegmentMap.OTHERS, SegmentMap.rfmVignette().segmentName(2, 1, 5));
    // first match wins: R5 F5 M5 is in Champions and Potential Loyalist; Champions comes first
    assertEquals("Champions", SegmentMap.rfmVignette().segmentName(5, 5, 5));
    assertTrue(c.overlaps().contains(new MapCoverage.Overlap(new MapCoverage.Cell(5, 5, 5),
        List.of("Champions", "Potential Loyalist"))), c::toString);
  }

  /**
   * The widely copied "11-segment" table (R rfm 0.2.x vignette and many blog posts), R/F/M
   * inclusive ranges, "&lt;= k" written as 1-k. Applied in order, 4 segments never receive a
   * customer (ORACLES.md, RFM): New Customers and Promising lie inside Potential Loyalist,
   * Can't Lose Them inside At Risk, Lost inside Hibernating.
   */
  static SegmentMap elevenSegments() {
    return SegmentMap.of("11-segment table", 5,
        Segment.of("Champions", "Champions", 4, 5, 4, 5, 4, 5),
        Segment.of("Loyal Customers", "Loyal Customers", 2, 5, 3, 5, 3, 5),
        Segment.of("Potential Loyalist", "Potential Loyalist", 3, 5, 1, 3, 1, 3),
        Segment.of("New Customers", "New Customers", 4, 5, 1, 1, 1, 1),
        Segment.of("Promising", "Promising", 3, 4, 1, 1, 1, 1),
        Segment.of("Need Attention", "Need Attention", 2, 3, 2, 3, 2, 3),
        Segment.of("About To Sleep", "About To Sleep", 2, 3, 1, 2, 1, 2),
        Segment.of("At Risk", "At Risk", 1, 2, 2, 5, 2, 5),
        Segment.of("Can't Lose Them", "Can't Lose Them", 1, 1, 4, 5, 4, 5),
        Segment.of("Hibernating", "Hibernating", 1, 2, 1, 2, 1, 2),
        Segment.of("Lost", "Lost", 1, 1, 1, 1, 1, 1));
  }

  @Test
  void elevenSegmentTableOverlapsAndStarvesFourSegments() {
    MapCoverage c = elevenSegments().validate();
    assertFalse(c.isPartition());
    assertFalse(c.overlaps().isEmpty());
    // ORACLES.md: 4 of its segments never receive a customer
    assertEquals(List.of("New Customers", "Promising", "Can't Lose Them", "Lost"),
        c.unreachable());
    // and on the R rfm data they indeed receive none
    RfmTable t = RfmScorer.defaults().score(RfmData.log(), RfmData.ANALYSIS_DATE);
    Segmentation s = t.segment(elevenSegments());
    for (String name : c.unreachable()) {
      assertEquals(0, s.count(name), name);
    }
    assertEquals(995, java.util.Arrays.stream(s.counts()).sum());
  }

  @Test
  void validatorReportsOverlapsAndGapsOfASmallMap() {
    // A covers R1-2 F1, B covers R2 F1-2: R2 F1 is in both (A wins), R1 F2 in neither
    SegmentMap map = SegmentMap.of("small", 2,
        Segment.of("A", "A", 1, 2, 1, 1, 1, 2),
        Segment.of("B", "B", 2, 2, 1, 2, 1, 2));
    MapCoverage c = map.validate();
    assertEquals(List.of(new MapCoverage.Cell(1, 2, 1), new MapCoverage.Cell(1, 2, 2)),
        c.gaps());
    assertEquals(List.of(
        new MapCoverage.Overlap(new MapCoverage.Cell(2, 1, 1), List.of("A", "B")),
        new MapCoverage.Overlap(new MapCoverage.Cell(2, 1, 2), List.of("A", "B"))),
        c.overlaps());
    assertEquals("""
        Coverage of 'small' over 8 cells: not a partition, 2 gaps, 2 overlaps, 0 unreachable \
        segments
          gap      R1 F2 M1
          gap      R1 F2 M2
          overlap  R2 F1 M1: A > B
          overlap  R2 F1 M2: A > B""", c.toString());
    assertEquals("A", map.segmentName(2, 1, 1));
    assertEquals("Others", map.segmentName(1, 2, 2));
    assertEquals("none", map.withOthers("none", "unassigned").segmentName(1, 2, 2));
  }

  @Test
  void badMapsAreRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> SegmentMap.of("m", 3,
        Segment.of("A", "A", 1, 4, 1, 3, 1, 3)));
    assertEquals("map 'm', segment 'A': recency range 1-4 goes beyond 3, the number of bins",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentMap.of("m", 3,
        Segment.of("A", "A", 1, 1, 1, 1, 1, 1), Segment.of("A", "B", 2, 2, 2, 2, 2, 2)));
    assertTrue(e.getMessage().contains("segment name 'A' is used twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentMap.of("m", 3,
        Segment.of("Others", "x", 1, 1, 1, 1, 1, 1)));
    assertTrue(e.getMessage().contains("segment name 'Others' is used twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentMap.of("m", 3, List.of()));
    assertEquals("map 'm': segments must not be empty", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ScoreRange.of(3, 2));
    assertEquals("score range max must be >= min (3): 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SegmentMap.rfGrid().segmentIndex(6, 1, 1));
    assertEquals("recency score must be in [1, 5]: 6", e.getMessage());
  }
}
