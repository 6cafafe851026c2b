package org.crmkit.models.segment;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.GMeans;

/**
 * G-means: k-means that chooses k itself, up to a maximum (Hamerly &amp; Elkan 2003), through
 * Smile's {@code GMeans} (Smile 4.4.2, GPL-3.0).
 *
 * <pre>{@code
 * Clusters c = GMeansClusterer.withMaxK(10).withSeed(7).fit(scaled);
 * int k = c.k();
 * }</pre>
 *
 * <p>Starting from one segment, each segment is split in two by 2-means; the split is kept when
 * the segment's customers, projected on the line between the two child centroids, fail the
 * Anderson–Darling test of normality; this repeats until no segment splits or k reaches the
 * maximum. Smile does not try to split a segment of fewer than 25 customers, so small tables stay
 * at a small k.
 *
 * <p>Why not X-means (Pelleg &amp; Moore 2000): Smile 4.4.2's {@code XMeans} never splits the
 * first segment — on four blobs ten standard deviations apart, at any scale and with 600 or 6,000
 * points, it returns k = 1 (its BIC appears to read Smile 4's distortion, now a mean squared
 * distance, as a sum) — so crmkit does not offer it.
 *
 * <p>Seeded and deterministic like {@link KMeansClusterer} (the 2-means splits draw from Smile's
 * generator, seeded on the calling thread). Immutable and thread-safe.
 */
public final class GMeansClusterer implements Clusterer {

  private final int maxK;
  private final int maxIterations;
  private final long seed;

  private GMeansClusterer(int maxK, int maxIterations, long seed) {
    this.maxK = maxK;
    this.maxIterations = maxIterations;
    this.seed = seed;
  }

  /**
   * G-means with at most {@code maxK} segments (seed 1, 100 iterations per k-means).
   *
   * @throws IllegalArgumentException if maxK &lt; 2
   */
  public static GMeansClusterer withMaxK(int maxK) {
    if (maxK < 2) {
      throw new IllegalArgumentException("maxK must be >= 2: " + maxK);
    }
    return new GMeansClusterer(maxK, KMeansClusterer.DEFAULT_MAX_ITERATIONS,
        KMeansClusterer.DEFAULT_SEED);
  }

  /** A copy with this seed. */
  public GMeansClusterer withSeed(long seed) {
    return new GMeansClusterer(maxK, maxIterations, seed);
  }

  /** A copy with this maximum number of iterations of each k-means (&ge; 1). */
  public GMeansClusterer withMaxIterations(int maxIterations) {
    return new GMeansClusterer(maxK, Checks.positive("maxIterations", maxIterations), seed);
  }

  /** The largest k considered. */
  public int maxK() {
    return maxK;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * Segments the customers; k is G-means' choice, between 1 and {@link #maxK()}.
   *
   * @throws IllegalArgumentException if maxK exceeds the number of customers or of distinct
   *     feature rows, or Smile returns an empty segment
   */
  @Override
  public Clusters fit(FeatureTable features) {
    Checks.notNull("features", features);
    double[][] x = features.rows();
    KMeansClusterer.requireDistinct(features.data(), x.length, features.columnCount(), maxK,
        "G-means");
    SmileRandom.seed(seed);
    CentroidClustering<double[], double[]> c =
        GMeans.fit(x, new Clustering.Options(maxK, maxIterations));
    int k = c.k();
    if (SmileKMeans.hasEmpty(c, k)) {
      throw new IllegalArgumentException("G-means left a segment empty with k = " + k
          + "; try a smaller maxK or KMeansClusterer");
    }
    String m = String.format(Locale.ROOT,
        "G-means, k = %d chosen of at most %d (seed %d; Smile GMeans)", k, maxK, seed);
    return Clusters.build(m, features, c.group().clone(), true, seed, List.of(), null);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GMeansClusterer(max k %d, seed %d)", maxK, seed);
  }
}
