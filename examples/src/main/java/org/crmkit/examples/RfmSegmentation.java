package org.crmkit.examples;

import java.time.LocalDate;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.rfm.Cut;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.core.rfm.SegmentMap;
import org.crmkit.core.rfm.Ties;

/**
 * RFM segmentation of the bundled CDNOW sample: scores with R rfm's convention and with ties
 * split, the bins and thresholds each gives, the R×F grid, R rfm's vignette map and the 8-class
 * high/low map, and what the map validator says about each map.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.RfmSegmentation}.
 */
public final class RfmSegmentation {

  private RfmSegmentation() {}

  /** Prints the segmentation to standard output. */
  public static void main(String[] args) {
    TransactionLog log = SampleData.cdnowSample();
    LocalDate analysisDate = SampleData.CDNOW_END.plusDays(1);

    RfmTable together = RfmScorer.defaults().score(log, analysisDate);
    System.out.println("R rfm convention (ties kept together): orders bins");
    System.out.println(together.frequencyBins());
    RfmTable split = RfmScorer.builder().bins(5).ties(Ties.SPLIT).build().score(log, analysisDate);
    System.out.println("Ties split by value, then customer id: orders bins");
    System.out.println(split.frequencyBins());

    for (SegmentMap map : new SegmentMap[] {SegmentMap.rfGrid(), SegmentMap.rfmVignette()}) {
      System.out.println();
      System.out.println(map.validate());
      System.out.println(together.segment(map).summary());
    }
    System.out.println();
    System.out.println(together.segment(SegmentMap.highLow(Cut.MEDIAN)).summary());
  }
}
