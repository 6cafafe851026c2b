package org.crmkit.models.segment;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.CompleteLinkage;
import smile.clustering.linkage.SingleLinkage;
import smile.clustering.linkage.UPGMALinkage;
import smile.clustering.linkage.UPGMCLinkage;
import smile.clustering.linkage.WPGMALinkage;
import smile.clustering.linkage.WPGMCLinkage;
import smile.clustering.linkage.WardLinkage;

/**
 * Agglomerative hierarchical clustering through Smile's {@code HierarchicalClustering} (Smile
 * 4.4.2, GPL-3.0): every customer starts alone, the two closest groups merge until one remains,
 * and the tree is cut into k segments by undoing the last k − 1 merges.
 *
 * <pre>{@code
 * Clusters c = HierarchicalClusterer.of(Linkage.WARD, 4).fit(scaled);
 * }</pre>
 *
 * <p>Distances between groups follow the Lance–Williams recurrence (Lance &amp; Williams 1967) for
 * the chosen {@link Linkage}. Deterministic. Memory and time grow with n²: Smile keeps the
 * n(n − 1)/2 distances as floats (2n² bytes, 800 MB at 20,000 customers), so tables of more than
 * {@link #MAX_CUSTOMERS} customers are refused; cluster a sample and assign the others with
 * {@link Clusters#assign(FeatureTable)}. New customers are assigned by the nearest centroid.
 * Immutable and thread-safe.
 */
public final class HierarchicalClusterer implements Clusterer {

  /** The largest table accepted (2n² bytes of distances: 800 MB). */
  public static final int MAX_CUSTOMERS = 20_000;

  /** How the distance between two groups is measured. */
  public enum Linkage {
    /**
     * Ward (1963): merge the pair whose union least increases the within-group sum of squares;
     * compact, similar-sized segments, usually the best choice for customer features.
     */
    WARD,
    /** Complete linkage: the largest distance between members. */
    COMPLETE,
    /** Single linkage: the smallest distance between members (chains easily). */
    SINGLE,
    /** Average linkage (UPGMA): the mean distance between members. */
    AVERAGE,
    /** Weighted average linkage (WPGMA): the mean of the two merged groups' distances. */
    WEIGHTED,
    /** Centroid linkage (UPGMC): the distance between group means. */
    CENTROID,
    /** Median linkage (WPGMC): the distance between group midpoints. */
    MEDIAN
  }

  private final Linkage linkage;
  private final int k;

  private HierarchicalClusterer(Linkage linkage, int k) {
    this.linkage = linkage;
    this.k = k;
  }

  /**
   * Hierarchical clustering with this linkage, cut into k segments.
   *
   * @throws IllegalArgumentException if k &lt; 2 or the linkage is null
   */
  public static HierarchicalClusterer of(Linkage linkage, int k) {
    Checks.notNull("linkage", linkage);
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    return new HierarchicalClusterer(linkage, k);
  }

  /** The linkage. */
  public Linkage linkage() {
    return linkage;
  }

  /** The number of segments. */
  public int k() {
    return k;
  }

  /**
   * Segments the customers.
   *
   * @throws IllegalArgumentException if k exceeds the number of customers, or the table has more
   *     than {@link #MAX_CUSTOMERS} customers
   */
  @Override
  public Clusters fit(FeatureTable features) {
    Checks.notNull("features", features);
    int n = features.size();
    if (k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "hierarchical clustering: k = %d is larger than the number of customers (%d)", k, n));
    }
    if (n > MAX_CUSTOMERS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "hierarchical clustering keeps n²/2 distances: %,d customers would need %,d MB; use at"
              + " most %,d (cluster a sample, then assign the rest with Clusters.assign)", n,
          2L * n * n / 1_000_000, MAX_CUSTOMERS));
    }
    double[][] x = features.rows();
    smile.clustering.linkage.Linkage l = switch (linkage) {
      case WARD -> WardLinkage.of(x);
      case COMPLETE -> CompleteLinkage.of(x);
      case SINGLE -> SingleLinkage.of(x);
      case AVERAGE -> UPGMALinkage.of(x);
      case WEIGHTED -> WPGMALinkage.of(x);
      case CENTROID -> UPGMCLinkage.of(x);
      case MEDIAN -> WPGMCLinkage.of(x);
    };
    int[] labels = HierarchicalClustering.fit(l).partition(k);
    String m = String.format(Locale.ROOT,
        "hierarchical, %s linkage, cut at k = %d (Smile HierarchicalClustering)",
        linkage.name().toLowerCase(Locale.ROOT), k);
    return Clusters.build(m, features, labels, true, null, List.of(), null);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HierarchicalClusterer(%s, k %d)",
        linkage.name().toLowerCase(Locale.ROOT), k);
  }
}
