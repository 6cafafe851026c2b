package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.customer.Instrument;
import org.junit.jupiter.api.Test;

/** Runs the SurveyMetrics example's main and checks what it prints. */
class SurveyMetricsTest {

  private static String runMain(String... args) {
    var out = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      SurveyMetrics.main(args);
    } finally {
      System.setOut(systemOut);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String lineStarting(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starts with '" + prefix + "':\n"
            + String.join("\n", lines)));
  }

  @Test
  void mainPrintsSurveyAndServiceMetrics() {
    String text = runMain();
    List<String> lines = text.lines().toList();
    assertEquals("crmkit survey and service metrics on SYNTHETIC data (seed 20240701)",
        lines.get(0));

    // the NPS line counts every NPS answer the generator made (counted here independently)
    var data = SyntheticFeedback.generate(SurveyMetrics.SEED, SurveyMetrics.CUSTOMERS,
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    long nps = data.responses().stream().filter(r -> r.instrument() == Instrument.NPS).count();
    String npsLine = lineStarting(lines, "NPS 0.");
    assertTrue(npsLine.contains(String.format(Locale.ROOT, "n %,d:", nps)), npsLine);
    lineStarting(lines, "CSAT top-2-box (4-5 of 1-5)");
    lineStarting(lines, "CES mean");

    // the quarter breakdown and the comparison of the two quarters
    int q = lines.indexOf("NPS by quarter:");
    assertTrue(q > 0, text);
    assertTrue(lines.get(q + 3).strip().startsWith("2024-Q1"), lines.get(q + 3));
    assertTrue(lines.get(q + 4).strip().startsWith("2024-Q2"), lines.get(q + 4));
    assertTrue(lineStarting(lines, "NPS change, 2024-Q2 minus 2024-Q1: NPS Wald z: difference")
        .contains("CI ["));

    // service metrics: header, one row per category and channel, open tickets shown
    long open = data.tickets().stream().filter(t -> !t.isResolved()).count();
    assertTrue(lineStarting(lines, "service at 2024-07-01T00:00:00Z: ")
        .endsWith(String.format(Locale.ROOT, "%,d open (excluded from resolution times)",
            open)));
    for (String group : List.of("category:billing", "category:technical", "channel:chat",
        "channel:phone")) {
      lineStarting(lines, "  " + group + " ");
    }
    assertTrue(text.contains("open excluded)"), text);
    lineStarting(lines, "Complaint rate: ");
  }

  @Test
  void theSameSeedPrintsTheSameAndAnotherSeedDiffers() {
    String a = runMain("--customers", "300");
    assertEquals(a, runMain("--customers", "300"));
    assertNotEquals(a, runMain("--customers", "300", "--seed", "7"));
  }
}
