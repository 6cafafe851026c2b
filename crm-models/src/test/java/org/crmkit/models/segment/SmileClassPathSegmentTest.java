package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crmkit.models.segment.HierarchicalClusterer.Linkage;
import org.junit.jupiter.api.Test;
import smile.clustering.Clustering;
import smile.clustering.XMeans;
import smile.math.MathEx;

/**
 * Every Smile algorithm the segment package calls runs with only smile-core and smile-base on
 * the class path (the parent POM excludes DuckDB, the JavaCPP/OpenBLAS natives, parso and
 * commons-csv; {@code org.crmkit.models.SmileClassPathTest} checks the exclusions for the whole
 * module, and this test repeats the check where the algorithms run).
 */
class SmileClassPathSegmentTest {

  @Test
  void theHeavyDependenciesAreAbsent() {
    for (String name : new String[] {"org.duckdb.DuckDBDriver", "org.bytedeco.javacpp.Loader",
        "org.bytedeco.openblas.global.openblas", "org.bytedeco.arpackng.global.arpack",
        "com.epam.parso.SasFileReader", "org.apache.commons.csv.CSVFormat"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void everySmileAlgorithmWeCallRuns() {
    FeatureTable f = SegmentData.blobsWithOutliers();
    // smile.clustering.KMeans + BBDTree + CentroidClustering, seeded through MathEx
    assertEquals(3, KMeansClusterer.withK(3).withRestarts(2).fit(f).k());
    // smile.clustering.GMeans (and the KMeans it calls)
    assertTrue(GMeansClusterer.withMaxK(4).fit(ClusterersTest.randomBlobs(200, 2, 1)).k() >= 2);
    // smile.clustering.DBSCAN with its KDTree neighbour search, and DBSCAN.predict
    Clusters db = DbscanClusterer.of(4, 0.8).fit(f);
    assertEquals(3, db.k());
    assertEquals(db.segment(0), db.assign(f.select("a", "b")).segment(0));
    // smile.clustering.HierarchicalClustering with each linkage
    for (Linkage l : Linkage.values()) {
      assertEquals(2, HierarchicalClusterer.of(l, 2).fit(f).k(), l.name());
    }
  }

  // Smile 4.4.2's XMeans stays at k = 1 on four blobs 10 sd apart (see GMeansClusterer). If an
  // upgrade of Smile makes this fail, X-means may be worth offering again.
  @Test
  void smileXMeansStillDoesNotSplit() {
    double[][] x = ClusterersTest.randomBlobs(600, 4, 3).rows();
    MathEx.setSeed(5);
    assertEquals(1, XMeans.fit(x, new Clustering.Options(10, 100)).k());
  }
}
