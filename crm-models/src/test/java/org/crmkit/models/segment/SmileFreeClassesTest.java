package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.models.ClassFiles;
import org.junit.jupiter.api.Test;

/**
 * Only the Smile-based clusterers of the package refer to Smile classes (package description):
 * every other class file's constant pool names no {@code smile/} type, so feature tables, scaling,
 * crmkit's k-means, Gaussian mixtures, validity indices, k selection and profiles load and run
 * with Smile off the class path.
 */
class SmileFreeClassesTest {

  /** The top-level classes allowed to use Smile (their nested classes and lambdas too). */
  private static final Set<String> SMILE_USERS = Set.of("SmileKMeans", "SmileRandom",
      "GMeansClusterer", "DbscanClusterer", "HierarchicalClusterer");

  @Test
  void onlyTheSmileClusterersReferToSmile() throws IOException {
    Path dir = ClassFiles.packageDir(FeatureTable.class);
    Map<String, List<String>> references = ClassFiles.smileReferences(dir);
    List<String> offenders = new ArrayList<>();
    Set<String> users = new TreeSet<>();
    references.forEach((name, refs) -> {
      String top = ClassFiles.topLevel(name);
      boolean smile = !refs.isEmpty();
      if (smile && !SMILE_USERS.contains(top)) {
        offenders.add(name);
      }
      if (smile) {
        users.add(top);
      }
    });
    assertTrue(references.size() >= 25,
        "scanned only " + references.size() + " class files in " + dir);
    assertEquals(List.of(), offenders);
    assertEquals(new TreeSet<>(SMILE_USERS), users);   // the scanner does see Smile where used
  }
}
