package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crmkit.models.segment.HierarchicalClusterer.Linkage;
import org.junit.jupiter.api.Test;

/** Every bad input gets an IllegalArgumentException that says what is wrong. */
class BadInputTest {

  private static FeatureTable small() {
    return FeatureTable.of(SegmentData.ids(4), new String[] {"a", "b"},
        new double[][] {{0, 0}, {0, 1}, {5, 5}, {5, 6}});
  }

  private static void assertMessage(IllegalArgumentException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
    }
  }

  @Test
  void kLargerThanTheCustomers() {
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> KMeansClusterer.withK(5).fit(small())), "k = 5", "number of customers (4)");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> HierarchicalClusterer.of(Linkage.WARD, 5).fit(small())), "k = 5", "(4)");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> GMeansClusterer.withMaxK(6).fit(small())), "k = 6", "(4)");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> GaussianMixtureClusterer.withK(5).fit(small())), "k = 5");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> KSelection.of(small(), 2, 4, KMeansClusterer::withK)), "maxK = 4");
    assertThrows(IllegalArgumentException.class, () -> KMeansClusterer.withK(1));
  }

  @Test
  void kLargerThanTheDistinctRows() {
    FeatureTable dup = FeatureTable.of(SegmentData.ids(5), new String[] {"a"},
        new double[][] {{1}, {1}, {1}, {2}, {2}});
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> KMeansClusterer.withK(3).fit(dup)), "k = 3", "distinct feature rows (2 of 5");
  }

  @Test
  void emptySegment() {
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Clusters.of(small(), new int[] {0, 0, 2, 2})), "segment 1 is empty");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Clusters.of(small(), new int[] {-1, -1, -1, -1})), "every customer is noise");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Clusters.of(small(), new int[] {0, 0, 1, -2})), "row 4", "customer '4'", "-2");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Clusters.of(small(), new int[] {0, 1})), "2 labels for 4 customers");
  }

  @Test
  void nanFeatures() {
    assertMessage(assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"c1", "c2"}, new String[] {"recency", "spend"},
        new double[][] {{1, 2}, {Double.NaN, 3}})), "customer 'c2'", "'recency'", "NaN");
  }

  @Test
  void columnMismatch() {
    Clusters c = KMeansClusterer.withK(2).fit(small());
    FeatureTable other = FeatureTable.of(new String[] {"x"}, new String[] {"b", "a"},
        new double[][] {{0, 0}});
    assertMessage(assertThrows(IllegalArgumentException.class, () -> c.assign(other)),
        "column mismatch", "[a, b]", "[b, a]");
    GaussianMixture g = GaussianMixtureClusterer.withK(2).fitMixture(SegmentData.blobs());
    assertMessage(assertThrows(IllegalArgumentException.class, () -> g.posterior(other)),
        "column mismatch");
  }

  @Test
  void dbscanWithoutAnyCoreCustomer() {
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> DbscanClusterer.of(3, 0.1).fit(small())), "no segment", "radius 0.1",
        "all 4 are noise");
    assertThrows(IllegalArgumentException.class, () -> DbscanClusterer.of(1, 0.1));
    assertThrows(IllegalArgumentException.class, () -> DbscanClusterer.of(3, Double.NaN));
  }

  @Test
  void hierarchicalRefusesHugeTables() {
    int n = HierarchicalClusterer.MAX_CUSTOMERS + 1;
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {i};
    }
    FeatureTable big = FeatureTable.of(SegmentData.ids(n), new String[] {"v"}, x);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> HierarchicalClusterer.of(Linkage.WARD, 3).fit(big)), "20,001 customers",
        "Clusters.assign");
  }

  @Test
  void gaussianMixtureLimits() {
    FeatureTable one = FeatureTable.of(SegmentData.ids(4), new String[] {"v"},
        new double[][] {{0}, {1}, {5}, {6}});
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> GaussianMixtureClusterer.withK(2).fit(one)), "at least 2 features");
    // two columns equal up to a constant: every covariance is singular
    FeatureTable collinear = FeatureTable.of(SegmentData.ids(6), new String[] {"a", "b"},
        new double[][] {{0, 1}, {1, 2}, {2, 3}, {10, 11}, {11, 12}, {12, 13}});
    var e = assertThrows(IllegalArgumentException.class,
        () -> GaussianMixtureClusterer.withK(2).fit(collinear));
    assertMessage(e, "Gaussian mixture, k = 2");
  }

  @Test
  void profilesNeedTheSameCustomers() {
    Clusters c = KMeansClusterer.withK(2).fit(small());
    FeatureTable three = FeatureTable.of(SegmentData.ids(3), new String[] {"a"},
        new double[][] {{0}, {1}, {2}});
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> SegmentProfiles.of(three, c)), "4 customers", "3");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> SegmentProfiles.withDefaults().withRevenue("spend").of(small(), c)),
        "revenue column 'spend'");
    FeatureTable negative = FeatureTable.of(SegmentData.ids(4), new String[] {"revenue"},
        new double[][] {{-1}, {-1}, {1}, {0}});
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> SegmentProfiles.of(negative, c)), "must be > 0");
    assertEquals(2, c.k());
  }
}
