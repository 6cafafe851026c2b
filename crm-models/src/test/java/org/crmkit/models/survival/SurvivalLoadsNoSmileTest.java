package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
  void noClassOfThePackageReferencesSmile() throws IOException, URISyntaxException {
    Path dir = location(KaplanMeier.class).resolve("org/crmkit/models/survival");
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        scanned++;
        for (String s : utf8Constants(Files.readAllBytes(f))) {
          if (s.contains("smile/") || s.startsWith("smile.")) {
            offenders.add(f.getFileName() + ": " + s);
          }
        }
      }
    }
    assertTrue(scanned >= 10, "scanned only " + scanned + " class files in " + dir);
    assertEquals(List.of(), offenders);
  }

  @Test
  void theScannerFindsSmileWhereItIsUsed() throws IOException {
    try (InputStream in = SurvivalLoadsNoSmileTest.class.getResourceAsStream(
        "/org/crmkit/models/SmileClassPathTest.class")) {
      List<String> constants = utf8Constants(in.readAllBytes());
      assertTrue(constants.stream().anyMatch(s -> s.contains("smile/clustering/KMeans")),
          "the scanner must see Smile references where they exist");
    }
  }

  @Test
  void theSurvivalApiRunsWithoutSmileOnTheClassPath() throws Exception {
    URL[] urls = {
        location(KaplanMeier.class).toUri().toURL(),             // crm-models main classes
        location(SurvivalLoadsNoSmileTest.class).toUri().toURL(), // this runner + test data
        location(org.crmkit.core.Checks.class).toUri().toURL(),
        location(org.apache.commons.math3.special.Gamma.class).toUri().toURL(),
        location(org.slf4j.LoggerFactory.class).toUri().toURL(),
        location(org.slf4j.simple.SimpleLogger.class).toUri().toURL()};
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

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The CONSTANT_Utf8 entries of a class file's constant pool (JVMS §4.4). */
  static List<String> utf8Constants(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    List<String> out = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> out.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // long and double take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    return out;
  }
}
