package org.crmkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;

/**
 * crm-models depends on smile-core and smile-base only: the heavy transitive dependencies
 * (DuckDB, JavaCPP/OpenBLAS/ARPACK natives, parso, commons-csv) are excluded in the parent POM.
 * This test proves they are absent and that Smile still runs without them.
 */
class SmileClassPathTest {

  @Test
  void heavySmileDependenciesAreNotOnTheClassPath() {
    for (String name : new String[] {"org.duckdb.DuckDBDriver", "org.bytedeco.javacpp.Loader",
        "org.bytedeco.openblas.global.openblas", "com.epam.parso.SasFileReader",
        "org.apache.commons.csv.CSVFormat"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void kMeansRunsOnSmileCoreAndBaseAlone() {
    double[][] points = {{0, 0}, {0.1, 0}, {0, 0.1}, {10, 10}, {10.1, 10}, {10, 10.1}};
    CentroidClustering<double[], double[]> fit = KMeans.fit(points, 2, 20);
    int[] y = fit.group();
    assertEquals(y[0], y[1]);
    assertEquals(y[0], y[2]);
    assertEquals(y[3], y[4]);
    assertEquals(y[3], y[5]);
    assertNotEquals(y[0], y[3]);
  }
}
