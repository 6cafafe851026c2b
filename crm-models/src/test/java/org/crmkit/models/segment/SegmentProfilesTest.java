package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {

  // Six customers; segments {C, D, E}, {A, B}, {F}.
  private static FeatureTable rfm() {
    return FeatureTable.of(new String[] {"A", "B", "C", "D", "E", "F"},
        new String[] {"recency_days", "orders", "monetary"}, new double[][] {
            {5, 10, 500}, {10, 8, 400}, {100, 1, 20}, {120, 2, 30}, {110, 1, 25}, {50, 4, 100}});
  }

  private static final int[] LABELS = {1, 1, 0, 0, 0, 2};

  private static double sd(double[] v) {
    double m = 0;
    for (double x : v) {
      m += x / v.length;
    }
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / v.length);
  }

  // Hand computation: overall means 395/6, 26/6, 1075/6; segment 1 (A, B) has mean recency 7.5,
  // orders 9, monetary 450; segment 0 (C, D, E) 110, 4/3, 25; segment 2 (F) 50, 4, 100.
  // Population sds ≈ 46.8, 3.50, 195.5, so z(segment 2) ≈ −0.34, −0.10, −0.41: all within ±0.5.
  // Revenue (monetary) shares 75/1075, 900/1075, 100/1075.
  @Test
  void sizesSharesMeansMediansAndLabels() {
    FeatureTable f = rfm();
    Clusters c = Clusters.of(f, LABELS);
    SegmentProfiles p = SegmentProfiles.withDefaults().withRevenue("monetary").of(f, c);
    assertEquals("monetary", p.revenueColumn());
    SegmentProfiles.Profile lapsed = p.profile(0);
    SegmentProfiles.Profile best = p.profile(1);
    SegmentProfiles.Profile mid = p.profile(2);
    assertEquals(3, lapsed.customers());
    assertEquals(0.5, lapsed.share(), 1e-15);
    assertEquals(75.0 / 1075, lapsed.revenueShare().getAsDouble(), 1e-15);
    assertEquals(900.0 / 1075, best.revenueShare().getAsDouble(), 1e-15);
    assertEquals(100.0 / 1075, mid.revenueShare().getAsDouble(), 1e-15);
    assertEquals(110, lapsed.mean("recency_days"), 1e-12);
    assertEquals(110, lapsed.median("recency_days"), 0.0);
    assertEquals(25, lapsed.mean("monetary"), 1e-12);
    assertEquals(9, best.median("orders"), 0.0);
    double sdRecency = sd(f.column("recency_days"));
    assertEquals((7.5 - 395.0 / 6) / sdRecency, best.standardizedMean("recency_days"), 1e-12);
    assertEquals("high-value frequent recent", best.label());
    assertEquals("low-value infrequent lapsed", lapsed.label());
    assertEquals("average", mid.label());
    Table t = p.toTable();
    assertEquals(List.of("segment", "label", "customers", "share", "revenue_share",
        "mean_recency_days", "median_recency_days", "z_recency_days", "mean_orders",
        "median_orders", "z_orders", "mean_monetary", "median_monetary", "z_monetary"),
        t.columns());
    assertEquals("high-value frequent recent", t.value(1, 1));
    assertTrue(p.toString().contains("high-value frequent recent"), p::toString);
  }

  @Test
  void withoutARevenueColumnThereIsNoRevenueShare() {
    SegmentProfiles p = SegmentProfiles.of(rfm(), Clusters.of(rfm(), LABELS));
    assertEquals(null, p.revenueColumn());
    assertFalse(p.profile(0).revenueShare().isPresent());
    assertFalse(p.toTable().columns().contains("revenue_share"));
  }

  @Test
  void rolesCanBeNamedAndTheThresholdChanged() {
    FeatureTable f = rfm();
    Clusters c = Clusters.of(f, LABELS);
    // only the value role: segment 1 is "high-value", segment 0 "low-value"
    SegmentProfiles p = SegmentProfiles.withDefaults().withRoles("monetary", null, null)
        .of(f, c);
    assertEquals("high-value", p.profile(1).label());
    // a threshold of 0.3 sd makes segment 2's recency (z ≈ −0.34) "recent" and monetary
    // (z ≈ −0.41) "low-value"; orders (z ≈ −0.10) stay unnamed
    SegmentProfiles q = SegmentProfiles.withDefaults().withThreshold(0.3).of(f, c);
    assertEquals("low-value recent", q.profile(2).label());
  }

  // Without RFM columns the label names the features furthest from average.
  @Test
  void genericLabels() {
    FeatureTable f = FeatureTable.of(SegmentData.ids(4), new String[] {"tickets", "tenure"},
        new double[][] {{9, 1}, {8, 2}, {0, 10}, {1, 9}});
    Clusters c = Clusters.of(f, new int[] {0, 0, 1, 1});
    SegmentProfiles p = SegmentProfiles.of(f, c);
    assertEquals("high tickets, low tenure", p.profile(0).label());
    assertEquals("low tickets, high tenure", p.profile(1).label());
  }

  @Test
  void noiseGetsItsOwnRow() {
    FeatureTable f = rfm();
    Clusters c = Clusters.of(f, new int[] {1, 1, 0, 0, 0, -1});
    SegmentProfiles p = SegmentProfiles.of(f, c);
    assertEquals(3, p.profiles().size());
    SegmentProfiles.Profile noise = p.profile(Clusters.NOISE);
    assertEquals("noise", noise.label());
    assertEquals(1, noise.customers());
    assertEquals(1.0 / 6, noise.share(), 1e-15);
    assertEquals(50, noise.mean("recency_days"), 0.0);
  }
}
