package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.models.ClassFiles;
import org.junit.jupiter.api.Test;

/**
 * The survival package must work with Smile (GPL) off the class path (DESIGN.md). Two checks:
 *
 * <ol>
 *   <li>Static: no class file of the package refers to a {@code smile/} class in its constant
 *       pool. The scanner is shown to detect such a reference in {@code SmileClassPathTest}.
 *   <li>Dynamic: every public entry point runs in a class loader built from crm-models' classes,
 *       crm-core, commons-math3 and slf4j only, whose parent is the platform loader; Smile cannot
 *       be loaded there (checked), so any link to Smile would fail with NoClassDefFoundError.
 * </ol>
 */
class SurvivalLoadsNoSmileTest {

  @Test
  void noClassOfThePackageReferencesSmile() throws IOException {
    Path dir = ClassFiles.packageDir(KaplanMeier.class);
    Map<String, List<String>> references = ClassFiles.smileReferences(dir);
    List<String> offenders = new ArrayList<>();
    references.forEach((f, refs) -> refs.forEach(r -> offenders.add(f + ": " + r)));
    assertTrue(references.size() >= 10,
        "scanned only " + references.size() + " class files in " + dir);
    assertEquals(List.of(), offenders);
  }

  @Test
  void theScannerFindsSmileWhereItIsUsed() throws IOException {
    try (InputStream in = SurvivalLoadsNoSmileTest.class.getResourceAsStream(
        "/org/crmkit/models/SmileClassPathTest.class")) {
      List<String> constants = ClassFiles.utf8Constants(in.readAllBytes());
      assertTrue(constants.stream().anyMatch(s -> s.contains("smile/clustering/KMeans")),
          "the scanner must see Smile references where they exist");
    }
  }

  @Test
  void theSurvivalApiRunsWithoutSmileOnTheClassPath() throws Exception {
    URL[] urls = ClassFiles.smileFreeClassPath();
    for (URL u : urls) {
      assertFalse(u.toString().contains("smile"), u.toString());
    }
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("smile.clustering.KMeans"));
      Class<?> runner = loader.loadClass(SurvivalLoadsNoSmileTest.class.getName());
      assertSame(loader, runner.getClassLoader());
      Method run = runner.getDeclaredMethod("exerciseEveryEntryPoint");
      run.setAccessible(true); // another loader: another runtime package
      Object result = run.invoke(null);
      assertEquals("ok", result);
      assertSame(loader, loader.loadClass(CoxPh.class.getName()).getClassLoader());
    }
  }

  /** Runs inside the Smile-free loader: touches every public class of the package. */
  static String exerciseEveryEntryPoint() {
    SurvivalData w = SurvivalFixtures.waltons();
    String s = KaplanMeier.fit(w).toString() + KaplanMeier.fitByGroup(w) + NelsonAalen.fit(w)
        + LogRank.test(w) + Concordance.of(w.durations(), w.events(), w.durations());
    SurvivalFixtures.Csv rossi = SurvivalFixtures.rossi();
    CoxPh cox = CoxPh.fit(rossi.matrix(SurvivalFixtures.ROSSI_COVARIATES),
        SurvivalFixtures.ROSSI_COVARIATES, rossi.doubles("week"), rossi.flags("arrest"));
    double[] row = rossi.matrix(SurvivalFixtures.ROSSI_COVARIATES)[0];
    s += cox + cox.survivalCurve(row).toString() + cox.likelihoodRatioTest()
        + cox.terms() + cox.fitReport();
    s += RetentionCurve.fromDates(new LocalDate[] {LocalDate.of(2024, 1, 1)},
        new LocalDate[] {null}, LocalDate.of(2024, 6, 1), ChronoUnit.WEEKS);
    s += CoxPh.withDefaults().withTies(CoxPh.Ties.BRESLOW).withStandardize(false)
        .fit(rossi.matrix("prio"), new String[] {"prio"}, rossi.doubles("week"),
            rossi.flags("arrest"));
    return s.isEmpty() ? "empty" : "ok";
  }
}
