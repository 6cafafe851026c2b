package org.crmkit.core.rfm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * The segment of every customer of an {@link RfmTable} under a {@link SegmentMap}; made by
 * {@link RfmTable#segment(SegmentMap)}.
 *
 * <p>Segments are numbered in the map's precedence order, 0..k−1, and k is the map's "Others"
 * segment of customers that match no segment; it is always counted, possibly with 0 customers.
 * For a high/low map, {@link #cuts()} reports the cut values used. Immutable and thread-safe.
 */
public final class Segmentation {

  private final RfmTable table;
  private final SegmentMap map;
  private final int[] segment;
  private final int[] counts;
  private final Cuts cuts;

  private Segmentation(RfmTable table, SegmentMap map, int[] segment, int[] counts, Cuts cuts) {
    this.table = table;
    this.map = map;
    this.segment = segment;
    this.counts = counts;
    this.cuts = cuts;
  }

  static Segmentation of(RfmTable table, SegmentMap map) {
    int size = table.size();
    int[] segment = new int[size];
    int[] counts = new int[map.segments().size() + 1];
    Cuts cuts = null;
    if (map.cut().isPresent()) {
      Cut cut = map.cut().get();
      cuts = new Cuts(cut, cutOf(table, Dimension.RECENCY, cut),
          cutOf(table, Dimension.FREQUENCY, cut), cutOf(table, Dimension.MONETARY, cut));
      boolean onScores = cut.onScores();
      for (int i = 0; i < size; i++) {
        int r;
        int f;
        int m;
        if (onScores) {
          r = table.recencyScore(i) > cuts.recency() ? 2 : 1;
          f = table.frequencyScore(i) > cuts.frequency() ? 2 : 1;
          m = table.monetaryScore(i) > cuts.monetary() ? 2 : 1;
        } else {
          r = table.recencyDays(i) < cuts.recency() ? 2 : 1;
          f = table.orders(i) > cuts.frequency() ? 2 : 1;
          m = table.monetary(i) > cuts.monetary() ? 2 : 1;
        }
        int k = map.lookup(r, f, m);
        segment[i] = k;
        counts[k]++;
      }
    } else {
      if (map.bins() != table.bins()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "map '%s' is made for %d bins, but the table has %d bins", map.name(), map.bins(),
            table.bins()));
      }
      for (int i = 0; i < size; i++) {
        int k = map.lookup(table.recencyScore(i), table.frequencyScore(i),
            table.monetaryScore(i));
        segment[i] = k;
        counts[k]++;
      }
    }
    return new Segmentation(table, map, segment, counts, cuts);
  }

  private static double cutOf(RfmTable table, Dimension dim, Cut cut) {
    int size = table.size();
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = cut.onScores() ? table.score(i, dim) : switch (dim) {
        case RECENCY -> table.recencyDays(i);
        case FREQUENCY -> table.orders(i);
        case MONETARY -> table.monetary(i);
      };
    }
    if (cut == Cut.MEAN || cut == Cut.SCORE_MEAN) {
      double sum = 0;
      for (double x : v) {
        sum += x;
      }
      return sum / size;
    }
    return Binner.median(v);
  }

  /** The table that was segmented. */
  public RfmTable table() {
    return table;
  }

  /** The map that was applied. */
  public SegmentMap map() {
    return map;
  }

  /** The cut values of a high/low map; empty for a score map. */
  public Optional<Cuts> cuts() {
    return Optional.ofNullable(cuts);
  }

  /** The number of segments, "Others" included: the map's segments + 1. */
  public int segmentCount() {
    return counts.length;
  }

  /** The segment names in precedence order, "Others" last. */
  public List<String> segmentNames() {
    var names = new ArrayList<String>(counts.length);
    for (Segment s : map.segments()) {
      names.add(s.name());
    }
    names.add(map.othersName());
    return List.copyOf(names);
  }

  /** The index of customer {@code i}'s segment (the map's segment count for "Others"). */
  public int segmentIndex(int i) {
    return segment[i];
  }

  /**
   * The RFM table with this segmentation's segment per customer: the columns of
   * {@link RfmTable#toTable()} and a {@code segment} column.
   */
  public org.crmkit.core.table.Table toTable() {
    return table.tableBuilder().strings("segment", this::segmentName).build();
  }

  /** The name of customer {@code i}'s segment. */
  public String segmentName(int i) {
    return nameOf(segment[i]);
  }

  /**
   * The name of a customer's segment, by id.
   *
   * @throws IllegalArgumentException if the table does not hold the customer
   */
  public String segmentOf(String customerId) {
    int i = table.indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' is not in the table");
    }
    return segmentName(i);
  }

  private String nameOf(int k) {
    return k == map.segments().size() ? map.othersName() : map.segments().get(k).name();
  }

  private String labelOf(int k) {
    return k == map.segments().size() ? map.othersLabel() : map.segments().get(k).label();
  }

  private int indexOfSegment(String name) {
    Checks.notNull("segment", name);
    for (int k = 0; k < counts.length; k++) {
      if (nameOf(k).equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "segment '" + name + "' is not in map '" + map.name() + "': " + segmentNames());
  }

  /** Customers per segment, in precedence order, "Others" last. */
  public int[] counts() {
    return counts.clone();
  }

  /**
   * The number of customers in a segment.
   *
   * @throws IllegalArgumentException if the map has no segment of that name
   */
  public int count(String segmentName) {
    return counts[indexOfSegment(segmentName)];
  }

  /** The ids of the customers in a segment, ascending. */
  public String[] customersIn(String segmentName) {
    int k = indexOfSegment(segmentName);
    String[] out = new String[counts[k]];
    int j = 0;
    for (int i = 0; i < segment.length; i++) {
      if (segment[i] == k) {
        out[j++] = table.customerId(i);
      }
    }
    return out;
  }

  /** Customers, orders, revenue, AOV and shares per segment. */
  public SegmentSummary summary() {
    int k = counts.length;
    long[] orders = new long[k];
    double[] revenue = new double[k];
    for (int i = 0; i < segment.length; i++) {
      orders[segment[i]] += table.orders(i);
      revenue[segment[i]] += table.revenue(i);
    }
    double total = table.totalRevenue();
    var rows = new ArrayList<SegmentSummary.Row>(k);
    for (int s = 0; s < k; s++) {
      rows.add(new SegmentSummary.Row(nameOf(s), labelOf(s), counts[s], orders[s], revenue[s],
          orders[s] == 0 ? 0 : revenue[s] / orders[s],
          segment.length == 0 ? 0 : (double) counts[s] / segment.length,
          total == 0 ? 0 : revenue[s] / total));
    }
    return new SegmentSummary(map.name(), rows, segment.length, table.totalOrders(), total);
  }

  /** The {@linkplain #summary() summary} table (and the cuts of a high/low map). */
  @Override
  public String toString() {
    String s = summary().toString();
    if (cuts == null) {
      return s;
    }
    return s + String.format(Locale.ROOT, "%n  cuts (%s): recency %s, orders %s, monetary %s",
        cuts.cut().name().toLowerCase(Locale.ROOT).replace('_', ' '), Fmt.num(cuts.recency()),
        Fmt.num(cuts.frequency()), Fmt.num(cuts.monetary()));
  }

  /**
   * The cut values of a high/low map: means or medians of the raw values or of the scores.
   *
   * @param cut the rule
   * @param recency the recency cut (days, or score); fewer days / higher scores are "high"
   * @param frequency the orders (or score) cut; above it is "high"
   * @param monetary the monetary (or score) cut; above it is "high"
   */
  public record Cuts(Cut cut, double recency, double frequency, double monetary) {}
}
