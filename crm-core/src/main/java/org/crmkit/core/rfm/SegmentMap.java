package org.crmkit.core.rfm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * Named segments over the RFM score cube, as data: each {@link Segment} is a name, a label and
 * inclusive score ranges for R, F and M.
 *
 * <p><b>Precedence: first match wins.</b> A customer belongs to the first segment, in list order,
 * whose three ranges contain its scores. A customer that matches none goes to the map's
 * "Others" segment ({@link #othersName()}), which every {@link Segmentation} counts and every
 * summary lists, so no customer is dropped. {@link #validate()} reports the cells of the
 * n×n×n cube that several segments match (overlaps), that none matches (gaps), and segments
 * that never win a cell.
 *
 * <p>Two kinds of maps: <b>score maps</b> ({@link #of(String, int, List)}, {@link #rfGrid()},
 * {@link #rfmVignette()}) match the table's scores 1..n; <b>high/low maps</b>
 * ({@link #highLow(Cut)}) first turn each dimension into low (1) or high (2) against a
 * {@link Cut}, then match those over the 2×2×2 cube. Immutable and thread-safe.
 */
public final class SegmentMap {

  /** The default name of the segment of customers that match no segment. */
  public static final String OTHERS = "Others";

  private final String name;
  private final int bins;
  private final List<Segment> segments;
  private final Cut cut;
  private final String othersName;
  private final String othersLabel;
  private final int[] cube;

  private SegmentMap(String name, int bins, List<Segment> segments, Cut cut, String othersName,
      String othersLabel) {
    this.name = Checks.notBlank("name", name);
    this.bins = Checks.inRange("bins", bins, 1, RfmScorer.MAX_BINS);
    Checks.notNull("segments", segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("map '" + name + "': segments must not be empty");
    }
    this.segments = List.copyOf(segments);
    this.cut = cut;
    this.othersName = Checks.notBlank("othersName", othersName);
    this.othersLabel = Checks.notBlank("othersLabel", othersLabel);
    var names = new HashSet<String>();
    names.add(othersName);
    for (Segment s : this.segments) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("map '" + name + "': segment name '" + s.name()
            + "' is used twice (the unmatched segment is '" + othersName + "')");
      }
      checkRange(s, "recency", s.recency());
      checkRange(s, "frequency", s.frequency());
      checkRange(s, "monetary", s.monetary());
    }
    this.cube = new int[bins * bins * bins];
    for (int r = 1; r <= bins; r++) {
      for (int f = 1; f <= bins; f++) {
        for (int m = 1; m <= bins; m++) {
          cube[cell(r, f, m)] = firstMatch(r, f, m);
        }
      }
    }
  }

  private void checkRange(Segment s, String dim, ScoreRange range) {
    if (range.max() > bins) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "map '%s', segment '%s': %s range %s goes beyond %d, the number of %s", name,
          s.name(), dim, range, bins, cut == null ? "bins" : "levels (1 = low, 2 = high)"));
    }
  }

  private int firstMatch(int r, int f, int m) {
    for (int k = 0; k < segments.size(); k++) {
      if (segments.get(k).matches(r, f, m)) {
        return k;
      }
    }
    return segments.size();
  }

  /**
   * A user-defined score map for tables with {@code bins} bins; first match wins.
   *
   * @throws IllegalArgumentException if the list is empty, names repeat (or equal
   *     {@value #OTHERS}), or a range goes beyond {@code bins}
   */
  public static SegmentMap of(String name, int bins, List<Segment> segments) {
    return new SegmentMap(name, bins, segments, null, OTHERS, OTHERS);
  }

  /** A user-defined score map; see {@link #of(String, int, List)}. */
  public static SegmentMap of(String name, int bins, Segment... segments) {
    return of(name, bins, List.of(Checks.notNull("segments", segments)));
  }

  /**
   * A user-defined high/low map: ranges are over 1 = low and 2 = high (recency high = recent),
   * against {@code cut}; first match wins.
   */
  public static SegmentMap highLow(String name, Cut cut, List<Segment> segments) {
    return new SegmentMap(name, 2, segments, Checks.notNull("cut", cut), OTHERS, OTHERS);
  }

  /**
   * The 10-cell R×F grid (the default map): it ignores M and partitions the 5×5 grid of R and F
   * scores. Cells, R then F: Hibernating [1-2][1-2], At Risk [1-2][3-4], Can't Lose Them [1-2]5,
   * About To Sleep 3[1-2], Need Attention 33, Loyal Customers [3-4][4-5], Promising 41,
   * New Customers 51, Potential Loyalists [4-5][2-3], Champions 5[4-5]. For 5-bin tables.
   */
  public static SegmentMap rfGrid() {
    return of("R×F grid", 5, List.of(
        Segment.of("Champions", "recent and frequent", 5, 5, 4, 5, 1, 5),
        Segment.of("Loyal Customers", "frequent, fairly recent", 3, 4, 4, 5, 1, 5),
        Segment.of("Potential Loyalists", "recent, a few orders", 4, 5, 2, 3, 1, 5),
        Segment.of("New Customers", "very recent, one-off so far", 5, 5, 1, 1, 1, 5),
        Segment.of("Promising", "recent, one-off so far", 4, 4, 1, 1, 1, 5),
        Segment.of("Need Attention", "middling recency and frequency", 3, 3, 3, 3, 1, 5),
        Segment.of("About To Sleep", "middling recency, few orders", 3, 3, 1, 2, 1, 5),
        Segment.of("Can't Lose Them", "most frequent, long gone", 1, 2, 5, 5, 1, 5),
        Segment.of("At Risk", "frequent, long gone", 1, 2, 3, 4, 1, 5),
        Segment.of("Hibernating", "few orders, long gone", 1, 2, 1, 2, 1, 5)));
  }

  /**
   * The 10-segment R/F/M map of the R rfm package's vignette (rfm 0.3.0), in its order, first
   * match wins; R/F/M inclusive ranges: Champions 5/5/5; Potential Loyalist 3-5/3-5/2-5; Loyal
   * Customers 2-4/2-4/2-4; Promising 3-4/1-3/3-5; New Customers 4-5/1-3/1-5; Can't Lose Them
   * 1-2/3-4/4-5; At Risk 1-2/2-5/4-5; Need Attention 1-3/3-5/3-5; About To Sleep 2-3/1-3/1-4;
   * Lost 1/1-5/1-5. Unmatched customers go to "Others". For 5-bin tables.
   */
  public static SegmentMap rfmVignette() {
    return of("rfm vignette", 5, List.of(
        Segment.of("Champions", "top scores on all three", 5, 5, 5, 5, 5, 5),
        Segment.of("Potential Loyalist", "recent, repeat buyers, spend well", 3, 5, 3, 5, 2, 5),
        Segment.of("Loyal Customers", "steady middle scores", 2, 4, 2, 4, 2, 4),
        Segment.of("Promising", "recent, few orders, spend well", 3, 4, 1, 3, 3, 5),
        Segment.of("New Customers", "recent, few orders", 4, 5, 1, 3, 1, 5),
        Segment.of("Can't Lose Them", "big spenders, long gone", 1, 2, 3, 4, 4, 5),
        Segment.of("At Risk", "spent well, long gone", 1, 2, 2, 5, 4, 5),
        Segment.of("Need Attention", "fading repeat buyers", 1, 3, 3, 5, 3, 5),
        Segment.of("About To Sleep", "fading, few orders", 2, 3, 1, 3, 1, 4),
        Segment.of("Lost", "least recent", 1, 1, 1, 5, 1, 5)));
  }

  /**
   * The 8-class high/low map of Chinese CRM practice (RFM 客户价值分类): each of R, F, M is high
   * or low against {@code cut}, where high recency means recent. English names, Chinese labels:
   * <ul>
   *   <li>important value 重要价值客户: R high, F high, M high</li>
   *   <li>important develop 重要发展客户: R high, F low, M high</li>
   *   <li>important retain 重要保持客户: R low, F high, M high</li>
   *   <li>important win-back 重要挽留客户: R low, F low, M high</li>
   *   <li>general value 一般价值客户: R high, F high, M low</li>
   *   <li>general develop 一般发展客户: R high, F low, M low</li>
   *   <li>general retain 一般保持客户: R low, F high, M low</li>
   *   <li>general win-back 一般挽留客户: R low, F low, M low</li>
   * </ul>
   * The eight classes partition the 2×2×2 cube, so no customer is unassigned.
   */
  public static SegmentMap highLow(Cut cut) {
    Checks.notNull("cut", cut);
    return highLow("high/low (" + cut.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")",
        cut, List.of(
            Segment.of("important value", "重要价值客户", 2, 2, 2, 2, 2, 2),
            Segment.of("important develop", "重要发展客户", 2, 2, 1, 1, 2, 2),
            Segment.of("important retain", "重要保持客户", 1, 1, 2, 2, 2, 2),
            Segment.of("important win-back", "重要挽留客户", 1, 1, 1, 1, 2, 2),
            Segment.of("general value", "一般价值客户", 2, 2, 2, 2, 1, 1),
            Segment.of("general develop", "一般发展客户", 2, 2, 1, 1, 1, 1),
            Segment.of("general retain", "一般保持客户", 1, 1, 2, 2, 1, 1),
            Segment.of("general win-back", "一般挽留客户", 1, 1, 1, 1, 1, 1)));
  }

  /** A copy whose unmatched segment has this name and label. */
  public SegmentMap withOthers(String othersName, String othersLabel) {
    return new SegmentMap(name, bins, segments, cut, othersName, othersLabel);
  }

  /** The map's name. */
  public String name() {
    return name;
  }

  /** The number of score levels per dimension: the table's bins, or 2 for a high/low map. */
  public int bins() {
    return bins;
  }

  /** The segments in precedence order. */
  public List<Segment> segments() {
    return segments;
  }

  /** The cut of a high/low map; empty for a score map. */
  public Optional<Cut> cut() {
    return Optional.ofNullable(cut);
  }

  /** The name of the segment of unmatched customers (default {@value #OTHERS}). */
  public String othersName() {
    return othersName;
  }

  /** The label of the segment of unmatched customers. */
  public String othersLabel() {
    return othersLabel;
  }

  /**
   * The index of the segment that receives scores (r, f, m): the first match in list order, or
   * {@code segments().size()} for "Others".
   *
   * @throws IllegalArgumentException if a score is outside 1..{@link #bins()}
   */
  public int segmentIndex(int r, int f, int m) {
    Checks.inRange("recency score", r, 1, bins);
    Checks.inRange("frequency score", f, 1, bins);
    Checks.inRange("monetary score", m, 1, bins);
    return cube[cell(r, f, m)];
  }

  /** The name of the segment that receives scores (r, f, m). */
  public String segmentName(int r, int f, int m) {
    int k = segmentIndex(r, f, m);
    return k == segments.size() ? othersName : segments.get(k).name();
  }

  /** Unchecked lookup for scores known to be in range. */
  int lookup(int r, int f, int m) {
    return cube[cell(r, f, m)];
  }

  private int cell(int r, int f, int m) {
    return ((r - 1) * bins + (f - 1)) * bins + (m - 1);
  }

  /**
   * Checks the map over every cell of the n×n×n score cube: which cells several segments match
   * (overlaps: harmless for the first, but the later segments lose those cells), which no segment
   * matches (gaps: they go to "Others"), and which segments win no cell at all.
   */
  public MapCoverage validate() {
    var gaps = new ArrayList<MapCoverage.Cell>();
    var overlaps = new ArrayList<MapCoverage.Overlap>();
    boolean[] wins = new boolean[segments.size() + 1];
    for (int r = 1; r <= bins; r++) {
      for (int f = 1; f <= bins; f++) {
        for (int m = 1; m <= bins; m++) {
          wins[cube[cell(r, f, m)]] = true;
          var matched = new ArrayList<String>(2);
          for (Segment s : segments) {
            if (s.matches(r, f, m)) {
              matched.add(s.name());
            }
          }
          if (matched.isEmpty()) {
            gaps.add(new MapCoverage.Cell(r, f, m));
          } else if (matched.size() > 1) {
            overlaps.add(new MapCoverage.Overlap(new MapCoverage.Cell(r, f, m), matched));
          }
        }
      }
    }
    var unreachable = new ArrayList<String>();
    for (int k = 0; k < segments.size(); k++) {
      if (!wins[k]) {
        unreachable.add(segments.get(k).name());
      }
    }
    return new MapCoverage(name, bins, gaps, overlaps, unreachable);
  }

  /** The segments with their ranges, in precedence order. */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "SegmentMap '%s': %d segments, %s, first match wins%n",
        name, segments.size(), cut == null ? bins + " bins"
            : "high/low against the " + cut.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " (1 = low, 2 = high)"));
    int w = othersName.length();
    for (Segment s : segments) {
      w = Math.max(w, Math.min(24, s.name().length()));
    }
    String fmt = "  %-" + w + "s %5s %5s %5s  %s%n";
    sb.append(String.format(Locale.ROOT, fmt, "segment", "R", "F", "M", "label"));
    int shown = Math.min(segments.size(), Fmt.MAX_ROWS);
    for (int k = 0; k < shown; k++) {
      Segment s = segments.get(k);
      sb.append(String.format(Locale.ROOT, fmt, Fmt.clip(s.name(), 24), s.recency(),
          s.frequency(), s.monetary(), s.label()));
    }
    if (segments.size() > shown) {
      sb.append(Fmt.more(segments.size() - shown));
    }
    sb.append(String.format(Locale.ROOT, fmt, othersName, "", "", "", "(no match) "
        + (othersLabel.equals(othersName) ? "" : othersLabel)).stripTrailing());
    return sb.toString().stripTrailing();
  }
}
