package org.crmkit.models.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Data sets of the segmentation tests (sources in {@code src/test/resources/data/iris}). */
final class SegmentData {

  private SegmentData() {}

  /** The 150 iris flowers, raw measurements (cm), ids "1".."150". */
  static FeatureTable iris() {
    List<double[]> rows = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(
        SegmentData.class.getResourceAsStream("/data/iris/iris.csv"), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        double[] r = new double[f.length];
        for (int j = 0; j < f.length; j++) {
          r[j] = Double.parseDouble(f[j]);
        }
        rows.add(r);
      }
      return FeatureTable.of(ids(rows.size()), header.split(","), rows.toArray(double[][]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The iris species as segments: 50 × 0, 50 × 1, 50 × 2. */
  static int[] irisSpecies() {
    int[] y = new int[150];
    for (int i = 0; i < 150; i++) {
      y[i] = i / 50;
    }
    return y;
  }

  static String[] ids(int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i + 1);
    }
    return ids;
  }

  /**
   * Three 2-D Gaussian blobs of 15 points (rows 0–14 around (0, 0), 15–29 around (4, 0.5), 30–44
   * around (1.5, 3.5); sd 0.6 and 0.5, rounded to 4 decimals), then two outliers (8, 8) and
   * (−5, 6). Drawn once with numpy (default_rng(20260101)) and written here, so that scipy and
   * scikit-learn could be run on exactly these numbers.
   */
  static final double[][] BLOBS = {
    {0.9467, 0.5893}, {0.1863, -0.193}, {-0.1705, -1.3946}, {0.1505, -0.2792},
    {0.2399, 0.2253}, {0.9118, -0.2166}, {0.2365, 0.9352}, {-0.4002, 0.0287},
    {0.0483, -0.7535}, {0.2641, -0.6728}, {0.9679, -0.7531}, {0.181, -0.0531},
    {0.2619, 0.2759}, {-0.6149, 0.2428}, {-0.4209, 0.3836},
    {3.1757, 0.0667}, {3.9611, 0.9206}, {3.7847, 0.4222}, {4.95, 0.9095},
    {3.9878, 0.1738}, {3.5702, 0.2395}, {3.4372, 0.6929}, {4.3835, 0.9387},
    {3.3326, 0.4501}, {3.6238, 1.626}, {4.7437, -0.4134}, {4.7812, 1.0013},
    {4.1666, 1.0643}, {4.7113, 0.5026}, {4.4267, 0.2638},
    {1.435, 3.542}, {1.9104, 3.4671}, {1.506, 3.7139}, {0.5355, 3.6718},
    {2.0944, 4.0424}, {1.9264, 3.1305}, {1.906, 4.0021}, {1.847, 3.2288},
    {1.7843, 3.188}, {0.8853, 3.9368}, {1.873, 4.3092}, {2.408, 3.2129},
    {1.2862, 4.3085}, {0.8734, 3.7051}, {1.2102, 3.1547},
    {8.0, 8.0}, {-5.0, 6.0},
  };

  /** The 47 blob points (outliers included). */
  static FeatureTable blobsWithOutliers() {
    return FeatureTable.of(ids(BLOBS.length), new String[] {"a", "b"}, BLOBS);
  }

  /** The 45 blob points without the outliers. */
  static FeatureTable blobs() {
    return FeatureTable.of(ids(45), new String[] {"a", "b"},
        java.util.Arrays.copyOf(BLOBS, 45));
  }

  /** The true blob of each of the 45 points. */
  static int[] blobTruth() {
    int[] y = new int[45];
    for (int i = 0; i < 45; i++) {
      y[i] = i / 15;
    }
    return y;
  }

  /**
   * Labels from a digit string as printed by scipy's fcluster (1-based) or, with
   * {@code offset} 0, space-separated scikit-learn labels (−1 noise).
   */
  static int[] labels(String s) {
    if (s.contains(" ")) {
      String[] f = s.trim().split(" +");
      int[] y = new int[f.length];
      for (int i = 0; i < f.length; i++) {
        y[i] = Integer.parseInt(f[i]);
      }
      return y;
    }
    int[] y = new int[s.length()];
    for (int i = 0; i < y.length; i++) {
      y[i] = s.charAt(i) - '1';
    }
    return y;
  }

  /**
   * True when two labellings are the same partition up to renumbering (noise −1 must match
   * exactly).
   */
  static boolean samePartition(int[] a, int[] b) {
    if (a.length != b.length) {
      return false;
    }
    java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
    for (int i = 0; i < a.length; i++) {
      if ((a[i] == -1) != (b[i] == -1)) {
        return false;
      }
      Integer x = ab.putIfAbsent(a[i], b[i]);
      Integer y = ba.putIfAbsent(b[i], a[i]);
      if ((x != null && x != b[i]) || (y != null && y != a[i])) {
        return false;
      }
    }
    return true;
  }
}
