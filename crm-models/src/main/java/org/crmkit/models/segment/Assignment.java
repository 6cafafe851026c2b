package org.crmkit.models.segment;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * New customers assigned to existing segments by {@link Clusters#assign(FeatureTable)}: per
 * customer the segment (or {@link Clusters#NOISE}) and the Euclidean distance, in the scaled
 * space, to that segment's centroid (for noise: to the nearest centroid).
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class Assignment {

  private final String[] ids;
  private final int[] segments;
  private final double[] distances;

  Assignment(String[] ids, int[] segments, double[] distances) {
    this.ids = ids;
    this.segments = segments;
    this.distances = distances;
  }

  /** The number of customers. */
  public int size() {
    return ids.length;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** The segment of customer {@code i}. */
  public int segment(int i) {
    return segments[i];
  }

  /** The distance of customer {@code i} to the centroid of its segment. */
  public double distance(int i) {
    return distances[i];
  }

  /** A copy of the segments, in row order. */
  public int[] segments() {
    return segments.clone();
  }

  /** A copy of the distances, in row order. */
  public double[] distances() {
    return distances.clone();
  }

  /** customer, segment, distance. */
  public Table toTable() {
    return ColumnTable.builder(ids.length).strings("customer", ids).longs("segment", segments)
        .doubles("distance", distances).build();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Assignment: %s customers%n%s", Fmt.count(size()),
        toTable().format(Fmt.MAX_ROWS));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Assignment a && Arrays.equals(ids, a.ids)
        && Arrays.equals(segments, a.segments) && Arrays.equals(distances, a.distances);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(segments);
  }
}
