package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.models.ClassFiles;
import org.junit.jupiter.api.Test;

/**
 * The CLV package must work with Smile (GPL) off the class path (DESIGN.md). Two checks, each
 * shown able to fail:
 *
 * <ol>
 *   <li>Static: no class file of {@code org.crmkit.models.clv} (main classes, nested and
 *       anonymous ones included) refers to a {@code smile/} class in its constant pool. The same
 *       scanner finds the reference in {@link #touchSmile()}'s class.
 *   <li>Dynamic: every public entry point runs in a class loader built from crm-models'
 *       classes, crm-core, commons-math3 and slf4j only, whose parent is the platform loader.
 *       Smile cannot be loaded there, and {@link #touchSmile()} fails there with
 *       NoClassDefFoundError, so any link from the package to Smile would fail the run.
 * </ol>
 */
class ClvLoadsNoSmileTest {

  @Test
  void noClassOfThePackageReferencesSmile() throws IOException {
    Path dir = ClassFiles.packageDir(BgNbd.class);
    Map<String, List<String>> references = ClassFiles.smileReferences(dir);
    List<String> offenders = new ArrayList<>();
    references.forEach((f, refs) -> refs.forEach(r -> offenders.add(f + ": " + r)));
    for (String c : new String[] {"BgNbd.class", "BgBb.class", "ShiftedBetaGeometric.class",
        "Diagnostics.class", "Bootstrap.class", "Hyp2F1.class"}) {
      assertTrue(references.containsKey(c), c + " not among the scanned files in " + dir);
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theScannerFindsSmileWhereItIsUsed() throws IOException {
    try (InputStream in = ClvLoadsNoSmileTest.class.getResourceAsStream(
        "ClvLoadsNoSmileTest.class")) {
      List<String> constants = ClassFiles.utf8Constants(in.readAllBytes());
      assertTrue(constants.stream().anyMatch(s -> s.contains("smile/clustering/KMeans")),
          "the scanner must see the Smile reference of touchSmile()");
    }
  }

  /** Refers to a Smile class: loads here, fails in the Smile-free loader. */
  static String touchSmile() {
    return smile.clustering.KMeans.class.getName();
  }

  @Test
  void theClvApiRunsWithoutSmileOnTheClassPath() throws Exception {
    assertEquals("smile.clustering.KMeans", touchSmile());
    URL[] urls = ClassFiles.smileFreeClassPath();
    for (URL u : urls) {
      assertFalse(u.toString().contains("smile"), u.toString());
    }
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> loader.loadClass("smile.clustering.KMeans"));
      Class<?> runner = loader.loadClass(ClvLoadsNoSmileTest.class.getName());
      assertSame(loader, runner.getClassLoader());
      // the check can fail: a method that links to Smile does fail in this loader
      Method touch = runner.getDeclaredMethod("touchSmile");
      touch.setAccessible(true);
      var e = assertThrows(InvocationTargetException.class, () -> touch.invoke(null));
      assertTrue(e.getCause() instanceof NoClassDefFoundError, e.getCause()::toString);
      assertTrue(e.getCause().getMessage().contains("smile/clustering/KMeans"),
          e.getCause()::getMessage);
      Method run = runner.getDeclaredMethod("exerciseEveryEntryPoint");
      run.setAccessible(true); // another loader: another runtime package
      assertEquals("ok", run.invoke(null));
      for (Class<?> c : new Class<?>[] {BgNbd.class, MbgNbd.class, GammaGamma.class,
          BgBb.class, ShiftedBetaGeometric.class, Diagnostics.class, Bootstrap.class}) {
        assertSame(loader, loader.loadClass(c.getName()).getClassLoader(), c.getName());
      }
    }
  }

  /** Runs inside the Smile-free loader: touches every public class of the package. */
  static String exerciseEveryEntryPoint() {
    CustomerSummaries weeks = Cdnow.weeks();
    BgNbd bg = BgNbd.fit(weeks);
    MbgNbd mbg = MbgNbd.fit(weeks.compress());
    GammaGamma gg = GammaGamma.fit(weeks);
    String s = bg.toString() + mbg + gg + bg.state() + BgNbd.from(bg.state())
        + bg.expectedPurchases(52) + bg.probabilityOfPurchases(3, 52)
        + bg.conditionalExpectedPurchases(2, 30.43, 38.86, 39)
        + mbg.probabilityAlive(2, 30.43, 38.86) + gg.conditionalExpectedSpend(2, 30)
        + bg.simulate(100, 39, 1L).size();
    WeightedSummaries donations = Donations.weighted();
    BgBb bb = BgBb.fit(donations);
    s += bb.toString() + bb.expectedTransactions(10) + bb.probabilityOfTransactions(2, 6)
        + bb.conditionalExpectedTransactions(4, 5, 6, 10) + bb.probabilityAlive(2, 4, 6, 1)
        + bb.conditionalProbabilityOfTransactions(1, 5, 4, 5, 6)
        + bb.discountedExpectedResidualTransactions(4, 5, 6, 0.1)
        + bb.simulate(100, 6, ChronoUnit.YEARS, 1L) + BgBb.from(bb.state());
    ShiftedBetaGeometric sbg = ShiftedBetaGeometric.fit(1000, 869, 743, 653, 593, 551, 517, 491);
    s += sbg.toString() + sbg.project(1000, 12) + sbg.project(1000, 12).toTable()
        + sbg.discountedExpectedResidualLifetime(3, 0.1) + sbg.discountedExpectedLifetime(0.1)
        + ShiftedBetaGeometric.fit(List.of(ShiftedBetaGeometric.Cohort.of(10000, 8000, 6480),
            ShiftedBetaGeometric.Cohort.observedFrom(1, 8000, 6480, 5307)))
        + ShiftedBetaGeometric.from(sbg.state());
    CalibrationHoldout ch = Cdnow.calibrationHoldout();
    for (Diagnostics d : new Diagnostics[] {Diagnostics.of(bg), Diagnostics.of(mbg)}) {
      s += d.frequencyHistogram(weeks, 7).toTable() + d.conditionalExpectation(ch, 7).toString()
          + d.tracking(Cdnow.log(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, ChronoUnit.WEEKS)
          .toTable() + d.probabilityAliveMatrix(39, 5, 4)
          + d.expectedTransactionsMatrix(39, 5, 4, 52).toTable();
    }
    s += Diagnostics.of(bb).frequencyHistogram(donations, 6).toString()
        + Diagnostics.informationCriteria(List.of(bg.state(), mbg.state())).toTable();
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(4).withSeed(2)
        .run(donations, BgBb::fit, m -> Map.of("E[X(10)]", m.expectedTransactions(10)));
    s += r + r.toTable().toString() + Bootstrap.withDefaults().withReplicates(2)
        .run(weeks, GammaGamma::fit, GammaGamma::parameters);
    return s.isEmpty() ? "empty" : "ok";
  }
}
