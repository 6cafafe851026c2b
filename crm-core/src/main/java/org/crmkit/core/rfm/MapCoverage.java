package org.crmkit.core.rfm;

import java.util.List;
import java.util.Locale;

/**
 * How a {@link SegmentMap} covers its n×n×n score cube; made by {@link SegmentMap#validate()}.
 *
 * @param map the map's name
 * @param bins the number of score levels n
 * @param gaps cells no segment matches (their customers go to "Others")
 * @param overlaps cells several segments match, with the matching segments in precedence order
 *     (the first one wins)
 * @param unreachable segments that win no cell, so never receive a customer
 */
public record MapCoverage(String map, int bins, List<Cell> gaps, List<Overlap> overlaps,
    List<String> unreachable) {

  /** Copies the lists. */
  public MapCoverage {
    gaps = List.copyOf(gaps);
    overlaps = List.copyOf(overlaps);
    unreachable = List.copyOf(unreachable);
  }

  /** True when every cell is matched by exactly one segment. */
  public boolean isPartition() {
    return gaps.isEmpty() && overlaps.isEmpty();
  }

  /** The number of cells, n³. */
  public int cells() {
    return bins * bins * bins;
  }

  /**
   * One cell of the score cube.
   *
   * @param recency the recency score
   * @param frequency the frequency score
   * @param monetary the monetary score
   */
  public record Cell(int recency, int frequency, int monetary) {
    /** "R3 F2 M1". */
    @Override
    public String toString() {
      return "R" + recency + " F" + frequency + " M" + monetary;
    }
  }

  /**
   * A cell matched by several segments.
   *
   * @param cell the cell
   * @param segments the matching segments in precedence order; the first one wins
   */
  public record Overlap(Cell cell, List<String> segments) {
    /** Copies the list. */
    public Overlap {
      segments = List.copyOf(segments);
    }
  }

  /** Counts, then up to 20 gaps and 20 overlaps. */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Coverage of '%s' over %d cells: %s, %d gaps, %d overlaps, %d unreachable segments%n",
        map, cells(), isPartition() ? "a partition" : "not a partition", gaps.size(),
        overlaps.size(), unreachable.size()));
    if (!unreachable.isEmpty()) {
      sb.append("  unreachable: ").append(String.join(", ", unreachable)).append('\n');
    }
    for (int i = 0; i < Math.min(gaps.size(), Fmt.MAX_ROWS); i++) {
      sb.append("  gap      ").append(gaps.get(i)).append('\n');
    }
    if (gaps.size() > Fmt.MAX_ROWS) {
      sb.append(Fmt.more(gaps.size() - Fmt.MAX_ROWS));
    }
    for (int i = 0; i < Math.min(overlaps.size(), Fmt.MAX_ROWS); i++) {
      Overlap o = overlaps.get(i);
      sb.append("  overlap  ").append(o.cell()).append(": ")
          .append(String.join(" > ", o.segments())).append('\n');
    }
    if (overlaps.size() > Fmt.MAX_ROWS) {
      sb.append(Fmt.more(overlaps.size() - Fmt.MAX_ROWS));
    }
    return sb.toString().stripTrailing();
  }
}
