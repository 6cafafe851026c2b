package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * What each segment looks like, in the customers' own units: size, share of customers, share of
 * revenue, the mean and median of every feature, the standardized means, and a suggested
 * plain-language label.
 *
 * <pre>{@code
 * SegmentProfiles p = SegmentProfiles.of(raw, clusters);          // raw = unscaled features
 * SegmentProfiles q = SegmentProfiles.withDefaults().withRevenue("monetary").of(raw, clusters);
 * String label = q.profile(0).label();                            // e.g. "high-value frequent recent"
 * }</pre>
 *
 * <p><b>Standardized mean</b> of feature j in segment c: z_cj = (mean_cj − mean_j) / sd_j, with the
 * mean and population standard deviation over all customers in segments (z = 0 for a constant
 * feature). Profiles use the table they are given, usually the raw features, so means are in
 * dollars and days even when the segments were made on log-scaled features.
 *
 * <p><b>Labels</b> (a suggestion for people, from the standardized means with threshold t = 0.5 by
 * default, {@link Options#withThreshold(double)}). Three roles are looked up by column name
 * (first match; or set with {@link Options#withRoles(String, String, String)}):
 *
 * <ul>
 *   <li>value: {@code monetary}, {@code revenue}, {@code total_spend}, {@code clv}; z ≥ t gives
 *       "high-value", z ≤ −t "low-value";
 *   <li>frequency: {@code orders}, {@code frequency}, {@code x}; z ≥ t "frequent", z ≤ −t
 *       "infrequent";
 *   <li>recency as time since the last purchase (more is worse): {@code recency_days},
 *       {@code since_last_purchase}, {@code recency}; z ≤ −t "recent", z ≥ t "lapsed".
 * </ul>
 *
 * The label joins the words in that order, for example "high-value frequent recent" or
 * "low-value infrequent lapsed"; a segment with no word is "average". When the table has none of
 * the role columns, the label names up to three features with |z| ≥ t, largest first: "high
 * tickets, low tenure". Noise customers (DBSCAN) get a row of their own, segment −1, labelled
 * "noise". Labels may repeat; the numbers tell the segments apart.
 *
 * <p><b>Revenue share</b>: segment revenue / total revenue, from the column named by
 * {@link Options#withRevenue(String)}, or by default the first of {@code revenue},
 * {@code total_spend}; absent when there is none. Immutable.
 */
public final class SegmentProfiles {

  /** The default label threshold, in standard deviations. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final List<String> VALUE = List.of("monetary", "revenue", "total_spend", "clv");
  private static final List<String> FREQUENCY = List.of("orders", "frequency", "x");
  private static final List<String> RECENCY =
      List.of("recency_days", "since_last_purchase", "recency");
  private static final List<String> REVENUE = List.of("revenue", "total_spend");

  private final List<String> columns;
  private final List<Profile> profiles;
  private final String revenueColumn;
  private final int customers;
  private final String method;

  private SegmentProfiles(List<String> columns, List<Profile> profiles, String revenueColumn,
      int customers, String method) {
    this.columns = columns;
    this.profiles = List.copyOf(profiles);
    this.revenueColumn = revenueColumn;
    this.customers = customers;
    this.method = method;
  }

  /** Profiles with the default options. */
  public static SegmentProfiles of(FeatureTable features, Clusters clusters) {
    return withDefaults().of(features, clusters);
  }

  /** The default options, to change with {@code with…}. */
  public static Options withDefaults() {
    return new Options(null, null, null, null, DEFAULT_THRESHOLD);
  }

  /** The profile columns (the features of the table given). */
  public List<String> columns() {
    return columns;
  }

  /** The profiles: segments 0..k−1, then the noise row when there is noise. */
  public List<Profile> profiles() {
    return profiles;
  }

  /**
   * The profile of segment {@code segment} ({@link Clusters#NOISE} for the noise row).
   *
   * @throws IllegalArgumentException if there is no such segment
   */
  public Profile profile(int segment) {
    for (Profile p : profiles) {
      if (p.segment() == segment) {
        return p;
      }
    }
    throw new IllegalArgumentException("no segment " + segment);
  }

  /** The revenue column the shares come from, or null when there is none. */
  public String revenueColumn() {
    return revenueColumn;
  }

  /**
   * One row per segment: segment, label, customers, share, revenue_share (when known), then
   * mean_, median_ and z_ of every feature.
   */
  public Table toTable() {
    int n = profiles.size();
    var b = ColumnTable.builder(n)
        .longs("segment", profiles.stream().mapToInt(Profile::segment).toArray())
        .strings("label", i -> profiles.get(i).label())
        .longs("customers", profiles.stream().mapToInt(Profile::customers).toArray())
        .doubles("share", i -> profiles.get(i).share());
    if (revenueColumn != null) {
      b.doubles("revenue_share", i -> profiles.get(i).revenueShare().orElseThrow());
    }
    for (int j = 0; j < columns.size(); j++) {
      int col = j;
      b.doubles("mean_" + columns.get(j), i -> profiles.get(i).means[col]);
      b.doubles("median_" + columns.get(j), i -> profiles.get(i).medians[col]);
      b.doubles("z_" + columns.get(j), i -> profiles.get(i).z[col]);
    }
    return b.build();
  }

  /** Size, shares, label and the mean of every feature, per segment. */
  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    int d = columns.size();
    boolean rev = revenueColumn != null;
    int fixed = rev ? 5 : 4;
    String[] head = new String[fixed + d];
    head[0] = "segment";
    head[1] = "label";
    head[2] = "customers";
    head[3] = "share";
    if (rev) {
      head[4] = "revenue";
    }
    for (int j = 0; j < d; j++) {
      head[fixed + j] = "mean " + Fmt.clip(columns.get(j), 14);
    }
    rows.add(head);
    for (Profile p : profiles) {
      String[] r = new String[fixed + d];
      r[0] = Integer.toString(p.segment());
      r[1] = p.label();
      r[2] = Fmt.count(p.customers());
      r[3] = Fmt.pct(p.share());
      if (rev) {
        r[4] = Fmt.pct(p.revenueShare().orElseThrow());
      }
      for (int j = 0; j < d; j++) {
        r[fixed + j] = Fmt.num(p.means[j]);
      }
      rows.add(r);
    }
    return String.format(Locale.ROOT, "Segment profiles: %s customers, %s%n%s",
        Fmt.count(customers), method, Fmt.table(rows, 2)).stripTrailing();
  }

  /** Options of the profiles (immutable; {@code with…} returns a copy). */
  public static final class Options {
    private final String revenue;
    private final String value;
    private final String frequency;
    private final String recency;
    private final double threshold;

    private Options(String revenue, String value, String frequency, String recency,
        double threshold) {
      this.revenue = revenue;
      this.value = value;
      this.frequency = frequency;
      this.recency = recency;
      this.threshold = threshold;
    }

    /** Revenue shares from this column of the profile table. */
    public Options withRevenue(String column) {
      return new Options(Checks.notBlank("column", column), value, frequency, recency,
          threshold);
    }

    /**
     * The columns of the three label roles (each may be null for "none"): value (more is
     * better), frequency (more is more frequent) and recency as time since the last purchase
     * (more is worse).
     */
    public Options withRoles(String valueColumn, String frequencyColumn, String recencyColumn) {
      return new Options(revenue, orNone(valueColumn), orNone(frequencyColumn),
          orNone(recencyColumn), threshold);
    }

    private static String orNone(String s) {
      return s == null ? "" : s;
    }

    /** The label threshold in standard deviations (finite, &gt; 0). */
    public Options withThreshold(double threshold) {
      return new Options(revenue, value, frequency, recency,
          Checks.positive("threshold", threshold));
    }

    /**
     * The profiles of {@code clusters} on {@code features} (same customers in the same order,
     * usually unscaled; the columns may differ from those the segments were made on).
     *
     * @throws IllegalArgumentException if the customers differ, a named column is missing, or
     *     the total revenue is not positive
     */
    public SegmentProfiles of(FeatureTable features, Clusters clusters) {
      Checks.notNull("features", features);
      Checks.notNull("clusters", clusters);
      features.requireCustomers(clusters.ids(), "the segmentation");
      List<String> cols = features.columns();
      String revCol = revenue != null ? require(features, revenue, "revenue")
          : first(cols, REVENUE);
      String valCol = role(features, value, VALUE, "value");
      String freqCol = role(features, frequency, FREQUENCY, "frequency");
      String recCol = role(features, recency, RECENCY, "recency");
      int n = features.size();
      int d = cols.size();
      int k = clusters.k();
      int[] labels = clusters.labels();
      double[] data = features.data();
      int in = n - clusters.noise();
      double[] mean = new double[d];
      for (int i = 0; i < n; i++) {
        if (labels[i] != Clusters.NOISE) {
          for (int j = 0; j < d; j++) {
            mean[j] += data[i * d + j];
          }
        }
      }
      for (int j = 0; j < d; j++) {
        mean[j] /= in;
      }
      double[] sd = new double[d];
      for (int i = 0; i < n; i++) {
        if (labels[i] != Clusters.NOISE) {
          for (int j = 0; j < d; j++) {
            double e = data[i * d + j] - mean[j];
            sd[j] += e * e;
          }
        }
      }
      for (int j = 0; j < d; j++) {
        sd[j] = Math.sqrt(sd[j] / in);
      }
      double totalRevenue = 0;
      int rj = revCol == null ? -1 : cols.indexOf(revCol);
      if (rj >= 0) {
        for (int i = 0; i < n; i++) {
          totalRevenue += data[i * d + rj];
        }
        if (!(totalRevenue > 0)) {
          throw new IllegalArgumentException("the total of revenue column '" + revCol
              + "' must be > 0 for revenue shares: " + Checks.format(totalRevenue));
        }
      }
      boolean anyRole = valCol != null || freqCol != null || recCol != null;
      List<Profile> out = new ArrayList<>();
      int groups = clusters.noise() > 0 ? k + 1 : k;
      for (int g = 0; g < groups; g++) {
        int seg = g < k ? g : Clusters.NOISE;
        int size = seg == Clusters.NOISE ? clusters.noise() : clusters.segmentSize(seg);
        double[][] vals = new double[d][size];
        int r = 0;
        double rev = 0;
        for (int i = 0; i < n; i++) {
          if (labels[i] == seg) {
            for (int j = 0; j < d; j++) {
              vals[j][r] = data[i * d + j];
            }
            if (rj >= 0) {
              rev += data[i * d + rj];
            }
            r++;
          }
        }
        double[] mu = new double[d];
        double[] med = new double[d];
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
          mu[j] = Stats.mean(vals[j]);
          Arrays.sort(vals[j]);
          med[j] = Stats.quantileSorted(vals[j], 0.5);
          z[j] = sd[j] > 0 ? (mu[j] - mean[j]) / sd[j] : 0;
        }
        String label = seg == Clusters.NOISE ? "noise"
            : anyRole ? roleLabel(cols, z, valCol, freqCol, recCol, threshold)
            : genericLabel(cols, z, threshold);
        out.add(new Profile(seg, label, size, (double) size / n,
            rj >= 0 ? OptionalDouble.of(rev / totalRevenue) : OptionalDouble.empty(), cols, mu,
            med, z));
      }
      return new SegmentProfiles(cols, out, rj >= 0 ? revCol : null, n, clusters.method());
    }

    private static String require(FeatureTable f, String col, String what) {
      if (!f.hasColumn(col)) {
        throw new IllegalArgumentException(
            "the " + what + " column '" + col + "' is not in the profile table " + f.columns());
      }
      return col;
    }

    private static String role(FeatureTable f, String given, List<String> defaults,
        String what) {
      if (given == null) {
        return first(f.columns(), defaults);
      }
      return given.isEmpty() ? null : require(f, given, what);
    }

    private static String first(List<String> cols, List<String> names) {
      for (String s : names) {
        if (cols.contains(s)) {
          return s;
        }
      }
      return null;
    }
  }

  static String roleLabel(List<String> cols, double[] z, String value, String frequency,
      String recency, double t) {
    List<String> words = new ArrayList<>();
    if (value != null) {
      double v = z[cols.indexOf(value)];
      if (v >= t) {
        words.add("high-value");
      } else if (v <= -t) {
        words.add("low-value");
      }
    }
    if (frequency != null) {
      double v = z[cols.indexOf(frequency)];
      if (v >= t) {
        words.add("frequent");
      } else if (v <= -t) {
        words.add("infrequent");
      }
    }
    if (recency != null) {
      double v = z[cols.indexOf(recency)];
      if (v <= -t) {
        words.add("recent");
      } else if (v >= t) {
        words.add("lapsed");
      }
    }
    return words.isEmpty() ? "average" : String.join(" ", words);
  }

  static String genericLabel(List<String> cols, double[] z, double t) {
    Integer[] order = new Integer[z.length];
    for (int j = 0; j < z.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(z[b]), Math.abs(z[a])));
    List<String> words = new ArrayList<>();
    for (int j : order) {
      if (words.size() == 3 || Math.abs(z[j]) < t) {
        break;
      }
      words.add((z[j] > 0 ? "high " : "low ") + cols.get(j));
    }
    return words.isEmpty() ? "average" : String.join(", ", words);
  }

  /** The profile of one segment. Immutable; arrays are copied out. */
  public static final class Profile {
    private final int segment;
    private final String label;
    private final int customers;
    private final double share;
    private final OptionalDouble revenueShare;
    private final List<String> columns;
    private final double[] means;
    private final double[] medians;
    private final double[] z;

    Profile(int segment, String label, int customers, double share, OptionalDouble revenueShare,
        List<String> columns, double[] means, double[] medians, double[] z) {
      this.segment = segment;
      this.label = label;
      this.customers = customers;
      this.share = share;
      this.revenueShare = revenueShare;
      this.columns = columns;
      this.means = means;
      this.medians = medians;
      this.z = z;
    }

    /** The segment number, or {@link Clusters#NOISE}. */
    public int segment() {
      return segment;
    }

    /** The suggested label (see {@link SegmentProfiles}). */
    public String label() {
      return label;
    }

    /** The number of customers. */
    public int customers() {
      return customers;
    }

    /** The share of all customers (noise included in the total). */
    public double share() {
      return share;
    }

    /** The share of total revenue, when a revenue column is known. */
    public OptionalDouble revenueShare() {
      return revenueShare;
    }

    /** The mean of feature {@code column} in this segment. */
    public double mean(String column) {
      return means[index(column)];
    }

    /** The median of feature {@code column} in this segment. */
    public double median(String column) {
      return medians[index(column)];
    }

    /** The standardized mean of feature {@code column} (see {@link SegmentProfiles}). */
    public double standardizedMean(String column) {
      return z[index(column)];
    }

    /** A copy of the means, in column order. */
    public double[] means() {
      return means.clone();
    }

    /** A copy of the medians, in column order. */
    public double[] medians() {
      return medians.clone();
    }

    /** A copy of the standardized means, in column order. */
    public double[] standardizedMeans() {
      return z.clone();
    }

    private int index(String column) {
      int j = columns.indexOf(column);
      if (j < 0) {
        throw new IllegalArgumentException("no column '" + column + "' in " + columns);
      }
      return j;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "segment %d \"%s\": %s customers (%s)%s", segment, label,
          Fmt.count(customers), Fmt.pct(share), revenueShare.isPresent()
              ? ", revenue " + Fmt.pct(revenueShare.getAsDouble()) : "");
    }
  }
}
