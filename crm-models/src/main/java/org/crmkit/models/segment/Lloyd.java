package org.crmkit.models.segment;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * crmkit's own k-means (pure Java, no Smile): k-means++ seeding (Arthur &amp; Vassilvitskii 2007)
 * and Lloyd's iterations accelerated with Hamerly's bounds (Hamerly 2010), which skip the
 * distance computations that cannot change a customer's segment; the iterates are those of plain
 * Lloyd.
 *
 * <p>Per customer i: the assigned centre a(i), an upper bound u(i) on the distance to it and a
 * lower bound l(i) on the distance to any other centre. With s(j) half the distance from centre j
 * to its nearest other centre, a customer whose u(i) ≤ max(s(a(i)), l(i)) keeps its centre
 * without computing any distance. After the centres move by p(j), u(i) grows by p(a(i)) and l(i)
 * shrinks by the largest move of the other centres.
 *
 * <p>An empty segment (possible after an update) is given the customer farthest from its centre,
 * as scikit-learn does. Iterations stop when no customer changes segment, when the squared centre
 * shift Σ_j ‖Δc_j‖² falls to {@code tolerance} × the mean feature variance (scikit-learn's rule),
 * or after {@code maxIterations}; a final pass assigns every customer to its nearest centre.
 *
 * <p>Deterministic: the random draws come from one {@link SplittableRandom}, and the parallel
 * passes work on fixed blocks of rows whose partial sums are added in block order, so the result
 * does not depend on the number of threads.
 */
final class Lloyd {

  private static final int BLOCK = 8192;

  private final double[] x;
  private final int n;
  private final int d;
  private final int k;
  private final int blocks;

  Lloyd(double[] x, int n, int d, int k) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.k = k;
    this.blocks = (n + BLOCK - 1) / BLOCK;
  }

  /** One run's result. */
  record Run(int[] labels, double[] centers, double inertia, int iterations, boolean converged) {}

  /** The mean variance of the features: the scale of the tolerance. */
  double meanVariance() {
    double total = 0;
    for (int t = 0; t < d; t++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i * d + t];
      }
      m /= n;
      double v = 0;
      for (int i = 0; i < n; i++) {
        double e = x[i * d + t] - m;
        v += e * e;
      }
      total += v / n;
    }
    return total / d;
  }

  /** k-means++ seeds: the first centre uniformly, then with probability ∝ D(x)². */
  double[] seeds(SplittableRandom rnd) {
    double[] c = new double[k * d];
    double[] dist = new double[n];
    int first = rnd.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    double[] blockSum = new double[blocks];
    for (int j = 1; j <= k; j++) {
      int cj = j - 1;
      IntStream.range(0, blocks).parallel().forEach(b -> {
        double s = 0;
        for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
          double q = Stats.sq(x, i, c, cj, d);
          if (q < dist[i]) {
            dist[i] = q;
          }
          s += dist[i];
        }
        blockSum[b] = s;
      });
      if (j == k) {
        break;
      }
      double total = 0;
      for (double s : blockSum) {
        total += s;
      }
      int pick;
      if (!(total > 0)) {
        pick = rnd.nextInt(n);   // every point coincides with a centre: any will do
      } else {
        double u = rnd.nextDouble() * total;
        int b = 0;
        while (b < blocks - 1 && u >= blockSum[b]) {
          u -= blockSum[b];
          b++;
        }
        pick = Math.min(n, (b + 1) * BLOCK) - 1;
        for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
          u -= dist[i];
          if (u < 0 && dist[i] > 0) {
            pick = i;
            break;
          }
        }
        if (dist[pick] == 0) {
          for (int i = 0; i < n; i++) {
            if (dist[i] > 0) {
              pick = i;
              break;
            }
          }
        }
      }
      System.arraycopy(x, pick * d, c, j * d, d);
    }
    return c;
  }

  /** Lloyd iterations from {@code centers} (modified in place). */
  Run run(double[] centers, int maxIterations, double tolerance, double meanVariance) {
    int[] a = new int[n];
    double[] u = new double[n];
    double[] l = new double[n];
    double[][] deltaSum = new double[blocks][k * d];
    int[][] deltaCount = new int[blocks][k];
    int[] changedPerBlock = new int[blocks];
    double[] s = new double[k];
    double[] move = new double[k];
    double[] sum = new double[k * d];
    int[] count = new int[k];
    double shiftTol = tolerance * meanVariance;
    // first assignment (exact nearest and second nearest) and the segment sums
    IntStream.range(0, blocks).parallel().forEach(b -> {
      double[] sb = deltaSum[b];
      int[] cb = deltaCount[b];
      for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
        nearestTwo(i, centers, a, u, l);
        cb[a[i]]++;
        for (int t = 0; t < d; t++) {
          sb[a[i] * d + t] += x[i * d + t];
        }
      }
    });
    addDeltas(deltaSum, deltaCount, sum, count);
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      // centres = means of the current segments
      relocateEmpty(a, u, l, sum, count);
      double shift = 0;
      for (int j = 0; j < k; j++) {
        double m = 0;
        for (int t = 0; t < d; t++) {
          double nc = sum[j * d + t] / count[j];
          double e = nc - centers[j * d + t];
          m += e * e;
          centers[j * d + t] = nc;
        }
        move[j] = Math.sqrt(m);
        shift += m;
      }
      if (shift <= shiftTol) {
        converged = true;
        break;
      }
      // bounds after the move
      int far = 0;
      for (int j = 1; j < k; j++) {
        if (move[j] > move[far]) {
          far = j;
        }
      }
      double second = 0;
      for (int j = 0; j < k; j++) {
        if (j != far) {
          second = Math.max(second, move[j]);
        }
      }
      int farC = far;
      double maxMove = move[far];
      double secondMove = second;
      for (int j = 0; j < k; j++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j2 = 0; j2 < k; j2++) {
          if (j2 != j) {
            best = Math.min(best, Stats.sq(centers, j, centers, j2, d));
          }
        }
        s[j] = 0.5 * Math.sqrt(best);
      }
      // reassign where the bounds allow a change; segment sums updated by the moves only
      IntStream.range(0, blocks).parallel().forEach(b -> {
        double[] sb = deltaSum[b];
        int[] cb = deltaCount[b];
        int changed = 0;
        for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
          int ai = a[i];
          u[i] += move[ai];
          l[i] -= ai == farC ? secondMove : maxMove;
          double m = Math.max(s[ai], l[i]);
          if (u[i] > m) {
            u[i] = Math.sqrt(Stats.sq(x, i, centers, ai, d));
            if (u[i] > m) {
              nearestTwo(i, centers, a, u, l);
              int now = a[i];
              if (now != ai) {
                changed++;
                cb[ai]--;
                cb[now]++;
                for (int t = 0; t < d; t++) {
                  double v = x[i * d + t];
                  sb[ai * d + t] -= v;
                  sb[now * d + t] += v;
                }
              }
            }
          }
        }
        changedPerBlock[b] = changed;
      });
      addDeltas(deltaSum, deltaCount, sum, count);
      int changed = 0;
      for (int c : changedPerBlock) {
        changed += c;
      }
      if (changed == 0) {
        converged = true;
        break;
      }
    }
    // final pass: every customer to its nearest final centre
    double[] inertiaPerBlock = new double[blocks];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      double w = 0;
      for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
        nearestTwo(i, centers, a, u, l);
        w += u[i] * u[i];
      }
      inertiaPerBlock[b] = w;
    });
    double inertia = 0;
    for (double w : inertiaPerBlock) {
      inertia += w;
    }
    return new Run(a, centers, inertia, iterations, converged);
  }

  /** Adds the blocks' partial sums and counts in block order, and clears them. */
  private void addDeltas(double[][] deltaSum, int[][] deltaCount, double[] sum, int[] count) {
    for (int b = 0; b < blocks; b++) {
      double[] sb = deltaSum[b];
      int[] cb = deltaCount[b];
      for (int q = 0; q < k * d; q++) {
        sum[q] += sb[q];
      }
      for (int j = 0; j < k; j++) {
        count[j] += cb[j];
      }
      Arrays.fill(sb, 0);
      Arrays.fill(cb, 0);
    }
  }

  /** Sets a(i), u(i) = distance to the nearest centre, l(i) = to the second nearest. */
  private void nearestTwo(int i, double[] c, int[] a, double[] u, double[] l) {
    if (d == 3) {
      nearestTwo3(i, c, a, u, l);
      return;
    }
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    int best = 0;
    for (int j = 0; j < k; j++) {
      double q = Stats.sq(x, i, c, j, d);
      if (q < d1) {
        d2 = d1;
        d1 = q;
        best = j;
      } else if (q < d2) {
        d2 = q;
      }
    }
    a[i] = best;
    u[i] = Math.sqrt(d1);
    l[i] = Math.sqrt(d2);
  }

  /** {@link #nearestTwo} unrolled for three features, the RFM case (about a quarter faster). */
  private void nearestTwo3(int i, double[] c, int[] a, double[] u, double[] l) {
    double x0 = x[3 * i];
    double x1 = x[3 * i + 1];
    double x2 = x[3 * i + 2];
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    int best = 0;
    for (int j = 0, o = 0; j < k; j++, o += 3) {
      double e0 = x0 - c[o];
      double e1 = x1 - c[o + 1];
      double e2 = x2 - c[o + 2];
      double q = e0 * e0 + e1 * e1 + e2 * e2;
      if (q < d1) {
        d2 = d1;
        d1 = q;
        best = j;
      } else if (q < d2) {
        d2 = q;
      }
    }
    a[i] = best;
    u[i] = Math.sqrt(d1);
    l[i] = Math.sqrt(d2);
  }

  /**
   * Gives each empty segment the customer farthest from its centre (by the upper bound, which is
   * exact or larger), taken from a segment of more than one customer.
   */
  private void relocateEmpty(int[] a, double[] u, double[] l, double[] sum, int[] count) {
    boolean any = false;
    for (int c : count) {
      any |= c == 0;
    }
    if (!any) {
      return;
    }
    for (int j = 0; j < k; j++) {
      if (count[j] > 0) {
        continue;
      }
      int far = -1;
      for (int i = 0; i < n; i++) {
        if (count[a[i]] > 1 && (far < 0 || u[i] > u[far])) {
          far = i;
        }
      }
      if (far < 0) {
        return;   // fewer distinct customers than segments: left to the caller's check
      }
      int old = a[far];
      count[old]--;
      count[j] = 1;
      for (int t = 0; t < d; t++) {
        sum[old * d + t] -= x[far * d + t];
        sum[j * d + t] = x[far * d + t];
      }
      a[far] = j;
      u[far] = 0;
      l[far] = 0;
    }
  }
}
