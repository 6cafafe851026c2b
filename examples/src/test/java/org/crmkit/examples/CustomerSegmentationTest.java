package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.crmkit.models.segment.Clusters;
import org.junit.jupiter.api.Test;

/** Runs the segmentation example on the CDNOW sample. */
class CustomerSegmentationTest {

  private static String run(Clusters[] out) {
    var bytes = new ByteArrayOutputStream();
    try (var print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      out[0] = CustomerSegmentation.run(SampleData.cdnowSample(), SampleData.CDNOW_END, print);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void segmentsTheCdnowSample() {
    Clusters[] c = new Clusters[1];
    String text = run(c);
    // ORACLES.md: the CDNOW sample has 2,357 customers
    assertTrue(text.startsWith("2,357 customers, RFM at 1998-06-30"), text);
    assertEquals(2357, c[0].size());
    assertEquals(2357, Arrays.stream(c[0].segmentSizes()).sum());
    assertTrue(c[0].k() >= 2 && c[0].k() <= 8, c[0]::toString);
    for (String part : new String[] {"Choosing k", "Chosen by the silhouette: k = ",
        "Segment profiles: 2,357 customers", "Segment centres (", "A new customer"}) {
      assertTrue(text.contains(part), () -> "missing '" + part + "' in\n" + text);
    }
    // the same seed gives the same segments
    Clusters[] again = new Clusters[1];
    assertEquals(text, run(again));
    assertArrayEquals(c[0].segments(), again[0].segments());
  }

  @Test
  void mainRuns() {
    PrintStream old = System.out;
    var bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      CustomerSegmentation.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Segment profiles"));
  }
}
