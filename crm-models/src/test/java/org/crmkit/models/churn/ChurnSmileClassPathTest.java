package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crmkit.models.ClassFiles;
import org.junit.jupiter.api.Test;

/**
 * Every Smile learner the churn package calls runs with smile-core and smile-base alone on the
 * class path (the parent POM excludes DuckDB, the JavaCPP/OpenBLAS natives, parso and
 * commons-csv), and only {@code SmileBackend} refers to Smile.
 */
class ChurnSmileClassPathTest {

  @Test
  void onlySmileCoreAndSmileBaseAreOnTheClassPath() throws Exception {
    for (String name : new String[] {"org.duckdb.DuckDBDriver", "org.bytedeco.javacpp.Loader",
        "org.bytedeco.openblas.global.openblas", "com.epam.parso.SasFileReader",
        "org.apache.commons.csv.CSVFormat"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
    TreeSet<String> smileJars = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("haifengl")) {
        smileJars.add(Path.of(entry).getFileName().toString());
      }
    }
    assertEquals(new TreeSet<>(List.of("smile-base-4.4.2.jar", "smile-core-4.4.2.jar")),
        smileJars);
    for (Class<?> c : new Class<?>[] {smile.classification.LogisticRegression.class,
        smile.classification.RandomForest.class, smile.classification.GradientTreeBoost.class}) {
      String where = c.getProtectionDomain().getCodeSource().getLocation().toString();
      assertTrue(where.contains("smile-core-4.4.2.jar"), c + " from " + where);
    }
  }

  @Test
  void everyLearnerWeCallRunsWithoutTheHeavyDependencies() {
    Synthetic.Data d = Synthetic.data(400, 12);
    List<ChurnClassifier> all = List.of(
        ChurnClassifier.logisticRegression(),
        ChurnClassifier.logisticRegression().withClassWeights(ClassWeights.balanced()),
        ChurnClassifier.randomForest().withTrees(10).withEngine(ChurnClassifier.Engine.SMILE),
        ChurnClassifier.randomForest().withTrees(10).withEngine(ChurnClassifier.Engine.SMILE)
            .withClassWeights(ClassWeights.balanced()).withSubsample(0.8).withMtry(2),
        ChurnClassifier.gradientBoosting().withTrees(10),
        ChurnClassifier.gradientBoosting().withTrees(10).withClassWeights(ClassWeights.of(1, 2))
            .withCalibration(Calibration.ISOTONIC),
        ChurnClassifier.randomForest().withTrees(10).withEngine(ChurnClassifier.Engine.SMILE)
            .withCalibration(Calibration.PLATT));
    for (ChurnClassifier c : all) {
      double[] p = c.fit(d.features(), d.y()).probabilities(d.features());
      assertEquals(400, p.length);
      double auc = ChurnMetrics.rocAuc(d.y(), p);
      assertTrue(auc > 0.7, c.describe() + ": in-sample AUC " + auc);
    }
  }

  @Test
  void onlySmileBackendRefersToSmile() throws IOException {
    Map<String, List<String>> references =
        ClassFiles.smileReferences(ClassFiles.packageDir(ChurnClassifier.class));
    List<String> users = new ArrayList<>();
    references.forEach((name, refs) -> {
      if (!refs.isEmpty()) {
        users.add(ClassFiles.topLevel(name));
      }
    });
    assertTrue(references.size() >= 20, "scanned " + references.size());
    assertFalse(users.isEmpty(), "the scan must find SmileBackend");
    assertEquals(List.of("SmileBackend"), users.stream().distinct().toList());
  }
}
