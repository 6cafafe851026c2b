package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Checks;
import smile.clustering.BBDTree;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;

/**
 * k-means: k segments that minimise the inertia Σ ‖x − centroid(x)‖² (Lloyd 1982), through
 * Smile's {@code KMeans} (Smile 4.4.2, GPL-3.0; see the package description).
 *
 * <pre>{@code
 * Clusters c = KMeansClusterer.withK(5).withSeed(42).fit(scaled);
 * Clusters quick = KMeansClusterer.withK(8).withRestarts(1).fit(scaled);
 * }</pre>
 *
 * <p>Each restart starts from k-means++ seeds (Arthur &amp; Vassilvitskii 2007: the first centroid
 * uniformly at random, each further one with probability proportional to the squared distance to
 * the nearest centroid chosen so far) and iterates Lloyd's algorithm, accelerated with a
 * balanced-box-decomposition tree (the filtering algorithm of Kanungo et al. 2002; exact, not an
 * approximation), until the mean squared distance falls by less than the tolerance or the
 * iterations run out. The tree is built once and shared by the restarts. The restart with the
 * smallest inertia wins; a restart that leaves a segment empty is discarded and counted in
 * {@link Clusters#notes()}.
 *
 * <p>Seeded and deterministic: the restarts draw, in order, from Smile's generator seeded with
 * {@link #seed()} on the calling thread (see {@code SmileRandom}), so the same table, options and
 * seed give the same segments. Defaults: 10 restarts (as scikit-learn 1.2's {@code n_init}), 100
 * iterations, tolerance 1e-4, seed 1.
 *
 * <p>Immutable and thread-safe.
 */
public final class KMeansClusterer implements Clusterer {

  /** The default number of restarts. */
  public static final int DEFAULT_RESTARTS = 10;

  /** The default maximum number of Lloyd iterations per restart. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** The default tolerance: the smallest decrease of the mean squared distance that continues. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  /** The default seed. */
  public static final long DEFAULT_SEED = 1L;

  private final int k;
  private final int restarts;
  private final int maxIterations;
  private final double tolerance;
  private final long seed;

  private KMeansClusterer(int k, int restarts, int maxIterations, double tolerance, long seed) {
    this.k = k;
    this.restarts = restarts;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.seed = seed;
  }

  /**
   * k-means with k segments and the defaults.
   *
   * @throws IllegalArgumentException if k &lt; 2
   */
  public static KMeansClusterer withK(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    return new KMeansClusterer(k, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
        DEFAULT_SEED);
  }

  /** A copy with this number of restarts (&ge; 1). */
  public KMeansClusterer withRestarts(int restarts) {
    return new KMeansClusterer(k, Checks.positive("restarts", restarts), maxIterations,
        tolerance, seed);
  }

  /** A copy with this maximum number of iterations per restart (&ge; 1). */
  public KMeansClusterer withMaxIterations(int maxIterations) {
    return new KMeansClusterer(k, restarts, Checks.positive("maxIterations", maxIterations),
        tolerance, seed);
  }

  /** A copy with this tolerance (finite, &ge; 0). */
  public KMeansClusterer withTolerance(double tolerance) {
    return new KMeansClusterer(k, restarts, maxIterations,
        Checks.nonNegative("tolerance", tolerance), seed);
  }

  /** A copy with this seed. */
  public KMeansClusterer withSeed(long seed) {
    return new KMeansClusterer(k, restarts, maxIterations, tolerance, seed);
  }

  /** The number of segments. */
  public int k() {
    return k;
  }

  /** The number of restarts. */
  public int restarts() {
    return restarts;
  }

  /** The maximum number of iterations per restart. */
  public int maxIterations() {
    return maxIterations;
  }

  /** The tolerance. */
  public double tolerance() {
    return tolerance;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * Segments the customers.
   *
   * @throws IllegalArgumentException if k exceeds the number of customers or of distinct
   *     feature rows, or every restart left a segment empty
   */
  @Override
  public Clusters fit(FeatureTable features) {
    Checks.notNull("features", features);
    double[][] x = features.rows();
    requireDistinct(x, k, "k-means");
    var tree = new BBDTree(x);
    var options = new Clustering.Options(k, maxIterations, tolerance, null);
    SmileRandom.seed(seed);
    CentroidClustering<double[], double[]> best = null;
    int discarded = 0;
    for (int r = 0; r < restarts; r++) {
      CentroidClustering<double[], double[]> run = KMeans.fit(tree, x, options);
      if (hasEmpty(run, k)) {
        discarded++;
      } else if (best == null || run.distortion() < best.distortion()) {
        best = run;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k-means with k = %d left a segment empty in every one of its %d restarts; the data"
              + " have too few well-separated points for k = %d: choose a smaller k", k,
          restarts, k));
    }
    List<String> notes = new ArrayList<>();
    if (discarded > 0) {
      notes.add(String.format(Locale.ROOT,
          "%d of %d restarts left a segment empty and were discarded", discarded, restarts));
    }
    String method = String.format(Locale.ROOT,
        "k-means, k = %d (k-means++ starts, best of %d restart%s, seed %d; Smile KMeans)", k,
        restarts, restarts == 1 ? "" : "s", seed);
    return Clusters.build(method, features, best.group().clone(), true, seed, notes, null);
  }

  /** True when a segment of a Smile clustering is empty or its centroid is not finite. */
  static boolean hasEmpty(CentroidClustering<double[], double[]> c, int k) {
    if (c.k() != k) {
      return true;
    }
    int[] size = c.size();
    for (int j = 0; j < k; j++) {
      if (size[j] == 0) {
        return true;
      }
      for (double v : c.center(j)) {
        if (!Double.isFinite(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Checks that there are at least {@code k} customers and {@code k} distinct feature rows (stops
   * counting at k, so it is cheap on large tables).
   */
  static void requireDistinct(double[][] x, int k, String method) {
    if (k > x.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: k = %d is larger than the number of customers (%d)", method, k, x.length));
    }
    Set<Row> seen = new HashSet<>();
    for (double[] r : x) {
      if (seen.add(new Row(r)) && seen.size() >= k) {
        return;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: k = %d is larger than the number of distinct feature rows (%d of %d customers);"
            + " choose k <= %d", method, k, seen.size(), x.length, seen.size()));
  }

  private record Row(double[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && Arrays.equals(v, r.v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(v);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "KMeansClusterer(k %d, restarts %d, max iterations %d, tolerance %s, seed %d)", k,
        restarts, maxIterations, Fmt.num(tolerance), seed);
  }
}
