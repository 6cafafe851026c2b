package org.crmkit.models.segment;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.GMeans;
import smile.clustering.XMeans;

/**
 * k-means that chooses k itself, up to a maximum, through Smile's {@code XMeans} and
 * {@code GMeans} (Smile 4.4.2, GPL-3.0).
 *
 * <pre>{@code
 * Clusters c = AutoKClusterer.xMeans(10).withSeed(7).fit(scaled);
 * int k = c.k();
 * }</pre>
 *
 * <ul>
 *   <li><b>X-means</b> (Pelleg &amp; Moore 2000): starting from one segment, splits each segment
 *       in two by 2-means and keeps the split when it improves the Bayesian information
 *       criterion of a spherical Gaussian model, until no split helps or k reaches the maximum.
 *   <li><b>G-means</b> (Hamerly &amp; Elkan 2003): keeps a split when the segment's points,
 *       projected on the line between the two child centroids, fail the Anderson–Darling test of
 *       normality.
 * </ul>
 *
 * <p>Smile does not try to split a segment of fewer than 25 customers, so small tables stay at a
 * small k. Seeded and deterministic like {@link KMeansClusterer} (the 2-means splits draw from
 * Smile's generator seeded on the calling thread). Immutable and thread-safe.
 */
public final class AutoKClusterer implements Clusterer {

  /** The criterion for splitting a segment. */
  public enum Method {
    /** Bayesian information criterion (Pelleg &amp; Moore 2000). */
    X_MEANS,
    /** Anderson–Darling normality test (Hamerly &amp; Elkan 2003). */
    G_MEANS
  }

  private final Method method;
  private final int maxK;
  private final int maxIterations;
  private final long seed;

  private AutoKClusterer(Method method, int maxK, int maxIterations, long seed) {
    this.method = method;
    this.maxK = maxK;
    this.maxIterations = maxIterations;
    this.seed = seed;
  }

  /**
   * X-means with at most {@code maxK} segments (seed 1, 100 iterations per k-means).
   *
   * @throws IllegalArgumentException if maxK &lt; 2
   */
  public static AutoKClusterer xMeans(int maxK) {
    return new AutoKClusterer(Method.X_MEANS, checkMaxK(maxK),
        KMeansClusterer.DEFAULT_MAX_ITERATIONS, KMeansClusterer.DEFAULT_SEED);
  }

  /**
   * G-means with at most {@code maxK} segments (seed 1, 100 iterations per k-means).
   *
   * @throws IllegalArgumentException if maxK &lt; 2
   */
  public static AutoKClusterer gMeans(int maxK) {
    return new AutoKClusterer(Method.G_MEANS, checkMaxK(maxK),
        KMeansClusterer.DEFAULT_MAX_ITERATIONS, KMeansClusterer.DEFAULT_SEED);
  }

  private static int checkMaxK(int maxK) {
    if (maxK < 2) {
      throw new IllegalArgumentException("maxK must be >= 2: " + maxK);
    }
    return maxK;
  }

  /** A copy with this seed. */
  public AutoKClusterer withSeed(long seed) {
    return new AutoKClusterer(method, maxK, maxIterations, seed);
  }

  /** A copy with this maximum number of iterations of each k-means (&ge; 1). */
  public AutoKClusterer withMaxIterations(int maxIterations) {
    return new AutoKClusterer(method, maxK,
        Checks.positive("maxIterations", maxIterations), seed);
  }

  /** The splitting criterion. */
  public Method method() {
    return method;
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
   * Segments the customers; k is the method's choice, between 1 and {@link #maxK()}.
   *
   * @throws IllegalArgumentException if maxK exceeds the number of customers or of distinct
   *     feature rows, or Smile returns an empty segment
   */
  @Override
  public Clusters fit(FeatureTable features) {
    Checks.notNull("features", features);
    double[][] x = features.rows();
    String name = method == Method.X_MEANS ? "X-means" : "G-means";
    KMeansClusterer.requireDistinct(x, maxK, name);
    var options = new Clustering.Options(maxK, maxIterations);
    SmileRandom.seed(seed);
    CentroidClustering<double[], double[]> c = method == Method.X_MEANS
        ? XMeans.fit(x, options) : GMeans.fit(x, options);
    int k = c.k();
    if (KMeansClusterer.hasEmpty(c, k)) {
      throw new IllegalArgumentException(name + " left a segment empty with k = " + k
          + "; try a smaller maxK or KMeansClusterer");
    }
    String m = String.format(Locale.ROOT, "%s, k = %d chosen of at most %d (seed %d; Smile %s)",
        name, k, maxK, seed, method == Method.X_MEANS ? "XMeans" : "GMeans");
    return Clusters.build(m, features, c.group().clone(), true, seed, List.of(), null);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AutoKClusterer(%s, max k %d, seed %d)",
        method == Method.X_MEANS ? "X-means" : "G-means", maxK, seed);
  }
}
