package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A partition of customers into segments 0..k−1 (and −1 for noise, from DBSCAN), made by a
 * {@link Clusterer} or given by the caller ({@link #of(FeatureTable, int[])}).
 *
 * <p>Segments are numbered by decreasing size (ties: the segment whose first customer comes first),
 * whatever numbers the algorithm used, so the numbering is reproducible. Every segment has at
 * least one customer. The centroid of a segment is the mean of its customers' features, in the
 * space of the table the clustering was made on (usually scaled); noise customers belong to no
 * centroid. Inertia is Σ ‖x − centroid(x)‖² over the customers in segments.
 *
 * <p>{@link #assign(FeatureTable)} puts new customers (scaled the same way) into these segments:
 * by the nearest centroid for k-means, G-means, hierarchical clustering and given labels;
 * by the largest posterior probability for a Gaussian mixture; by DBSCAN's rule for DBSCAN (the
 * segment of the nearest core customer within the radius, otherwise noise).
 *
 * <p>Immutable and thread-safe; arrays are copied in and out.
 */
public final class Clusters {

  /** The segment number of customers that DBSCAN leaves in no segment. */
  public static final int NOISE = -1;

  /** How new points are assigned. */
  interface Assigner {
    /** The segment of scaled point {@code x} (length d), or {@link #NOISE}. */
    int assign(double[] x);
  }

  private final String method;
  private final String[] ids;
  private final List<String> columns;
  private final int[] labels;
  private final int k;
  private final int[] sizes;
  private final int noise;
  private final double[] centroids;
  private final double inertia;
  private final Long seed;
  private final List<String> notes;
  private final Assigner assigner;

  private Clusters(String method, String[] ids, List<String> columns, int[] labels, int k,
      int[] sizes, int noise, double[] centroids, double inertia, Long seed, List<String> notes,
      Assigner assigner) {
    this.method = method;
    this.ids = ids;
    this.columns = columns;
    this.labels = labels;
    this.k = k;
    this.sizes = sizes;
    this.noise = noise;
    this.centroids = centroids;
    this.inertia = inertia;
    this.seed = seed;
    this.notes = List.copyOf(notes);
    this.assigner = assigner;
  }

  /**
   * Segments given by the caller (for example RFM segments, or labels from another tool), to
   * compute validity indices and profiles, and to assign new customers by the nearest centroid.
   * Segment numbers are kept as given.
   *
   * @param features the customers, in the order of {@code labels}
   * @param labels 0..k−1 per customer, or {@link #NOISE}; every segment 0..k−1 must be used
   * @throws IllegalArgumentException if the length differs, a label is below −1, or a segment
   *     number 0..max is unused (an empty segment)
   */
  public static Clusters of(FeatureTable features, int[] labels) {
    Checks.notNull("features", features);
    Checks.notNull("labels", labels);
    return build("given labels", features, labels.clone(), false, null, List.of(), null);
  }

  /**
   * Builds the result, checking the labels; renumbers by size when {@code renumber}.
   *
   * @param assigner null for the nearest centroid
   */
  static Clusters build(String method, FeatureTable features, int[] labels, boolean renumber,
      Long seed, List<String> notes, Assigner assigner) {
    int n = features.size();
    if (labels.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d labels for %d customers", labels.length, n));
    }
    int max = -1;
    for (int i = 0; i < n; i++) {
      if (labels[i] < NOISE) {
        throw Checks.badRow(i + 1, features.customerId(i), "segment",
            "must be >= 0, or -1 for noise: " + labels[i]);
      }
      max = Math.max(max, labels[i]);
    }
    if (max < 0) {
      throw new IllegalArgumentException("every customer is noise: there is no segment");
    }
    int k = max + 1;
    int[] sizes = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, -1);
    int noise = 0;
    for (int i = 0; i < n; i++) {
      int c = labels[i];
      if (c == NOISE) {
        noise++;
      } else {
        if (sizes[c]++ == 0) {
          first[c] = i;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "segment %d is empty: segments must be numbered 0..%d with at least one customer"
                + " each", c, k - 1));
      }
    }
    if (renumber) {
      renumber(labels, sizes, first);
    }
    int d = features.columnCount();
    double[] data = features.data();
    double[] cent = centroids(data, labels, k, d, sizes);
    double w = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] != NOISE) {
        w += Stats.sq(data, i, cent, labels[i], d);
      }
    }
    return new Clusters(method, features.ids(), features.columns(), labels, k, sizes, noise,
        cent, w, seed, notes, assigner);
  }

  /**
   * Renumbers segments in place by decreasing size (ties: earlier first customer) and returns
   * the map old → new number. Every segment 0..k−1 must be used.
   */
  static int[] renumber(int[] labels, int k) {
    int[] sizes = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, -1);
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      if (c != NOISE && sizes[c]++ == 0) {
        first[c] = i;
      }
    }
    return renumber(labels, sizes, first);
  }

  private static int[] renumber(int[] labels, int[] sizes, int[] first) {
    int k = sizes.length;
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a])
        : Integer.compare(first[a], first[b]));
    int[] newNumber = new int[k];
    for (int c = 0; c < k; c++) {
      newNumber[order[c]] = c;
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != NOISE) {
        labels[i] = newNumber[labels[i]];
      }
    }
    int[] s2 = new int[k];
    int[] f2 = new int[k];
    for (int c = 0; c < k; c++) {
      s2[newNumber[c]] = sizes[c];
      f2[newNumber[c]] = first[c];
    }
    System.arraycopy(s2, 0, sizes, 0, k);
    System.arraycopy(f2, 0, first, 0, k);
    return newNumber;
  }

  /** Means of the members of each segment, k × d row-major. */
  static double[] centroids(double[] data, int[] labels, int k, int d, int[] sizes) {
    double[] c = new double[k * d];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l != NOISE) {
        for (int t = 0; t < d; t++) {
          c[l * d + t] += data[i * d + t];
        }
      }
    }
    for (int l = 0; l < k; l++) {
      for (int t = 0; t < d; t++) {
        c[l * d + t] /= sizes[l];
      }
    }
    return c;
  }

  /** How the segments were made, for example "k-means (k-means++, 10 restarts)". */
  public String method() {
    return method;
  }

  /** The seed of a randomised method, or empty. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** What the caller should know about the fit (restarts discarded, and the like). */
  public List<String> notes() {
    return notes;
  }

  /** The number of segments k (noise is not a segment). */
  public int k() {
    return k;
  }

  /** The number of customers, noise included. */
  public int size() {
    return ids.length;
  }

  /** The feature columns the segments were made on. */
  public List<String> columns() {
    return columns;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** A copy of the customer ids, in row order. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** The segment of customer {@code i} (0..k−1, or {@link #NOISE}). */
  public int segment(int i) {
    return labels[i];
  }

  /** A copy of the segment of every customer, in row order. */
  public int[] segments() {
    return labels.clone();
  }

  /** The number of customers in segment {@code c}. */
  public int segmentSize(int c) {
    return sizes[java.util.Objects.checkIndex(c, k)];
  }

  /** A copy of the segment sizes, by segment number. */
  public int[] segmentSizes() {
    return sizes.clone();
  }

  /** The number of noise customers (DBSCAN; 0 for the other methods). */
  public int noise() {
    return noise;
  }

  /** A copy of segment {@code c}'s centroid (mean of its customers), in column order. */
  public double[] centroid(int c) {
    java.util.Objects.checkIndex(c, k);
    int d = columns.size();
    return Arrays.copyOfRange(centroids, c * d, c * d + d);
  }

  /** Σ over customers in segments of the squared Euclidean distance to their centroid. */
  public double inertia() {
    return inertia;
  }

  /** The labels; callers must not modify them. */
  int[] labels() {
    return labels;
  }

  /** The centroids, k × d row-major; callers must not modify them. */
  double[] centroidData() {
    return centroids;
  }

  /** The ids; callers must not modify them. */
  String[] ids() {
    return ids;
  }

  /**
   * Assigns customers to these segments (see the class description for the rule). The table
   * must have the same columns, scaled the same way: apply the same {@link FittedScaler}.
   *
   * @throws IllegalArgumentException if the columns differ from {@link #columns()}
   */
  public Assignment assign(FeatureTable features) {
    Checks.notNull("features", features);
    features.requireColumns(columns, "the segmentation");
    int n = features.size();
    int d = columns.size();
    double[] data = features.data();
    int[] seg = new int[n];
    double[] dist = new double[n];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      int nearest = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = Stats.sq(data, i, centroids, c, d);
        if (s < best) {
          best = s;
          nearest = c;
        }
      }
      if (assigner == null) {
        seg[i] = nearest;
        dist[i] = Math.sqrt(best);
      } else {
        System.arraycopy(data, i * d, x, 0, d);
        int c = assigner.assign(x);
        seg[i] = c;
        dist[i] = c == NOISE ? Math.sqrt(best) : Math.sqrt(Stats.sq(data, i, centroids, c, d));
      }
    }
    return new Assignment(features.customerIds(), seg, dist);
  }

  /** One row per customer: customer, segment. */
  public Table toTable() {
    return ColumnTable.builder(ids.length).strings("customer", ids).longs("segment", labels)
        .build();
  }

  /** The method, the sizes and the centroids. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "Clusters: %s%n  %s customers, k = %d%s, inertia %s%n", method, Fmt.count(size()), k,
        noise > 0 ? ", noise " + Fmt.count(noise) : "", Fmt.num(inertia)));
    List<String[]> rows = new ArrayList<>();
    int d = columns.size();
    String[] head = new String[d + 3];
    head[0] = "segment";
    head[1] = "customers";
    head[2] = "share";
    for (int j = 0; j < d; j++) {
      head[3 + j] = Fmt.clip(columns.get(j), 16);
    }
    rows.add(head);
    int shown = Math.min(k, Fmt.MAX_ROWS);
    for (int c = 0; c < shown; c++) {
      String[] r = new String[d + 3];
      r[0] = Integer.toString(c);
      r[1] = Fmt.count(sizes[c]);
      r[2] = Fmt.pct((double) sizes[c] / size());
      for (int j = 0; j < d; j++) {
        r[3 + j] = Fmt.num(centroids[c * d + j]);
      }
      rows.add(r);
    }
    sb.append(Fmt.table(rows, 0));
    if (k > shown) {
      sb.append(Fmt.more(k - shown));
    }
    for (String note : notes) {
      sb.append("  note: ").append(note).append(System.lineSeparator());
    }
    return sb.toString().stripTrailing();
  }
}
