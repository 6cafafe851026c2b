package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <pre>{@code ...}</pre>} example in the package's Javadoc runs here. The test
 * {@link #everyJavadocExampleLineAppearsInThisTest} keeps the two in step: each line of each
 * example must appear verbatim (up to indentation) in this file.
 */
class JavadocExamplesTest {

  private static final Path SOURCES = Path.of("src/main/java/org/crmkit/models/survival");
  private static final Path THIS = Path.of(
      "src/test/java/org/crmkit/models/survival/JavadocExamplesTest.java");

  @Test
  void everyJavadocExampleLineAppearsInThisTest() throws IOException {
    List<String> mine = Files.readAllLines(THIS).stream().map(String::strip).toList();
    List<String> missing = new ArrayList<>();
    int examples = 0;
    for (String file : List.of("SurvivalData.java", "KaplanMeier.java", "LogRank.java",
        "CoxPh.java", "RetentionCurve.java")) {
      List<String> lines = Files.readAllLines(SOURCES.resolve(file));
      boolean inside = false;
      for (String line : lines) {
        String s = line.strip();
        if (s.equals("* <pre>{@code")) {
          inside = true;
          examples++;
        } else if (s.equals("* }</pre>")) {
          inside = false;
        } else if (inside) {
          String code = s.startsWith("*") ? s.substring(1).strip() : s;
          if (!code.isEmpty() && !mine.contains(code)) {
            missing.add(file + ": " + code);
          }
        }
      }
    }
    assertEquals(5, examples);
    assertEquals(List.of(), missing);
  }

  @Test
  void survivalDataExample() {
    SurvivalData w = SurvivalFixtures.waltons();
    double[] durations = w.durations();
    int[] events = w.events();
    String[] groups = w.groups();
    SurvivalData d = SurvivalData.of(new double[] {6, 13, 13, 20}, new int[] {1, 1, 0, 1});
    SurvivalData g = SurvivalData.of(durations, events, groups);   // with a label per row
    SurvivalData control = g.group("control");
    assertEquals(3, d.eventCount());
    assertEquals(129, control.size());
  }

  @Test
  void kaplanMeierExample() {
    SurvivalData w = SurvivalFixtures.waltons();
    double[] durations = w.durations();
    int[] events = w.events();
    KaplanMeier km = KaplanMeier.fit(durations, events);
    double s30 = km.survivalAt(30);
    KaplanMeier.Median m = km.median();
    KaplanMeier km90 = KaplanMeier.withLevel(0.90).fit(durations, events);
    assertEquals(0.82722, s30, 5e-6);
    assertEquals(56, m.time(), 0.0);
    assertTrue(km90.lowerAt(30) > km.lowerAt(30));
  }

  @Test
  void logRankExample() {
    SurvivalData data = SurvivalFixtures.waltons();
    LogRank lr = LogRank.test(data);                        // data with a group label per row
    LogRank ab = LogRank.test(data, "control", "miR-137");  // two named groups
    double chi2 = lr.statistic(), p = lr.pValue();
    assertEquals(122.249, chi2, 5e-4);
    assertEquals(chi2, ab.statistic(), 1e-9);
    assertTrue(p < 1e-20);
  }

  @Test
  void coxExample() {
    SurvivalFixtures.Csv rossi = SurvivalFixtures.rossi();
    double[][] x = rossi.matrix("fin", "age", "prio");
    String[] names = {"fin", "age", "prio"};
    double[] weeks = rossi.doubles("week");
    int[] arrested = rossi.flags("arrest");
    CoxPh cox = CoxPh.fit(x, new String[] {"fin", "age", "prio"}, weeks, arrested);
    double[] beta = cox.coefficients();
    ChiSquareTest lr = cox.likelihoodRatioTest();
    double s52 = cox.survivalAt(new double[] {1, 25, 2}, 52);
    CoxPh breslow = CoxPh.withDefaults().withTies(CoxPh.Ties.BRESLOW).fit(x, names, weeks, arrested);
    assertEquals(3, beta.length);
    assertTrue(beta[0] < 0 && beta[2] > 0); // financial aid helps, prior arrests hurt
    assertEquals(3, lr.degreesOfFreedom());
    assertTrue(s52 > 0.5 && s52 < 1, () -> "S(52)=" + s52);
    assertTrue(breslow.fitReport().converged());
  }

  @Test
  void retentionExample() {
    LocalDate[] joined = {LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 1),
        LocalDate.of(2024, 3, 10), LocalDate.of(2024, 5, 5)};
    LocalDate[] left = {LocalDate.of(2024, 4, 1), null, LocalDate.of(2024, 12, 1), null};
    RetentionCurve c = RetentionCurve.fromDates(joined, left, LocalDate.of(2024, 12, 31),
        ChronoUnit.MONTHS);                        // left[i] == null: still a customer
    double r12 = c.retentionAt(12, ChronoUnit.MONTHS);
    // churn after 77 days (of 4 at risk), then after 266 days (of 2 at risk)
    assertEquals(0.75 * 0.5, r12, 1e-15);
  }
}
