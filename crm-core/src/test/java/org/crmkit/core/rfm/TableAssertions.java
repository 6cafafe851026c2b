package org.crmkit.core.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Column-by-column comparison of two RFM tables. */
final class TableAssertions {

  private TableAssertions() {}

  static void assertSameTable(RfmTable a, RfmTable b) {
    assertArrayEquals(a.customerIds(), b.customerIds(), "ids");
    assertArrayEquals(a.recencyDays(), b.recencyDays(), "recency days");
    assertArrayEquals(a.orders(), b.orders(), "orders");
    assertArrayEquals(a.revenue(), b.revenue(), "revenue");
    for (Dimension d : Dimension.values()) {
      assertArrayEquals(a.scores(d), b.scores(d), d + " scores");
      assertArrayEquals(a.bins(d).lowerBounds(), b.bins(d).lowerBounds(), d + " lower");
      assertArrayEquals(a.bins(d).upperBounds(), b.bins(d).upperBounds(), d + " upper");
      assertArrayEquals(a.bins(d).scoreCounts(), b.bins(d).scoreCounts(), d + " counts");
    }
    assertEquals(a.totalRevenue(), b.totalRevenue(), "total revenue");
  }
}
