package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feature tables, scaling, crmkit's k-means, Gaussian mixtures, validity indices, k selection and
 * profiles refer to no Smile class (package description): their class files' constant pools name
 * no {@code smile/} type, so they load and run with Smile off the class path.
 */
class SmileFreeClassesTest {

  private static final Class<?>[] SMILE_FREE = {FeatureTable.class, FeatureTable.Builder.class,
      Scaler.class, FittedScaler.class, Clusters.class, Assignment.class, Clusterer.class,
      KMeansClusterer.class, Lloyd.class, GaussianMixtureClusterer.class, GaussianMixture.class,
      Validity.class, ValidityIndices.class, KSelection.class, SegmentProfiles.class,
      SegmentProfiles.Options.class, SegmentProfiles.Profile.class, Stats.class, Fmt.class};

  @Test
  void noSmileReferences() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Class<?> c : SMILE_FREE) {
      for (String s : utf8Constants(c)) {
        if (s.contains("smile/") || s.startsWith("smile.")) {
          offenders.add(c.getSimpleName() + ": " + s);
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theScannerSeesSmileWhereItIsUsed() throws IOException {
    assertFalse(utf8Constants(SmileKMeans.class).stream()
        .noneMatch(s -> s.contains("smile/clustering/KMeans")));
  }

  /** The CONSTANT_Utf8 entries of a class file (JVMS §4.4). */
  static List<String> utf8Constants(Class<?> c) throws IOException {
    String name = c.getName().substring(c.getPackageName().length() + 1) + ".class";
    try (InputStream raw = c.getResourceAsStream(name);
        var in = new DataInputStream(raw)) {
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
}
