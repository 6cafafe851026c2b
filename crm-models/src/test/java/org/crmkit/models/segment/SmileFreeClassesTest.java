package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
  void onlyTheSmileClusterersReferToSmile() throws IOException, URISyntaxException {
    Path dir = Path.of(FeatureTable.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).resolve("org/crmkit/models/segment");
    List<String> offenders = new ArrayList<>();
    Set<String> users = new TreeSet<>();
    int scanned = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        scanned++;
        String name = f.getFileName().toString();
        String top = name.replaceAll("[$.].*", "");
        boolean smile = false;
        try (InputStream in = Files.newInputStream(f)) {
          for (String s : utf8Constants(in, name)) {
            smile |= s.contains("smile/") || s.startsWith("smile.");
          }
        }
        if (smile && !SMILE_USERS.contains(top)) {
          offenders.add(name);
        }
        if (smile) {
          users.add(top);
        }
      }
    }
    assertTrue(scanned >= 25, "scanned only " + scanned + " class files in " + dir);
    assertEquals(List.of(), offenders);
    assertEquals(new TreeSet<>(SMILE_USERS), users);   // the scanner does see Smile where used
  }

  /** The CONSTANT_Utf8 entries of a class file (JVMS §4.4). */
  static List<String> utf8Constants(InputStream raw, String name) throws IOException {
    var in = new DataInputStream(raw);
    in.readInt();
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    List<String> out = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> out.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant tag " + tag + " in " + name);
      }
    }
    return out;
  }
}
