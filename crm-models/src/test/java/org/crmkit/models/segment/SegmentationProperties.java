package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the segmentation on seeded random tables. */
class SegmentationProperties {

  /** n customers × d features, lognormal-ish money and integer counts, as RFM tables look. */
  static FeatureTable randomTable(SplittableRandom r) {
    int n = 20 + r.nextInt(180);
    int d = 2 + r.nextInt(3);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextInt(365);
      x[i][1] = 1 + r.nextInt(20);
      for (int j = 2; j < d; j++) {
        x[i][j] = Math.exp(3 + 1.5 * r.nextGaussian());
      }
    }
    String[] names = new String[d];
    for (int j = 0; j < d; j++) {
      names[j] = "f" + j;
    }
    return FeatureTable.of(SegmentData.ids(n), names, x);
  }

  static Stream<Arguments> tables() {
    return Cases.random(20260301L, 40, r -> Arguments.of(randomTable(r), 2 + r.nextInt(5),
        r.nextLong()));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void kMeansSegmentsAreValidAndIndicesInRange(FeatureTable raw, int k, long seed) {
    FeatureTable x = Scaler.zScore().fit(raw).transform(raw);
    Clusters c = KMeansClusterer.withK(k).withRestarts(3).withSeed(seed).fit(x);
    assertEquals(k, c.k());
    int total = 0;
    for (int s = 0; s < k; s++) {
      assertTrue(c.segmentSize(s) > 0);
      total += c.segmentSize(s);
      if (s > 0) {
        assertTrue(c.segmentSize(s - 1) >= c.segmentSize(s));
      }
    }
    assertEquals(x.size(), total);
    ValidityIndices v = Validity.of(x, c);
    assertTrue(v.silhouette() >= -1 && v.silhouette() <= 1, v::toString);
    assertTrue(v.daviesBouldin() >= 0, v::toString);
    assertTrue(v.calinskiHarabasz() > 0, v::toString);
    assertEquals(c.inertia(), v.inertia(), 1e-9 * (1 + v.inertia()));
    // same seed, same segments
    assertArrayEquals(c.segments(),
        KMeansClusterer.withK(k).withRestarts(3).withSeed(seed).fit(x).segments());
  }

  @ParameterizedTest
  @MethodSource("tables")
  void zScoresHaveMeanZeroAndSdOneAndInvert(FeatureTable raw, int k, long seed) {
    FittedScaler s = Scaler.zScore().withLog1p("f1").fit(raw);
    FeatureTable z = s.transform(raw);
    for (String col : z.columns()) {
      double[] v = z.column(col);
      double mean = 0;
      for (double e : v) {
        mean += e / v.length;
      }
      double var = 0;
      for (double e : v) {
        var += (e - mean) * (e - mean) / v.length;
      }
      assertEquals(0, mean, 1e-12, col);
      assertEquals(s.scaleWasZero(col) ? 0 : 1, var, 1e-9, col);
    }
    for (int i = 0; i < raw.size(); i += 7) {
      double[] back = s.inverse(z.row(i));
      double[] orig = raw.row(i);
      for (int j = 0; j < orig.length; j++) {
        assertEquals(orig[j], back[j], 1e-9 * (1 + Math.abs(orig[j])));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void indicesDoNotDependOnRowOrder(FeatureTable raw, int k, long seed) {
    FeatureTable x = Scaler.robust().fit(raw).transform(raw);
    Clusters c = KMeansClusterer.withK(k).withRestarts(1).withSeed(seed).fit(x);
    int n = x.size();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = n - 1 - i;
    }
    double[][] rows = new double[n][];
    String[] ids = new String[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = x.row(perm[i]);
      ids[i] = x.customerId(perm[i]);
      labels[i] = c.segment(perm[i]);
    }
    FeatureTable y = FeatureTable.of(ids, x.columns().toArray(String[]::new), rows);
    ValidityIndices a = Validity.of(x, c);
    ValidityIndices b = Validity.of(y, Clusters.of(y, labels));
    assertEquals(a.silhouette(), b.silhouette(), 1e-12);
    assertEquals(a.daviesBouldin(), b.daviesBouldin(), 1e-12);
    assertEquals(a.calinskiHarabasz(), b.calinskiHarabasz(), 1e-9 * a.calinskiHarabasz());
  }

  @ParameterizedTest
  @MethodSource("tables")
  void profilesAddUp(FeatureTable raw, int k, long seed) {
    FeatureTable x = Scaler.zScore().fit(raw).transform(raw);
    Clusters c = KMeansClusterer.withK(k).withRestarts(1).withSeed(seed).fit(x);
    SegmentProfiles p = SegmentProfiles.withDefaults().withRevenue("f0").of(raw, c);
    double share = 0;
    double revenue = 0;
    double[] weightedZ = new double[raw.columnCount()];
    for (SegmentProfiles.Profile q : p.profiles()) {
      share += q.share();
      revenue += q.revenueShare().getAsDouble();
      double[] z = q.standardizedMeans();
      for (int j = 0; j < z.length; j++) {
        weightedZ[j] += q.share() * z[j];
      }
      assertTrue(!q.label().isBlank());
    }
    assertEquals(1, share, 1e-12);
    assertEquals(1, revenue, 1e-12);
    for (double w : weightedZ) {
      assertEquals(0, w, 1e-9);   // size-weighted standardized means average to 0
    }
  }
}
