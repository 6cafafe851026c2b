package org.crmkit.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.models.segment.Assignment;
import org.crmkit.models.segment.Clusters;
import org.crmkit.models.segment.FeatureTable;
import org.crmkit.models.segment.FittedScaler;
import org.crmkit.models.segment.KMeansClusterer;
import org.crmkit.models.segment.KSelection;
import org.crmkit.models.segment.Scaler;
import org.crmkit.models.segment.SegmentProfiles;

/**
 * Segments the CDNOW sample's customers with k-means on their RFM values, chooses k in 2..8 by
 * the silhouette, and prints the segment profiles.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.CustomerSegmentation}.
 *
 * <p>Steps: RFM values at the end of the data (1998-06-30; recency in days, orders, total
 * revenue); log1p on orders and revenue, whose distributions are very skewed, then z-scores; k-means
 * (k-means++ starts, 10 restarts, seed 42) for each k; the k with the largest mean silhouette;
 * profiles in dollars and days with a suggested label per segment; and, to show how new customers
 * are placed, one made-up customer assigned to the nearest segment.
 */
public final class CustomerSegmentation {

  /** The seed of k-means: the same seed gives the same segments. */
  static final long SEED = 42L;

  private CustomerSegmentation() {}

  /** Runs the example on the bundled CDNOW sample and prints to standard output. */
  public static void main(String[] args) {
    run(SampleData.cdnowSample(), SampleData.CDNOW_END, System.out);
  }

  /**
   * Segments the customers of {@code log} at {@code analysisDate} and prints the steps to
   * {@code out}.
   *
   * @return the chosen segmentation
   */
  static Clusters run(TransactionLog log, LocalDate analysisDate, PrintStream out) {
    RfmTable rfm = RfmScorer.defaults().score(log, analysisDate);
    FeatureTable raw = FeatureTable.fromRfm(rfm);
    FittedScaler scaler = Scaler.zScore().withLog1p("orders", "monetary").fit(raw);
    FeatureTable scaled = scaler.transform(raw);
    out.printf(Locale.ROOT, "%,d customers, RFM at %s%n%n%s%n%n", raw.size(), analysisDate,
        scaler);

    KSelection choice = KSelection.of(scaled, 2, 8,
        k -> KMeansClusterer.withK(k).withSeed(SEED));
    out.println(choice);
    int k = choice.best(KSelection.Criterion.SILHOUETTE);
    Clusters segments = choice.clusters(k);
    out.printf(Locale.ROOT, "%nChosen by the silhouette: k = %d%n%n", k);

    SegmentProfiles profiles = SegmentProfiles.withDefaults().withRevenue("monetary")
        .of(raw, segments);
    out.println(profiles);

    out.printf(Locale.ROOT, "%nSegment centres (the centroid in the scaled space, back-transformed;"
        + " for the log1p columns a geometric-type mean):%n");
    for (int c = 0; c < segments.k(); c++) {
      double[] centre = scaler.inverse(segments.centroid(c));
      out.printf(Locale.ROOT, "  %d %-30s recency %5.0f days, %5.1f orders, $%,9.2f%n", c,
          profiles.profile(c).label(), centre[0], centre[1], centre[2]);
    }

    FeatureTable newcomer = FeatureTable.of(new String[] {"new customer"},
        raw.columns().toArray(String[]::new), new double[][] {{14, 6, 320}});
    Assignment a = segments.assign(scaler.transform(newcomer));
    out.printf(Locale.ROOT,
        "%nA new customer (last order 14 days ago, 6 orders, $320) joins segment %d, \"%s\""
            + " (distance %.2f in z-score units).%n", a.segment(0),
        profiles.profile(a.segment(0)).label(), a.distance(0));
    return segments;
  }
}
