package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job on the bundled CDNOW sample: the published figures appear, the tables exist. */
class CustomerReportTest {

  @Test
  void reportOnTheCdnowSample(@TempDir Path dir) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      CustomerReport.run(SampleData.cdnowSample(), "CDNOW 1/10 sample", dir, out);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    for (String expected : new String[] {
        // ORACLES.md, CDNOW conventions
        "2,357 customers, 946 repeat buyers, Σx = 2,457", "1,882 purchases",
        // ORACLES.md, BG/NBD: r, α, a, b = 0.243, 4.414, 0.793, 2.426; LL −9582.4
        "r        0.2426", "alpha    4.4136", "log-likelihood -9582.43",
        // ORACLES.md, Gamma-Gamma: p, q, γ = 6.25, 3.74, 15.44
        "p        6.2496", "q        3.7442",
        // ORACLES.md, holdout by frequency: bin 0 has 1,411 customers, actual 0.2367
        "0      1,411    0.2367", "Champions", "NPS 0.2252"}) {
      assertTrue(report.contains(expected), () -> "missing '" + expected + "' in\n" + report);
    }
    assertTrue(report.lines().count() < 100, "the report has " + report.lines().count()
        + " lines");
    for (String name : new String[] {"summaries", "rfm", "segments", "predictions", "holdout",
        "nps"}) {
      assertTrue(Files.size(dir.resolve(name + ".csv")) > 0, name + ".csv");
      assertTrue(Files.size(dir.resolve(name + ".json")) > 0, name + ".json");
    }
  }
}
