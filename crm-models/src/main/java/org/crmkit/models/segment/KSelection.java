package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Segmentations for each k in a range, with their validity indices, to choose k.
 *
 * <pre>{@code
 * KSelection sel = KSelection.of(scaled, 2, 8, k -> KMeansClusterer.withK(k).withSeed(42));
 * int k = sel.best(KSelection.Criterion.SILHOUETTE);
 * Clusters chosen = sel.clusters(k);
 * Table t = sel.toTable();   // k, inertia, silhouette, davies_bouldin, calinski_harabasz
 * }</pre>
 *
 * <p>The indices are those of {@link Validity#of(FeatureTable, Clusters)}: exact silhouette up to
 * {@link Validity#EXACT_SILHOUETTE_LIMIT} customers, a seeded sample above. Ties in
 * {@link #best(Criterion)} go to the smaller k. Inertia always falls as k grows, so it is shown
 * (for the "elbow") but is not a criterion. Immutable.
 */
public final class KSelection {

  /** What "best" means. */
  public enum Criterion {
    /** The largest mean silhouette. */
    SILHOUETTE,
    /** The smallest Davies–Bouldin index. */
    DAVIES_BOULDIN,
    /** The largest Calinski–Harabasz index. */
    CALINSKI_HARABASZ
  }

  private final List<Clusters> clusters;
  private final List<ValidityIndices> indices;

  private KSelection(List<Clusters> clusters, List<ValidityIndices> indices) {
    this.clusters = List.copyOf(clusters);
    this.indices = List.copyOf(indices);
  }

  /**
   * Fits {@code clusterer.apply(k)} for k = minK..maxK and computes the indices of each.
   *
   * @param features the (scaled) customers
   * @param minK the smallest k, &ge; 2
   * @param maxK the largest k, &ge; minK and less than the number of customers
   * @param clusterer the clusterer for each k (for example
   *     {@code k -> KMeansClusterer.withK(k)}); it must return exactly k segments
   * @throws IllegalArgumentException if the range is invalid, or a clusterer returns another
   *     number of segments
   */
  public static KSelection of(FeatureTable features, int minK, int maxK,
      IntFunction<? extends Clusterer> clusterer) {
    Checks.notNull("features", features);
    Checks.notNull("clusterer", clusterer);
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the k range must satisfy 2 <= minK <= maxK: minK %d, maxK %d", minK, maxK));
    }
    if (maxK >= features.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxK = %d must be less than the number of customers (%d)", maxK, features.size()));
    }
    List<Clusters> cs = new ArrayList<>();
    List<ValidityIndices> vs = new ArrayList<>();
    for (int k = minK; k <= maxK; k++) {
      Clusters c = clusterer.apply(k).fit(features);
      if (c.k() != k) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the clusterer for k = %d returned %d segments (%s)", k, c.k(), c.method()));
      }
      cs.add(c);
      vs.add(Validity.of(features, c));
    }
    return new KSelection(cs, vs);
  }

  /** The k values tried, in order. */
  public int[] ks() {
    return indices.stream().mapToInt(ValidityIndices::k).toArray();
  }

  /** The indices of every k, in order of k. */
  public List<ValidityIndices> indices() {
    return indices;
  }

  /**
   * The indices of this k.
   *
   * @throws IllegalArgumentException if k was not tried
   */
  public ValidityIndices indices(int k) {
    return indices.get(position(k));
  }

  /**
   * The segmentation with this k.
   *
   * @throws IllegalArgumentException if k was not tried
   */
  public Clusters clusters(int k) {
    return clusters.get(position(k));
  }

  private int position(int k) {
    for (int i = 0; i < indices.size(); i++) {
      if (indices.get(i).k() == k) {
        return i;
      }
    }
    throw new IllegalArgumentException("k = " + k + " was not tried; tried " + indices.get(0).k()
        + ".." + indices.get(indices.size() - 1).k());
  }

  /** The best k by this criterion (ties: the smaller k). */
  public int best(Criterion criterion) {
    Checks.notNull("criterion", criterion);
    ValidityIndices best = indices.get(0);
    for (ValidityIndices v : indices) {
      boolean better = switch (criterion) {
        case SILHOUETTE -> v.silhouette() > best.silhouette();
        case DAVIES_BOULDIN -> v.daviesBouldin() < best.daviesBouldin();
        case CALINSKI_HARABASZ -> v.calinskiHarabasz() > best.calinskiHarabasz();
      };
      if (better) {
        best = v;
      }
    }
    return best.k();
  }

  /**
   * One row per k: k, inertia, silhouette, silhouette_sample, davies_bouldin,
   * calinski_harabasz.
   */
  public Table toTable() {
    int n = indices.size();
    return ColumnTable.builder(n)
        .longs("k", ks())
        .doubles("inertia", i -> indices.get(i).inertia())
        .doubles("silhouette", i -> indices.get(i).silhouette())
        .longs("silhouette_sample", indices.stream().mapToInt(ValidityIndices::silhouetteSample)
            .toArray())
        .doubles("davies_bouldin", i -> indices.get(i).daviesBouldin())
        .doubles("calinski_harabasz", i -> indices.get(i).calinskiHarabasz())
        .build();
  }

  /** The table, with the best k of each criterion marked by "*". */
  @Override
  public String toString() {
    int bs = best(Criterion.SILHOUETTE);
    int bd = best(Criterion.DAVIES_BOULDIN);
    int bc = best(Criterion.CALINSKI_HARABASZ);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"k", "inertia", "silhouette", "Davies-Bouldin", "Calinski-Harabasz"});
    for (ValidityIndices v : indices) {
      rows.add(new String[] {Integer.toString(v.k()), Fmt.num(v.inertia()),
          String.format(Locale.ROOT, "%.4f%s", v.silhouette(), v.k() == bs ? "*" : " "),
          String.format(Locale.ROOT, "%.4f%s", v.daviesBouldin(), v.k() == bd ? "*" : " "),
          Fmt.num(v.calinskiHarabasz()) + (v.k() == bc ? "*" : " ")});
    }
    ValidityIndices first = indices.get(0);
    return String.format(Locale.ROOT,
        "Choosing k: %s, %s customers, silhouette %s (* = best)%n%s", clusters.get(0).method()
            .replaceAll(", k = \\d+", ""), Fmt.count(first.customers()),
        first.silhouetteExact() ? "exact" : "on a sample of " + Fmt.count(
            first.silhouetteSample()), Fmt.table(rows, 0)).stripTrailing();
  }
}
