package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;

/**
 * k-means: k segments that minimise the inertia Σ ‖x − centroid(x)‖² (Lloyd 1982).
 *
 * <pre>{@code
 * Clusters c = KMeansClusterer.withK(5).withSeed(42).fit(scaled);
 * Clusters quick = KMeansClusterer.withK(8).withRestarts(1).fit(scaled);
 * Clusters smile = KMeansClusterer.withK(5).withEngine(KMeansClusterer.Engine.SMILE).fit(scaled);
 * }</pre>
 *
 * <p>Each restart starts from k-means++ seeds (Arthur &amp; Vassilvitskii 2007: the first centroid
 * uniformly at random, each further one with probability proportional to the squared distance to
 * the nearest centroid chosen so far) and iterates Lloyd's algorithm; the restart with the
 * smallest inertia wins, and a restart that ends with an empty segment is discarded and counted in
 * {@link Clusters#notes()}. Two engines compute the same algorithm:
 *
 * <ul>
 *   <li>{@link Engine#CRMKIT} (default): crmkit's own pure-Java implementation, Lloyd accelerated
 *       with Hamerly's (2010) distance bounds, parallel over blocks of customers, with
 *       scikit-learn's stopping rule (squared centroid shift ≤ tolerance × mean feature variance,
 *       or no customer changing segment) and its relocation of empty segments. Random draws come
 *       from a {@link java.util.SplittableRandom} seeded with {@link #seed()}. No Smile class is
 *       used. On 1,000,000 × 3 RFM-like features (k = 8, one start) it needs about half the CPU
 *       time of the Smile engine (1.2 s against 2.5 s on the benchmark machine; BENCHMARKS.md).
 *   <li>{@link Engine#SMILE}: Smile 4.4.2's {@code KMeans} (GPL-3.0), Lloyd accelerated with a
 *       balanced-box-decomposition tree (the filtering algorithm of Kanungo et al. 2002), built
 *       once and shared by the restarts; it stops when the mean squared distance falls by less
 *       than the tolerance. Seeded through Smile's generator on the calling thread (see the
 *       package description).
 * </ul>
 *
 * <p>Seeded and deterministic with either engine: the same table, options and seed give the same
 * segments, on any thread and with any number of cores. Defaults: 10 restarts (as scikit-learn
 * 1.2's {@code n_init}), 300 iterations (scikit-learn's {@code max_iter}), tolerance 1e-4, seed
 * 1.
 *
 * <p>Immutable and thread-safe.
 */
public final class KMeansClusterer implements Clusterer {

  /** The implementation of the iterations. */
  public enum Engine {
    /** crmkit's pure-Java Lloyd with Hamerly's bounds (no Smile). */
    CRMKIT,
    /** Smile's {@code KMeans} (GPL-3.0). */
    SMILE
  }

  /** The default number of restarts. */
  public static final int DEFAULT_RESTARTS = 10;

  /** The default maximum number of Lloyd iterations per restart. */
  public static final int DEFAULT_MAX_ITERATIONS = 300;

  /**
   * The default tolerance: for {@link Engine#CRMKIT}, relative to the mean feature variance, of
   * the squared centroid shift; for {@link Engine#SMILE}, of the decrease of the mean squared
   * distance.
   */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  /** The default seed. */
  public static final long DEFAULT_SEED = 1L;

  private final int k;
  private final int restarts;
  private final int maxIterations;
  private final double tolerance;
  private final long seed;
  private final Engine engine;

  private KMeansClusterer(int k, int restarts, int maxIterations, double tolerance, long seed,
      Engine engine) {
    this.k = k;
    this.restarts = restarts;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.seed = seed;
    this.engine = engine;
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
        DEFAULT_SEED, Engine.CRMKIT);
  }

  /** A copy with this number of restarts (&ge; 1). */
  public KMeansClusterer withRestarts(int restarts) {
    return new KMeansClusterer(k, Checks.positive("restarts", restarts), maxIterations,
        tolerance, seed, engine);
  }

  /** A copy with this maximum number of iterations per restart (&ge; 1). */
  public KMeansClusterer withMaxIterations(int maxIterations) {
    return new KMeansClusterer(k, restarts, Checks.positive("maxIterations", maxIterations),
        tolerance, seed, engine);
  }

  /** A copy with this tolerance (finite, &ge; 0). */
  public KMeansClusterer withTolerance(double tolerance) {
    return new KMeansClusterer(k, restarts, maxIterations,
        Checks.nonNegative("tolerance", tolerance), seed, engine);
  }

  /** A copy with this seed. */
  public KMeansClusterer withSeed(long seed) {
    return new KMeansClusterer(k, restarts, maxIterations, tolerance, seed, engine);
  }

  /** A copy that uses this engine. */
  public KMeansClusterer withEngine(Engine engine) {
    return new KMeansClusterer(k, restarts, maxIterations, tolerance, seed,
        Checks.notNull("engine", engine));
  }

  /** The engine. */
  public Engine engine() {
    return engine;
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
    return engine == Engine.SMILE ? fitSmile(features) : fitCrmkit(features);
  }

  private Clusters fitCrmkit(FeatureTable features) {
    int n = features.size();
    int d = features.columnCount();
    double[] data = features.data();
    requireDistinct(data, n, d, k, "k-means");
    var lloyd = new Lloyd(data, n, d, k);
    double variance = lloyd.meanVariance();
    var rnd = new SplittableRandom(seed);
    Lloyd.Run best = null;
    int discarded = 0;
    int notConverged = 0;
    for (int r = 0; r < restarts; r++) {
      Lloyd.Run run = lloyd.run(lloyd.seeds(rnd), maxIterations, tolerance, variance);
      if (!run.converged()) {
        notConverged++;
      }
      if (hasEmpty(run.labels(), k) || !Double.isFinite(run.inertia())) {
        discarded++;
      } else if (best == null || run.inertia() < best.inertia()) {
        best = run;
      }
    }
    List<String> notes = notes(discarded);
    if (notConverged > 0) {
      notes.add(String.format(Locale.ROOT,
          "%d of %d restarts stopped at %d iterations before converging", notConverged, restarts,
          maxIterations));
    }
    notes.add(String.format(Locale.ROOT, "best restart: %d iterations%s", best.iterations(),
        best.converged() ? ", converged" : ", not converged"));
    return Clusters.build(method("crmkit Lloyd with Hamerly bounds"), features,
        best.labels(), true, seed, notes, null);
  }

  private Clusters fitSmile(FeatureTable features) {
    requireDistinct(features.data(), features.size(), features.columnCount(), k, "k-means");
    SmileKMeans.Best best = SmileKMeans.fit(features.rows(), k, restarts, maxIterations,
        tolerance, seed);
    return Clusters.build(method("Smile KMeans"), features, best.labels(), true, seed,
        notes(best.discarded()), null);
  }

  private List<String> notes(int discarded) {
    if (discarded == restarts) {
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
    return notes;
  }

  private String method(String engineName) {
    return String.format(Locale.ROOT,
        "k-means, k = %d (k-means++ starts, best of %d restart%s, seed %d; %s)", k, restarts,
        restarts == 1 ? "" : "s", seed, engineName);
  }

  private static boolean hasEmpty(int[] labels, int k) {
    int[] count = new int[k];
    for (int l : labels) {
      count[l]++;
    }
    for (int c : count) {
      if (c == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that there are at least {@code k} customers and {@code k} distinct feature rows (stops
   * counting at k, so it is cheap on large tables).
   */
  static void requireDistinct(double[] data, int n, int d, int k, String method) {
    if (k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: k = %d is larger than the number of customers (%d)", method, k, n));
    }
    Set<Row> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (seen.add(new Row(Arrays.copyOfRange(data, i * d, i * d + d))) && seen.size() >= k) {
        return;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: k = %d is larger than the number of distinct feature rows (%d of %d customers);"
            + " choose k <= %d", method, k, seen.size(), n, seen.size()));
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
        "KMeansClusterer(k %d, restarts %d, max iterations %d, tolerance %s, seed %d, %s)", k,
        restarts, maxIterations, Fmt.num(tolerance), seed,
        engine.name().toLowerCase(Locale.ROOT));
  }
}
