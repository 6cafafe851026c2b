package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValidityTest {

  private static FeatureTable line(double... x) {
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new double[] {x[i]};
    }
    return FeatureTable.of(SegmentData.ids(x.length), new String[] {"v"}, rows);
  }

  // Hand computation, points 0, 1 | 4, 6 on a line:
  // s(0) = (5 − 1)/5, s(1) = (4 − 1)/4, s(4) = (3.5 − 2)/3.5, s(6) = (5.5 − 2)/5.5,
  // mean = (4/5 + 3/4 + 3/7 + 7/11)/4 = 4027/6160.
  // DB: S = 0.5, 1; M = 4.5; DB = 1.5/4.5 = 1/3.
  // CH: mean 2.75; B = 2·2.25² + 2·2.25² = 20.25; W = 2.5; CH = 20.25 / (2.5/2) = 16.2.
  @Test
  void handComputedLine() {
    FeatureTable f = line(0, 1, 4, 6);
    Clusters c = Clusters.of(f, new int[] {0, 0, 1, 1});
    assertEquals(4027.0 / 6160, Validity.silhouette(f, c), 1e-15);   // exact fractions
    assertArrayEquals(new double[] {0.8, 0.75, 3.0 / 7, 7.0 / 11},
        Validity.silhouetteValues(f, c), 1e-15);
    assertEquals(1.0 / 3, Validity.daviesBouldin(f, c), 1e-15);
    assertEquals(16.2, Validity.calinskiHarabasz(f, c), 1e-12);
    assertEquals(2.5, c.inertia(), 1e-15);
    ValidityIndices v = Validity.of(f, c);
    assertEquals(2, v.k());
    assertTrue(v.silhouetteExact());
    assertEquals(2.5, v.inertia(), 1e-15);
  }

  // Hand computation in 2-D with a singleton: A = {(0,0), (0,2)}, B = {(3,0)} alone.
  // s(B) = 0 (one member). s((0,0)): a = 2, b = 3 → 1/3. s((0,2)): a = 2, b = √13 →
  // (√13 − 2)/√13. DB: S_A = 1, S_B = 0, centroids (0,1), (3,0), M = √10 → DB = (1/√10 + 1/√10)/2.
  // CH: n = 3, k = 2, grand mean (1, 2/3): B = 2·(1 + 1/9) + 1·(4 + 4/9) = 6.666…; W = 2;
  // CH = (20/3 / 1) / (2 / 1) = 10/3.
  @Test
  void handComputedWithASingleton() {
    FeatureTable f = FeatureTable.of(SegmentData.ids(3), new String[] {"a", "b"},
        new double[][] {{0, 0}, {0, 2}, {3, 0}});
    Clusters c = Clusters.of(f, new int[] {0, 0, 1});
    double r13 = Math.sqrt(13);
    assertArrayEquals(new double[] {1.0 / 3, (r13 - 2) / r13, 0},
        Validity.silhouetteValues(f, c), 1e-15);
    assertEquals(1 / Math.sqrt(10), Validity.daviesBouldin(f, c), 1e-15);
    assertEquals(10.0 / 3, Validity.calinskiHarabasz(f, c), 1e-12);
  }

  // scikit-learn 1.2.1 (Debian python3-sklearn), iris with the species as labels:
  // silhouette_score 0.503477440693296, davies_bouldin_score 0.751370709475674,
  // calinski_harabasz_score 487.3308763749 (printed with %.15g).
  @Test
  void irisSpeciesMatchScikitLearn() {
    FeatureTable f = SegmentData.iris();
    Clusters c = Clusters.of(f, SegmentData.irisSpecies());
    assertEquals(0.503477440693296, Validity.silhouette(f, c), 1e-13);
    assertEquals(0.751370709475674, Validity.daviesBouldin(f, c), 1e-13);
    assertEquals(487.3308763749, Validity.calinskiHarabasz(f, c), 1e-9);
  }

  // scikit-learn 1.2.1 on the 45 blob points (SegmentData.BLOBS without the outliers):
  // true blobs: silhouette 0.748220146969349, DB 0.333645084299822, CH 217.768831114182;
  // row 44 moved to a 4th segment of its own: silhouette 0.472375654354628,
  // DB 0.628352914818862, CH 144.426582472797, silhouette_samples rows 0, 20, 44 =
  // 0.51461008, 0.74081587, 0 (printed with 8 decimals).
  @Test
  void blobsMatchScikitLearn() {
    FeatureTable f = SegmentData.blobs();
    Clusters c = Clusters.of(f, SegmentData.blobTruth());
    assertEquals(0.748220146969349, Validity.silhouette(f, c), 1e-13);
    assertEquals(0.333645084299822, Validity.daviesBouldin(f, c), 1e-13);
    assertEquals(217.768831114182, Validity.calinskiHarabasz(f, c), 1e-10);
    int[] y2 = SegmentData.blobTruth();
    y2[44] = 3;
    Clusters c2 = Clusters.of(f, y2);
    assertEquals(0.472375654354628, Validity.silhouette(f, c2), 1e-13);
    assertEquals(0.628352914818862, Validity.daviesBouldin(f, c2), 1e-13);
    assertEquals(144.426582472797, Validity.calinskiHarabasz(f, c2), 1e-10);
    double[] s = Validity.silhouetteValues(f, c2);
    assertEquals(0.51461008, s[0], 5e-9);
    assertEquals(0.74081587, s[20], 5e-9);
    assertEquals(0.0, s[44], 0.0);   // Rousseeuw: a singleton's silhouette is 0
  }

  // scikit-learn 1.2.1: DBSCAN(eps=0.6, min_samples=5) on the 47 blob points, then the indices
  // of the non-noise points only: silhouette 0.800776221607562, DB 0.279243095702383,
  // CH 237.75136095619.
  @Test
  void noiseIsLeftOut() {
    FeatureTable f = SegmentData.blobsWithOutliers();
    int[] y = SegmentData.labels("-1 0 -1 0 0 -1 -1 0 0 0 -1 0 0 -1 -1 1 1 1 1 1 1 1 1 1 -1 -1"
        + " 1 1 1 1 2 2 2 -1 2 2 2 2 2 -1 2 2 -1 2 2 -1 -1");
    Clusters c = Clusters.of(f, y);
    assertEquals(14, c.noise());
    ValidityIndices v = Validity.of(f, c);
    assertEquals(0.800776221607562, v.silhouette(), 1e-13);
    assertEquals(0.279243095702383, v.daviesBouldin(), 1e-13);
    assertEquals(237.75136095619, v.calinskiHarabasz(), 1e-9);
    assertEquals(33, v.customers());
    assertEquals(14, v.noise());
    assertEquals(0.0, Validity.silhouetteValues(f, c)[0], 0.0);   // documented: noise → 0
  }

  @Test
  void indicesAreInvariantToRenumberingAndRowOrder() {
    FeatureTable f = SegmentData.blobs();
    int[] y = SegmentData.blobTruth();
    int[] renumbered = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      renumbered[i] = (y[i] + 1) % 3;
    }
    ValidityIndices a = Validity.of(f, Clusters.of(f, y));
    ValidityIndices b = Validity.of(f, Clusters.of(f, renumbered));
    assertEquals(a.silhouette(), b.silhouette(), 1e-15);
    assertEquals(a.daviesBouldin(), b.daviesBouldin(), 1e-15);
    assertEquals(a.calinskiHarabasz(), b.calinskiHarabasz(), 1e-12);
  }

  @Test
  void sampledSilhouetteIsSeededAndExactWhenTheSampleCoversAll() {
    FeatureTable f = SegmentData.iris();
    Clusters c = Clusters.of(f, SegmentData.irisSpecies());
    double exact = Validity.silhouette(f, c);
    assertEquals(exact, Validity.silhouette(f, c, 150, 9), 0.0);
    assertEquals(exact, Validity.silhouette(f, c, 1000, 9), 0.0);
    double s1 = Validity.silhouette(f, c, 60, 1);
    assertEquals(s1, Validity.silhouette(f, c, 60, 1), 0.0);   // same seed, same sample
    assertNotEquals(s1, Validity.silhouette(f, c, 60, 2));     // another sample
    assertEquals(exact, s1, 0.1);                              // a 60-flower sample is close
  }

  // On 12,000 points from 4 Gaussian blobs, the silhouette of a 2,000-point sample estimates
  // the exact value: the per-point s(i) have sd < 0.3 here, so the sample mean's sd is < 0.007;
  // 0.03 is more than 4 standard errors.
  @Test
  void sampledSilhouetteEstimatesTheExactOne() {
    var r = new SplittableRandom(5);
    int n = 12_000;
    double[][] x = new double[n][];
    int[] y = new int[n];
    double[][] centers = {{0, 0}, {3, 0}, {0, 3}, {3, 3}};
    for (int i = 0; i < n; i++) {
      y[i] = i % 4;
      x[i] = new double[] {centers[y[i]][0] + r.nextGaussian(), centers[y[i]][1]
          + r.nextGaussian()};
    }
    FeatureTable f = FeatureTable.of(SegmentData.ids(n), new String[] {"a", "b"}, x);
    Clusters c = Clusters.of(f, y);
    double exact = Validity.silhouette(f, c);
    ValidityIndices v = Validity.of(f, c, 2000, 3);
    assertEquals(2000, v.silhouetteSample());
    assertEquals(exact, v.silhouette(), 0.03);
    ValidityIndices auto = Validity.of(f, c);   // n > 10,000: sampled by default
    assertEquals(Validity.DEFAULT_SAMPLE_SIZE, auto.silhouetteSample());
    assertEquals(exact, auto.silhouette(), 0.02);
  }

  @Test
  void kMustBeBetweenTwoAndNMinusOne() {
    FeatureTable f = line(0, 1, 4);
    var one = assertThrows(IllegalArgumentException.class,
        () -> Validity.of(f, Clusters.of(f, new int[] {0, 0, 0})));
    assertTrue(one.getMessage().contains("2 <= k <= n - 1"), one.getMessage());
    var all = assertThrows(IllegalArgumentException.class,
        () -> Validity.silhouette(f, Clusters.of(f, new int[] {0, 1, 2})));
    assertTrue(all.getMessage().contains("k = 3"), all.getMessage());
  }

  @Test
  void theTableMustMatchTheSegmentation() {
    FeatureTable f = line(0, 1, 4, 6);
    Clusters c = Clusters.of(f, new int[] {0, 0, 1, 1});
    FeatureTable other = FeatureTable.of(SegmentData.ids(4), new String[] {"w"},
        new double[][] {{0}, {1}, {4}, {6}});
    var e = assertThrows(IllegalArgumentException.class, () -> Validity.of(other, c));
    assertTrue(e.getMessage().contains("column mismatch") && e.getMessage().contains("[v]")
        && e.getMessage().contains("[w]"), e.getMessage());
    FeatureTable fewer = line(0, 1, 4);
    var e2 = assertThrows(IllegalArgumentException.class, () -> Validity.of(fewer, c));
    assertTrue(e2.getMessage().contains("4 customers"), e2.getMessage());
  }
}
