package org.crmkit.models.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.crmkit.core.Checks;

/**
 * Cluster validity indices: how compact and separated the segments are, to compare segmentations
 * and choose k ({@link KSelection}). Pure Java (no Smile). Distances are Euclidean, in the space
 * of the table given (the scaled table the segments were made on). Noise customers
 * ({@link Clusters#NOISE}) are left out of every index; the conventions otherwise follow
 * scikit-learn 1.2's {@code sklearn.metrics}, whose values the tests reproduce.
 *
 * <ul>
 *   <li><b>Silhouette</b> (Rousseeuw 1987): for customer i in segment A, a(i) = mean distance to
 *       the other members of A, b(i) = min over other segments B of the mean distance to B's
 *       members, s(i) = (b − a) / max(a, b), and s(i) = 0 when A has one member (or a = b = 0).
 *       The index is the mean of s(i), in [−1, 1], higher is better. Exact: O(n²·d) time. Sampled
 *       ({@link #silhouette(FeatureTable, Clusters, int, long)}): the exact silhouette of a
 *       uniform random sample drawn without replacement, seeded (scikit-learn's
 *       {@code sample_size}).
 *   <li><b>Davies–Bouldin</b> (Davies &amp; Bouldin 1979): S_i = mean distance of segment i's
 *       members to its centroid, M_ij = distance between centroids, DB = (1/k) Σ_i max_{j≠i}
 *       (S_i + S_j) / M_ij; lower is better, 0 at best. As in scikit-learn, a pair of coincident
 *       centroids (M_ij = 0) is skipped, and DB = 0 when every S_i or every M_ij is within 1e-8
 *       of 0.
 *   <li><b>Calinski–Harabasz</b> (Caliński &amp; Harabasz 1974): CH = [B / (k − 1)] / [W / (n −
 *       k)], B = Σ_c n_c ‖c_c − x̄‖², W = Σ_i ‖x_i − c(i)‖²; higher is better. CH = 1 when W = 0
 *       (scikit-learn's convention).
 *   <li><b>Inertia</b>: W above, what k-means minimises ({@link Clusters#inertia()}).
 * </ul>
 *
 * <p>Every index needs 2 ≤ k ≤ n − 1 (n customers in segments), as scikit-learn does. Results are
 * deterministic (parallel loops write one value per customer; sums run in a fixed order).
 */
public final class Validity {

  /** Tables larger than this get a sampled silhouette in {@link #of(FeatureTable, Clusters)}. */
  public static final int EXACT_SILHOUETTE_LIMIT = 10_000;

  /** The default silhouette sample size for large tables. */
  public static final int DEFAULT_SAMPLE_SIZE = 10_000;

  /** The default seed of the silhouette sample. */
  public static final long DEFAULT_SEED = 1L;

  private Validity() {}

  /**
   * All indices. The silhouette is exact up to {@link #EXACT_SILHOUETTE_LIMIT} customers in
   * segments and sampled above (sample {@link #DEFAULT_SAMPLE_SIZE}, seed {@link #DEFAULT_SEED}).
   *
   * @throws IllegalArgumentException if the table does not match the clusters (columns,
   *     customers) or k is not in [2, n − 1]
   */
  public static ValidityIndices of(FeatureTable features, Clusters clusters) {
    return of(features, clusters, DEFAULT_SAMPLE_SIZE, DEFAULT_SEED);
  }

  /**
   * All indices, with a silhouette sampled to {@code sampleSize} customers when there are more
   * (exact otherwise).
   *
   * @throws IllegalArgumentException as {@link #of(FeatureTable, Clusters)}, or if sampleSize
   *     &lt; 2
   */
  public static ValidityIndices of(FeatureTable features, Clusters clusters, int sampleSize,
      long seed) {
    Data p = Data.of(features, clusters);
    double sil = p.m <= sampleSize ? p.silhouette() : p.sample(sampleSize, seed).silhouette();
    return new ValidityIndices(p.k, p.m, clusters.noise(), p.inertia(), sil,
        p.m <= sampleSize ? p.m : sampleSize, p.daviesBouldin(), p.calinskiHarabasz());
  }

  /** The exact mean silhouette. */
  public static double silhouette(FeatureTable features, Clusters clusters) {
    return Data.of(features, clusters).silhouette();
  }

  /**
   * The mean silhouette of a uniform random sample of {@code sampleSize} customers in segments
   * (all of them when there are fewer), drawn with a {@link SplittableRandom} seeded with
   * {@code seed}.
   *
   * @throws IllegalArgumentException if sampleSize &lt; 2, or the sample holds fewer than 2
   *     segments
   */
  public static double silhouette(FeatureTable features, Clusters clusters, int sampleSize,
      long seed) {
    Data p = Data.of(features, clusters);
    return p.m <= sampleSize ? p.silhouette() : p.sample(sampleSize, seed).silhouette();
  }

  /** The silhouette s(i) of every customer, in row order; 0 for noise customers. */
  public static double[] silhouetteValues(FeatureTable features, Clusters clusters) {
    Data p = Data.of(features, clusters);
    double[] s = p.silhouetteValues();
    double[] out = new double[features.size()];
    for (int r = 0; r < p.m; r++) {
      out[p.rows[r]] = s[r];
    }
    return out;
  }

  /** The Davies–Bouldin index. */
  public static double daviesBouldin(FeatureTable features, Clusters clusters) {
    return Data.of(features, clusters).daviesBouldin();
  }

  /** The Calinski–Harabasz index. */
  public static double calinskiHarabasz(FeatureTable features, Clusters clusters) {
    return Data.of(features, clusters).calinskiHarabasz();
  }

  /**
   * The customers in segments, copied so that each segment's rows are contiguous: segment c
   * holds rows start[c] .. start[c+1]−1 of {@code x}.
   */
  static final class Data {
    final int m;
    final int k;
    final int d;
    final double[] x;
    final int[] start;
    final int[] rows;

    private Data(double[] x, int d, int[] start, int[] rows) {
      this.x = x;
      this.d = d;
      this.start = start;
      this.k = start.length - 1;
      this.m = rows.length;
      this.rows = rows;
    }

    static Data of(FeatureTable features, Clusters clusters) {
      Checks.notNull("features", features);
      Checks.notNull("clusters", clusters);
      features.requireColumns(clusters.columns(), "the segmentation");
      features.requireCustomers(clusters.ids(), "the segmentation");
      return of(features.data(), features.columnCount(), clusters.labels(), clusters.k());
    }

    static Data of(double[] data, int d, int[] labels, int k) {
      int[] count = new int[k + 1];
      for (int l : labels) {
        if (l != Clusters.NOISE) {
          count[l + 1]++;
        }
      }
      int[] start = new int[k + 1];
      for (int c = 0; c < k; c++) {
        start[c + 1] = start[c] + count[c + 1];
      }
      int m = start[k];
      checkK(k, m);
      int[] pos = Arrays.copyOf(start, k);
      double[] x = new double[m * d];
      int[] rows = new int[m];
      for (int i = 0; i < labels.length; i++) {
        int l = labels[i];
        if (l != Clusters.NOISE) {
          int r = pos[l]++;
          rows[r] = i;
          System.arraycopy(data, i * d, x, r * d, d);
        }
      }
      return new Data(x, d, start, rows);
    }

    private static void checkK(int k, int m) {
      if (k < 2 || k > m - 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "validity indices need 2 <= k <= n - 1 segments (n = %d customers in segments):"
                + " k = %d", m, k));
      }
    }

    /** A uniform sample of {@code s} rows without replacement (partial Fisher–Yates). */
    Data sample(int s, long seed) {
      if (s < 2) {
        throw new IllegalArgumentException("sampleSize must be >= 2: " + s);
      }
      var rnd = new SplittableRandom(seed);
      int[] idx = new int[m];
      for (int i = 0; i < m; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < s; i++) {
        int j = i + rnd.nextInt(m - i);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      int[] chosen = Arrays.copyOf(idx, s);
      Arrays.sort(chosen);
      int[] labels = new int[s];
      double[] sx = new double[s * d];
      int c = 0;
      for (int i = 0; i < s; i++) {
        int r = chosen[i];
        while (r >= start[c + 1]) {
          c++;
        }
        labels[i] = c;
        System.arraycopy(x, r * d, sx, i * d, d);
      }
      int used = 0;
      int[] newLabel = new int[k];
      Arrays.fill(newLabel, -1);
      for (int i = 0; i < s; i++) {
        if (newLabel[labels[i]] < 0) {
          newLabel[labels[i]] = used++;
        }
        labels[i] = newLabel[labels[i]];
      }
      if (used < 2) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the silhouette sample of %d customers holds only one segment; sample more", s));
      }
      return of(sx, d, labels, used);
    }

    /** s(i) of every customer, in the contiguous order; parallel over customers. */
    double[] silhouetteValues() {
      int[] seg = new int[m];
      for (int c = 0; c < k; c++) {
        Arrays.fill(seg, start[c], start[c + 1], c);
      }
      double[] s = new double[m];
      IntStream.range(0, m).parallel().forEach(i -> s[i] = silhouetteOf(i, seg[i]));
      return s;
    }

    private double silhouetteOf(int i, int a) {
      int na = start[a + 1] - start[a];
      if (na == 1) {
        return 0;
      }
      double own = 0;
      double nearest = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double sum = 0;
        for (int j = start[c]; j < start[c + 1]; j++) {
          sum += Math.sqrt(Stats.sq(x, i, x, j, d));
        }
        if (c == a) {
          own = sum / (na - 1);
        } else {
          nearest = Math.min(nearest, sum / (start[c + 1] - start[c]));
        }
      }
      double mx = Math.max(own, nearest);
      return mx > 0 ? (nearest - own) / mx : 0;
    }

    double silhouette() {
      double sum = 0;
      for (double v : silhouetteValues()) {
        sum += v;
      }
      return sum / m;
    }

    double[] centroids() {
      double[] c = new double[k * d];
      for (int a = 0; a < k; a++) {
        int na = start[a + 1] - start[a];
        for (int i = start[a]; i < start[a + 1]; i++) {
          for (int t = 0; t < d; t++) {
            c[a * d + t] += x[i * d + t];
          }
        }
        for (int t = 0; t < d; t++) {
          c[a * d + t] /= na;
        }
      }
      return c;
    }

    double inertia() {
      double[] c = centroids();
      double w = 0;
      for (int a = 0; a < k; a++) {
        for (int i = start[a]; i < start[a + 1]; i++) {
          w += Stats.sq(x, i, c, a, d);
        }
      }
      return w;
    }

    double daviesBouldin() {
      double[] c = centroids();
      double[] s = new double[k];
      boolean allIntraZero = true;
      for (int a = 0; a < k; a++) {
        double sum = 0;
        for (int i = start[a]; i < start[a + 1]; i++) {
          sum += Math.sqrt(Stats.sq(x, i, c, a, d));
        }
        s[a] = sum / (start[a + 1] - start[a]);
        allIntraZero &= Math.abs(s[a]) <= 1e-8;
      }
      double[] dist = new double[k * k];
      boolean allCentroidsClose = true;
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          dist[a * k + b] = Math.sqrt(Stats.sq(c, a, c, b, d));
          allCentroidsClose &= dist[a * k + b] <= 1e-8;
        }
      }
      if (allIntraZero || allCentroidsClose) {
        return 0;
      }
      double total = 0;
      for (int a = 0; a < k; a++) {
        double worst = 0;
        for (int b = 0; b < k; b++) {
          double mab = dist[a * k + b];
          if (b != a && mab > 0) {
            worst = Math.max(worst, (s[a] + s[b]) / mab);
          }
        }
        total += worst;
      }
      return total / k;
    }

    double calinskiHarabasz() {
      double[] c = centroids();
      double[] mean = new double[d];
      for (int i = 0; i < m; i++) {
        for (int t = 0; t < d; t++) {
          mean[t] += x[i * d + t];
        }
      }
      for (int t = 0; t < d; t++) {
        mean[t] /= m;
      }
      double between = 0;
      for (int a = 0; a < k; a++) {
        between += (start[a + 1] - start[a]) * Stats.sq(c, a, mean, 0, d);
      }
      double within = inertia();
      if (within == 0) {
        return 1;
      }
      return between * (m - k) / (within * (k - 1.0));
    }
  }
}
