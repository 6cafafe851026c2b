package org.crmkit.models.segment;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import smile.clustering.Clustering;
import smile.clustering.DBSCAN;

/**
 * DBSCAN (Ester, Kriegel, Sander &amp; Xu 1996) through Smile's {@code DBSCAN} (Smile 4.4.2,
 * GPL-3.0): segments are dense regions of any shape; customers in sparse regions are noise
 * ({@link Clusters#NOISE}), not forced into a segment.
 *
 * <pre>{@code
 * Clusters c = DbscanClusterer.of(10, 0.3).fit(scaled);
 * int outliers = c.noise();
 * }</pre>
 *
 * <p>A customer is a core customer when at least {@code minPoints} customers, itself included,
 * lie within Euclidean distance {@code radius} (the counting of Ester et al. and of
 * scikit-learn's {@code min_samples}; Smile's own {@code minPts} excludes the point, so crmkit
 * passes {@code minPoints − 1}). Segments are the customers density-reachable from core
 * customers. Deterministic (no random numbers); a border customer reachable from two segments
 * joins the one found first, in row order. Neighbours are searched with Smile's k-d tree.
 *
 * <p>New customers ({@link Clusters#assign(FeatureTable)}) join the segment of the nearest core
 * customer within the radius, otherwise they are noise. Immutable and thread-safe.
 */
public final class DbscanClusterer implements Clusterer {

  private final int minPoints;
  private final double radius;

  private DbscanClusterer(int minPoints, double radius) {
    this.minPoints = minPoints;
    this.radius = radius;
  }

  /**
   * DBSCAN with these density parameters.
   *
   * @param minPoints customers (itself included) within the radius that make a core customer,
   *     &ge; 2
   * @param radius the neighbourhood radius ε, in the units of the (scaled) features, finite and
   *     &gt; 0
   * @throws IllegalArgumentException if minPoints &lt; 2 or the radius is not finite and positive
   */
  public static DbscanClusterer of(int minPoints, double radius) {
    if (minPoints < 2) {
      throw new IllegalArgumentException("minPoints must be >= 2: " + minPoints);
    }
    return new DbscanClusterer(minPoints, Checks.positive("radius", radius));
  }

  /** The core-point threshold, the point itself included. */
  public int minPoints() {
    return minPoints;
  }

  /** The neighbourhood radius. */
  public double radius() {
    return radius;
  }

  /**
   * Segments the customers; k is the number of dense regions found.
   *
   * @throws IllegalArgumentException if every customer is noise (no core customer), with the
   *     parameters to change
   */
  @Override
  public Clusters fit(FeatureTable features) {
    Checks.notNull("features", features);
    double[][] x = features.rows();
    DBSCAN<double[]> db = DBSCAN.fit(x, minPoints - 1, radius);
    if (db.k() == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "DBSCAN found no segment: no customer has %d customers (itself included) within"
              + " radius %s, so all %d are noise; increase the radius or lower minPoints",
          minPoints, Fmt.num(radius), x.length));
    }
    int[] labels = db.group().clone();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == Clustering.OUTLIER) {
        labels[i] = Clusters.NOISE;
      }
    }
    int[] newNumber = Clusters.renumber(labels, db.k());
    Clusters.Assigner assigner = p -> {
      int c = db.predict(p);
      return c == Clustering.OUTLIER ? Clusters.NOISE : newNumber[c];
    };
    String m = String.format(Locale.ROOT,
        "DBSCAN, minPoints %d (itself included), radius %s; %d segments found (Smile DBSCAN)",
        minPoints, Fmt.num(radius), db.k());
    return Clusters.build(m, features, labels, false, null, List.of(), assigner);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DbscanClusterer(minPoints %d, radius %s)", minPoints,
        Fmt.num(radius));
  }
}
