package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.crmkit.models.segment.HierarchicalClusterer.Linkage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterersTest {

  // scikit-learn 1.2.1 KMeans(n_clusters=3, n_init=10, random_state=1) on iris: inertia
  // 78.851441426146 (the known global optimum), sizes 62, 50, 38; silhouette 0.552819012356409,
  // Davies–Bouldin 0.661971546500744, Calinski–Harabasz 561.62775662962 (%.15g). The same
  // partition gives the same indices, so they are compared to 1e-12 relative.
  @Test
  void kMeansOnIrisMatchesScikitLearn() {
    FeatureTable f = SegmentData.iris();
    Clusters c = KMeansClusterer.withK(3).withSeed(11).fit(f);
    assertEquals(78.851441426146, c.inertia(), 1e-9);
    assertArrayEquals(new int[] {62, 50, 38}, c.segmentSizes());
    ValidityIndices v = Validity.of(f, c);
    assertEquals(0.552819012356409, v.silhouette(), 1e-12);
    assertEquals(0.661971546500744, v.daviesBouldin(), 1e-12);
    assertEquals(561.62775662962, v.calinskiHarabasz(), 1e-8);
    // the setosa flowers (rows 0–49) form one segment of exactly 50
    int s = c.segment(0);
    for (int i = 0; i < 50; i++) {
      assertEquals(s, c.segment(i));
    }
    assertEquals(50, c.segmentSize(s));
  }

  @Test
  void theSmileEngineFindsTheSameOptimum() {
    FeatureTable f = SegmentData.iris();
    Clusters c = KMeansClusterer.withK(3).withEngine(KMeansClusterer.Engine.SMILE).withSeed(11)
        .fit(f);
    assertEquals(78.851441426146, c.inertia(), 1e-9);   // scikit-learn 1.2.1, as above
    assertTrue(c.method().contains("Smile KMeans"), c::method);
    Clusters b = KMeansClusterer.withK(3).fit(SegmentData.blobs().select("a", "b"));
    Clusters s = KMeansClusterer.withK(3).withEngine(KMeansClusterer.Engine.SMILE)
        .fit(SegmentData.blobs());
    assertArrayEquals(b.segments(), s.segments());   // the same blobs, numbered by size
  }

  // scikit-learn 1.2.1 KMeans(n_init=10, random_state=0) on iris, inertia for k = 2 and 4:
  // 152.3479518, 57.22847321 (10 significant digits printed).
  @Test
  void kMeansInertiaForOtherK() {
    FeatureTable f = SegmentData.iris();
    assertEquals(152.3479518, KMeansClusterer.withK(2).fit(f).inertia(), 1e-6);
    assertEquals(57.22847321, KMeansClusterer.withK(4).fit(f).inertia(), 1e-6);
  }

  // scikit-learn 1.2.1 KMeans(3, n_init=10, random_state=0) on the 45 blob points: inertia
  // 22.7129800106667; the blobs themselves.
  @Test
  void kMeansFindsTheBlobs() {
    FeatureTable f = SegmentData.blobs();
    Clusters c = KMeansClusterer.withK(3).fit(f);
    assertEquals(22.7129800106667, c.inertia(), 1e-10);
    assertTrue(SegmentData.samePartition(SegmentData.blobTruth(), c.segments()));
  }

  @Test
  void kMeansIsDeterministicForASeedOnAnyThread() throws Exception {
    FeatureTable f = randomBlobs(3000, 6, 17);
    KMeansClusterer km = KMeansClusterer.withK(6).withRestarts(3).withSeed(99);
    Clusters first = km.fit(f);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Clusters> a = pool.submit(() -> km.fit(f));
      Future<Clusters> b = pool.submit(() -> km.fit(f));
      assertArrayEquals(first.segments(), a.get().segments());
      assertArrayEquals(first.segments(), b.get().segments());
      assertEquals(first.inertia(), a.get().inertia(), 0.0);
    } finally {
      pool.shutdown();
    }
    assertEquals(99L, first.seed().getAsLong());
    // segments are numbered by decreasing size
    int[] sizes = first.segmentSizes();
    for (int c = 1; c < sizes.length; c++) {
      assertTrue(sizes[c - 1] >= sizes[c], Arrays.toString(sizes));
    }
  }

  // scipy 1.17.1 linkage(X, method) + fcluster(Z, k, "maxclust") on the 47 blob points (no tied
  // merge heights), printed as 1-based digits. Smile's partition(k) undoes the last k − 1
  // merges, which is the same cut for monotone linkages; centroid and median linkages have
  // inversions, where scipy's height cut can give fewer than k clusters, so they are compared at
  // k = 2 and 3 only.
  static Stream<Arguments> scipyPartitions() {
    return Stream.of(
        Arguments.of(Linkage.WARD, 2, "22222222222222222222222222222211111111111111111"),
        Arguments.of(Linkage.WARD, 3, "33333333333333322222222222222211111111111111111"),
        Arguments.of(Linkage.WARD, 4, "44444444444444433333333333333311111111111111121"),
        Arguments.of(Linkage.COMPLETE, 2, "11111111111111111111111111111111111111111111121"),
        Arguments.of(Linkage.COMPLETE, 3, "11111111111111111111111111111111111111111111132"),
        Arguments.of(Linkage.COMPLETE, 4, "22222222222222222222222222222211111111111111143"),
        Arguments.of(Linkage.SINGLE, 3, "11111111111111111111111111111111111111111111132"),
        Arguments.of(Linkage.SINGLE, 4, "11111111111111122222222222222222222222222222243"),
        Arguments.of(Linkage.AVERAGE, 3, "11111111111111111111111111111111111111111111132"),
        Arguments.of(Linkage.AVERAGE, 4, "11111111111111122222222222222222222222222222243"),
        Arguments.of(Linkage.WEIGHTED, 3, "11111111111111111111111111111111111111111111123"),
        Arguments.of(Linkage.WEIGHTED, 4, "22222222222222211111111111111122222222222222234"),
        Arguments.of(Linkage.CENTROID, 2, "11111111111111111111111111111111111111111111121"),
        Arguments.of(Linkage.CENTROID, 3, "11111111111111111111111111111111111111111111132"),
        Arguments.of(Linkage.MEDIAN, 2, "11111111111111111111111111111111111111111111121"),
        Arguments.of(Linkage.MEDIAN, 3, "11111111111111111111111111111111111111111111132"));
  }

  @ParameterizedTest
  @MethodSource("scipyPartitions")
  void hierarchicalMatchesScipy(Linkage linkage, int k, String scipy) {
    Clusters c = HierarchicalClusterer.of(linkage, k).fit(SegmentData.blobsWithOutliers());
    assertEquals(k, c.k());
    assertTrue(SegmentData.samePartition(SegmentData.labels(scipy), c.segments()),
        () -> linkage + " k=" + k + ": " + Arrays.toString(c.segments()));
  }

  // scikit-learn 1.2.1 DBSCAN(eps, min_samples) on the 47 blob points; min_samples counts the
  // point itself, as our minPoints does.
  static Stream<Arguments> sklearnDbscan() {
    return Stream.of(
        Arguments.of(4, 0.8, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2"
            + " 2 2 2 2 2 2 2 2 2 2 2 -1 -1"),
        Arguments.of(5, 0.6, "-1 0 -1 0 0 -1 -1 0 0 0 -1 0 0 -1 -1 1 1 1 1 1 1 1 1 1 -1 -1 1 1 1"
            + " 1 2 2 2 -1 2 2 2 2 2 -1 2 2 -1 2 2 -1 -1"),
        Arguments.of(3, 1.0, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2"
            + " 2 2 2 2 2 2 2 2 2 2 2 -1 -1"));
  }

  @ParameterizedTest
  @MethodSource("sklearnDbscan")
  void dbscanMatchesScikitLearn(int minPoints, double radius, String sklearn) {
    Clusters c = DbscanClusterer.of(minPoints, radius).fit(SegmentData.blobsWithOutliers());
    int[] expected = SegmentData.labels(sklearn);
    assertTrue(SegmentData.samePartition(expected, c.segments()),
        () -> Arrays.toString(c.segments()));
    assertEquals((int) Arrays.stream(expected).filter(v -> v == -1).count(), c.noise());
  }

  @Test
  void dbscanAssignsNewCustomersByCorePoints() {
    FeatureTable f = SegmentData.blobsWithOutliers();
    Clusters c = DbscanClusterer.of(4, 0.8).fit(f);
    FeatureTable fresh = FeatureTable.of(new String[] {"near0", "near15", "far"},
        new String[] {"a", "b"}, new double[][] {{0.2, 0.0}, {3.8, 0.4}, {20, -20}});
    Assignment a = c.assign(fresh);
    assertEquals(c.segment(0), a.segment(0));
    assertEquals(c.segment(15), a.segment(1));
    assertEquals(Clusters.NOISE, a.segment(2));
  }

  // Truth: 4 well-separated blobs of 150 points each (sd 1, centres 10 apart) have k = 4.
  @Test
  void gMeansFindsTheNumberOfBlobs() {
    FeatureTable f = randomBlobs(600, 4, 3);
    Clusters g = GMeansClusterer.withMaxK(10).withSeed(5).fit(f);
    assertEquals(4, g.k(), g::toString);
    assertArrayEquals(g.segments(), GMeansClusterer.withMaxK(10).withSeed(5).fit(f).segments());
    int[] truth = new int[600];
    for (int i = 0; i < 600; i++) {
      truth[i] = i % 4;
    }
    assertTrue(SegmentData.samePartition(truth, g.segments()));
  }

  // scikit-learn 1.2.1 GaussianMixture(3, covariance_type="full", tol=1e-12, reg_covar=1e-12,
  // means_init = its k-means centres) on the 45 blob points, converged: weights
  // 0.33333334, 0.33333336, 0.3333333 (8 digits), means (1.56540671, 3.64091996),
  // (4.06907303, 0.5905733), (0.18589326, −0.10900672), covariance of the first
  // [[0.25358341, −0.03744511], [−0.03744511, 0.15846406]], total log-likelihood
  // −113.564289122, BIC 291.841840571. Commons Math stops at |ΔLL/n| < 1e-10 here, so the
  // estimates agree to about 1e-6.
  @Test
  void gaussianMixtureMatchesScikitLearn() {
    FeatureTable f = SegmentData.blobs();
    GaussianMixture g = GaussianMixtureClusterer.withK(3).withThreshold(1e-10).fitMixture(f);
    double[][] means = {{1.56540671, 3.64091996}, {4.06907303, 0.5905733},
        {0.18589326, -0.10900672}};
    double[] weights = {0.33333334, 0.33333336, 0.3333333};
    for (int s = 0; s < 3; s++) {
      int j = nearest(g, means[s]);
      assertArrayEquals(means[s], g.mean(j), 1e-5);
      assertEquals(weights[s], g.weights()[j], 1e-6);
      if (s == 0) {
        double[][] cov = g.covariance(j);
        assertArrayEquals(new double[] {0.25358341, -0.03744511}, cov[0], 1e-5);
        assertArrayEquals(new double[] {-0.03744511, 0.15846406}, cov[1], 1e-5);
      }
    }
    assertEquals(-113.564289122, g.logLikelihood(), 1e-5);
    assertEquals(291.841840571, g.bic(), 1e-4);
    assertTrue(SegmentData.samePartition(SegmentData.blobTruth(), g.clusters().segments()));
    double[][] p = g.posterior(f);
    for (double[] row : p) {
      assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
    }
  }

  private static int nearest(GaussianMixture g, double[] m) {
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int j = 0; j < g.k(); j++) {
      double[] mu = g.mean(j);
      double d = Math.hypot(mu[0] - m[0], mu[1] - m[1]);
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    return best;
  }

  @Test
  void newCustomersGoToTheNearestCentroid() {
    FeatureTable f = SegmentData.blobs();
    Clusters c = KMeansClusterer.withK(3).fit(f);
    FeatureTable fresh = FeatureTable.of(new String[] {"x", "y", "z"}, new String[] {"a", "b"},
        new double[][] {{0.1, 0.1}, {4.2, 0.4}, {1.4, 3.4}});
    Assignment a = c.assign(fresh);
    assertEquals(c.segment(0), a.segment(0));
    assertEquals(c.segment(15), a.segment(1));
    assertEquals(c.segment(30), a.segment(2));
    double[] centroid = c.centroid(a.segment(0));
    assertEquals(Math.hypot(0.1 - centroid[0], 0.1 - centroid[1]), a.distance(0), 1e-15);
  }

  /** {@code n} points in 2-D, point i from blob i % k; blob centres 10 apart. */
  static FeatureTable randomBlobs(int n, int k, long seed) {
    var r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      int b = i % k;
      x[i] = new double[] {10 * (b % 2) + r.nextGaussian(), 10 * (b / 2) + r.nextGaussian()};
    }
    return FeatureTable.of(SegmentData.ids(n), new String[] {"a", "b"}, x);
  }
}
