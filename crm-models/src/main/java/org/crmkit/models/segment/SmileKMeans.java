package org.crmkit.models.segment;

import smile.clustering.BBDTree;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;

/**
 * The Smile side of {@link KMeansClusterer} and {@link GMeansClusterer}, kept apart so that the
 * classes of the default k-means engine refer to no Smile class.
 */
final class SmileKMeans {

  private SmileKMeans() {}

  /** The best restart's labels and the number of restarts discarded. */
  record Best(int[] labels, int discarded) {}

  /**
   * Smile's KMeans, {@code restarts} times from k-means++ seeds, sharing one BBD tree; Smile's
   * generator is seeded once, on this thread, before the first restart.
   */
  static Best fit(double[][] x, int k, int restarts, int maxIterations, double tolerance,
      long seed) {
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
    return new Best(best == null ? null : best.group().clone(), discarded);
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
}
