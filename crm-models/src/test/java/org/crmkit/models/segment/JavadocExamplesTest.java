package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.testing.CdnowFixture;
import org.crmkit.models.segment.HierarchicalClusterer.Linkage;
import org.junit.jupiter.api.Test;

/** The code examples of the package's Javadoc, run on the CDNOW sample. */
class JavadocExamplesTest {

  private static final LocalDate END = LocalDate.of(1998, 6, 30);

  @Test
  void packageExample() {
    TransactionLog log = CdnowFixture.sample();
    LocalDate analysisDate = END;
    FeatureTable raw = FeatureTable.fromRfm(RfmScorer.defaults().score(log, analysisDate));
    FittedScaler scaler = Scaler.zScore().withLog1p("orders", "monetary").fit(raw);
    FeatureTable x = scaler.transform(raw);
    KSelection sel = KSelection.of(x, 2, 8, k -> KMeansClusterer.withK(k).withSeed(42));
    Clusters segments = sel.clusters(sel.best(KSelection.Criterion.SILHOUETTE));
    SegmentProfiles profiles = SegmentProfiles.of(raw, segments);
    FeatureTable newCustomers = raw.select("recency_days", "orders", "monetary");
    Assignment next = segments.assign(scaler.transform(newCustomers));
    assertEquals(2357, next.size());
    assertEquals(segments.k(), profiles.profiles().size());
    // the training customers, assigned again, mostly keep their segment
    int same = 0;
    for (int i = 0; i < next.size(); i++) {
      same += next.segment(i) == segments.segment(i) ? 1 : 0;
    }
    int kept = same;
    assertTrue(kept > 0.99 * next.size(), () -> "kept " + kept);
  }

  @Test
  void classExamples() {
    FeatureTable raw = FeatureTable.fromRfm(RfmScorer.defaults().score(CdnowFixture.sample(),
        END));
    Map<String, Integer> ticketsByCustomer = new java.util.HashMap<>();
    for (String id : raw.customerIds()) {
      ticketsByCustomer.put(id, id.hashCode() & 3);
    }
    FeatureTable f = raw.with("tickets", ticketsByCustomer);
    assertEquals(4, f.columnCount());
    FittedScaler s = Scaler.zScore().withLog1p("monetary", "orders").fit(raw);
    FeatureTable scaled = s.transform(raw);
    Clusters c = KMeansClusterer.withK(5).withSeed(42).fit(scaled);
    Clusters quick = KMeansClusterer.withK(8).withRestarts(1).fit(scaled);
    Clusters smile = KMeansClusterer.withK(5).withEngine(KMeansClusterer.Engine.SMILE)
        .fit(scaled);
    assertEquals(5, c.k());
    assertEquals(8, quick.k());
    assertEquals(5, smile.k());
    Clusters g = GMeansClusterer.withMaxK(10).withSeed(7).fit(scaled);
    assertTrue(g.k() >= 1 && g.k() <= 10);
    Clusters d = DbscanClusterer.of(10, 0.3).fit(scaled);
    assertTrue(d.k() >= 1);
    Clusters h = HierarchicalClusterer.of(Linkage.WARD, 4).fit(scaled);
    assertEquals(4, h.k());
    GaussianMixture gm = GaussianMixtureClusterer.withK(4).withSeed(3).fitMixture(
        scaled.select("recency_days", "monetary"));
    double[][] p = gm.posterior(scaled.select("recency_days", "monetary"));
    assertEquals(2357, p.length);
    assertEquals(4, gm.clusters().k());
    SegmentProfiles q = SegmentProfiles.withDefaults().withRevenue("monetary").of(raw, c);
    assertTrue(!q.profile(0).label().isBlank());
  }
}
