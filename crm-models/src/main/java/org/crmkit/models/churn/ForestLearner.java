package org.crmkit.models.churn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * crmkit's own random forest of classification trees (Breiman 2001; trees after CART, Breiman et
 * al. 1984), in plain Java: the {@link ChurnClassifier.Engine#CRMKIT} engine.
 *
 * <p><b>Binning.</b> Each feature is binned once per fit: a feature with at most
 * {@value #MAX_BINS} distinct values gets one bin per value (exact); otherwise the bins end at the
 * values of ranks ⌈b·n/256⌉ (b = 1…256) of the sorted column, with repeated boundaries merged, so
 * every bin holds about n/256 rows. Bins depend only on the ranks of the values, so a strictly
 * increasing transform of a feature changes no tree. Bin codes are stored column-wise, one byte
 * per row and feature.
 *
 * <p><b>Splits.</b> A node's split minimises the children's weighted Gini impurity
 * {@code imp(l0, l1) + imp(r0, r1)} with {@code imp(a, b) = a * b / (a + b)} (half of W · Gini,
 * W = a + b) over the weighted class totals (class weight × rows, a row counted as often as it
 * is in the tree's sample), among the splits "bin ≤ b" of a fresh random subset of mtry features
 * that leave at least nodeSize rows on each side. Ties go to the lowest feature index, then the
 * lowest threshold. The split's threshold is a real training value: the largest value of the
 * feature, over all rows of the fit, in the left bins (the upper end of bin b, where b is the last
 * bin that holds rows of the node), and a row goes left when its value is ≤ the threshold, so
 * prediction works on raw doubles and, with exact bins, the threshold is the largest left value of
 * the node, as in an unbinned CART. A node becomes a leaf when it is pure, has fewer than 2 ×
 * nodeSize rows, lies at depth maxDepth (the root is at depth 1), no split of its subset is valid,
 * or its best split lowers the impurity by no more than 1e-12 of the node's own (rounding).
 *
 * <p><b>Histograms.</b> Splits are found from per-node histograms of class counts by bin: the
 * smaller child's by scanning its rows; the larger child's, for each of its features that the
 * parent also had, by subtracting the smaller child's counts from the parent's (the parent's
 * histograms are kept only for nodes of at least {@value #KEEP_HISTOGRAMS} rows, which bounds the
 * memory), otherwise by scanning.
 *
 * <p><b>Growth.</b> Best first: every node's best split is found when the node is made, and the
 * leaf whose split lowers the weighted impurity most is split next (ties: the older node) until
 * the tree has maxNodes leaves or no leaf can be split. When maxNodes does not bind this is the
 * same tree as depth-first growth.
 *
 * <p><b>Sampling.</b> subsample &lt; 1: each tree sees round(subsample · n) rows drawn without
 * replacement; subsample = 1: a bootstrap sample of n rows with replacement. Class weights are not
 * used in sampling, only as sample weights in the impurity and the leaf frequencies.
 *
 * <p><b>Determinism.</b> Tree t grows from the t-th {@code nextLong()} of a
 * {@link SplittableRandom} seeded with the forest's seed, and trees are combined in tree order,
 * so the forest is the same on any thread and any number of cores. Trees grow in parallel on the
 * caller's fork-join pool (the common pool unless called from inside another).
 *
 * <p><b>Output.</b> P(churn) is the mean over trees of the leaf's weighted class-1 frequency
 * w₁n₁ / (w₀n₀ + w₁n₁). The importance of a feature is the mean over trees of the sum, over the
 * tree's splits on the feature, of the decrease in weighted Gini impurity (W · Gini of the node
 * minus that of its children), divided by the root's weight W: it is in Gini units, and the
 * importances of all features add up to the mean over trees of (the root's Gini − the leaves'
 * weighted mean Gini), at most 0.5.
 */
final class ForestLearner {

  /** The most bins per feature (bin codes fit a byte). */
  static final int MAX_BINS = 256;

  /** A node keeps its histograms for its larger child only from this many rows up. */
  static final int KEEP_HISTOGRAMS = 256;

  /** A split must lower the node's impurity by more than this share of it. */
  static final double MIN_DECREASE = 1e-12;

  /**
   * The learner's options.
   *
   * @param trees the number of trees, &ge; 1
   * @param mtry features tried per split, 1..p, or 0 for ⌊√p⌋
   * @param maxDepth the maximum depth, &ge; 2 (the root is at depth 1)
   * @param maxNodes the maximum number of leaves, &ge; 2, or 0 for max(2, n/5)
   * @param nodeSize the minimum number of rows in a leaf, &ge; 1
   * @param subsample the share of rows per tree in (0, 1]: &lt; 1 without replacement, 1 a
   *     bootstrap sample
   * @param allRows grow every tree on every row once, ignoring subsample (a hook for tests: with
   *     mtry = p every tree is the deterministic CART tree)
   * @param seed the seed of the per-tree seeds
   */
  record Params(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample,
      boolean allRows, long seed) {

    Params {
      if (trees < 1) {
        throw new IllegalArgumentException("trees must be >= 1: " + trees);
      }
      if (mtry < 0) {
        throw new IllegalArgumentException("mtry must be >= 0 (0 for sqrt(p)): " + mtry);
      }
      if (maxDepth < 2) {
        throw new IllegalArgumentException("maxDepth must be >= 2: " + maxDepth);
      }
      if (maxNodes != 0 && maxNodes < 2) {
        throw new IllegalArgumentException("maxNodes must be >= 2 or 0 (n/5): " + maxNodes);
      }
      if (nodeSize < 1) {
        throw new IllegalArgumentException("nodeSize must be >= 1: " + nodeSize);
      }
      if (!(subsample > 0 && subsample <= 1)) {
        throw new IllegalArgumentException("subsample must be in (0, 1]: " + subsample);
      }
    }
  }

  private ForestLearner() {}

  /**
   * Fits a forest on checked rows (finite values, at least one feature) and 0/1 labels.
   *
   * @param weights the class weights {retained, churned}, each &ge; 1
   * @throws IllegalArgumentException if mtry exceeds the number of features, or the inputs are
   *     malformed
   */
  static Scorer fit(double[][] x, int[] y, int[] weights, Params params) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    int p = x[0].length;
    if (p == 0) {
      throw new IllegalArgumentException("no feature column");
    }
    if (y.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d rows but %d labels", n, y.length));
    }
    for (int i = 0; i < n; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d has %d values, row 1 has %d", i + 1, x[i].length, p));
      }
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: label must be 0 or 1: %d", i + 1, y[i]));
      }
    }
    if (weights.length != 2 || weights[0] < 1 || weights[1] < 1) {
      throw new IllegalArgumentException("class weights must be two whole numbers >= 1: "
          + Arrays.toString(weights));
    }
    if (params.mtry() > p) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "mtry (%d) must not exceed the number of features (%d)", params.mtry(), p));
    }
    int mtry = params.mtry() == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : params.mtry();
    int maxLeaves = params.maxNodes() == 0 ? Math.max(2, n / 5) : params.maxNodes();
    Binned binned = Binned.of(x);
    long[] seeds = new long[params.trees()];
    SplittableRandom root = new SplittableRandom(params.seed());
    for (int t = 0; t < seeds.length; t++) {
      seeds[t] = root.nextLong();
    }
    Grower grower = new Grower(binned, y, weights, mtry, maxLeaves, params);
    Tree[] trees = IntStream.range(0, seeds.length).parallel()
        .mapToObj(t -> grower.grow(seeds[t])).toArray(Tree[]::new);
    double[] importance = new double[p];
    for (Tree t : trees) {
      for (int j = 0; j < p; j++) {
        importance[j] += t.importance[j];
      }
    }
    for (int j = 0; j < p; j++) {
      importance[j] /= trees.length;
    }
    return new Forest(trees, p, importance);
  }

  // ------------------------------------------------------------------ binning

  /** Bin codes by feature (column-wise) and each bin's largest training value. */
  record Binned(byte[][] codes, double[][] upper, int n) {

    static Binned of(double[][] x) {
      int n = x.length;
      int p = x[0].length;
      byte[][] codes = new byte[p][];
      double[][] upper = new double[p][];
      IntStream.range(0, p).parallel().forEach(j -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = x[i][j];
        }
        double[] up = boundaries(v);
        byte[] c = new byte[n];
        for (int i = 0; i < n; i++) {
          c[i] = (byte) binOf(up, v[i]);
        }
        codes[j] = c;
        upper[j] = up;
      });
      return new Binned(codes, upper, n);
    }

    /** The bins' upper ends (ascending, at most MAX_BINS, the last one the maximum). */
    static double[] boundaries(double[] v) {
      double[] s = v.clone();
      Arrays.sort(s);
      int n = s.length;
      int distinct = 1;
      for (int i = 1; i < n; i++) {
        if (s[i] != s[i - 1]) {
          distinct++;
        }
      }
      double[] up = new double[Math.min(distinct, MAX_BINS)];
      int k = 0;
      if (distinct <= MAX_BINS) {
        up[k++] = s[0];
        for (int i = 1; i < n; i++) {
          if (s[i] != s[i - 1]) {
            up[k++] = s[i];
          }
        }
        return up;
      }
      for (int b = 1; b <= MAX_BINS; b++) {
        int rank = (int) (((long) b * n + MAX_BINS - 1) / MAX_BINS) - 1; // ⌈b·n/256⌉, 0-based
        double u = s[rank];
        if (k == 0 || u > up[k - 1]) {
          up[k++] = u;
        }
      }
      return Arrays.copyOf(up, k);
    }

    /** The first bin whose upper end is &ge; v (v within the training range). */
    static int binOf(double[] up, double v) {
      int lo = 0;
      int hi = up.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (v <= up[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
  }

  // ------------------------------------------------------------------ trees

  /**
   * A grown tree in arrays by node id: {@code feature} is −1 at a leaf; an inner node's children
   * are {@code child} (left, value ≤ threshold) and {@code child + 1} (right).
   */
  record Tree(int[] feature, double[] threshold, int[] child, double[] value,
      double[] importance) {

    double predict(double[] row) {
      int node = 0;
      int f;
      while ((f = feature[node]) >= 0) {
        node = row[f] <= threshold[node] ? child[node] : child[node] + 1;
      }
      return value[node];
    }

    int leaves() {
      int leaves = 0;
      for (int f : feature) {
        if (f < 0) {
          leaves++;
        }
      }
      return leaves;
    }
  }

  /** The fitted forest. */
  static final class Forest implements Scorer {

    private final Tree[] trees;
    private final int p;
    private final double[] importance;

    Forest(Tree[] trees, int p, double[] importance) {
      this.trees = trees;
      this.p = p;
      this.importance = importance;
    }

    Tree[] trees() {
      return trees.clone();
    }

    @Override
    public double[] predict(double[][] rows) {
      double[] out = new double[rows.length];
      int block = 1024;
      int blocks = (rows.length + block - 1) / block;
      IntStream.range(0, blocks).parallel().forEach(b -> {
        int end = Math.min(rows.length, (b + 1) * block);
        for (int i = b * block; i < end; i++) {
          double[] row = rows[i];
          if (row.length != p) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "row %d has %d values; the forest has %d features", i + 1, row.length, p));
          }
          double sum = 0;
          for (Tree t : trees) {
            sum += t.predict(row);
          }
          out[i] = sum / trees.length;
        }
      });
      return out;
    }

    @Override
    public double[] nativeImportance() {
      return importance.clone();
    }
  }

  /** A node while its tree grows. */
  private static final class Node {
    final int id;
    final int lo;
    final int hi;
    final int depth;
    final int c0;
    final int c1;
    int[] features;
    int[][] hist;
    int feature = -1;
    int bin;
    int left0;
    int left1;
    double decrease;

    Node(int id, int lo, int hi, int depth, int c0, int c1) {
      this.id = id;
      this.lo = lo;
      this.hi = hi;
      this.depth = depth;
      this.c0 = c0;
      this.c1 = c1;
    }

    int histogramOf(int f) {
      if (hist != null) {
        for (int k = 0; k < features.length; k++) {
          if (features[k] == f) {
            return k;
          }
        }
      }
      return -1;
    }
  }

  /** Grows trees on the shared bins; the per-tree state lives in {@link #grow}'s locals. */
  private static final class Grower {
    final byte[][] codes;
    final double[][] upper;
    final int[] y;
    final double w0;
    final double w1;
    final int n;
    final int p;
    final int mtry;
    final int maxLeaves;
    final int maxDepth;
    final int nodeSize;
    final double subsample;
    final boolean allRows;

    Grower(Binned b, int[] y, int[] weights, int mtry, int maxLeaves, Params params) {
      this.codes = b.codes();
      this.upper = b.upper();
      this.y = y;
      this.w0 = weights[0];
      this.w1 = weights[1];
      this.n = b.n();
      this.p = codes.length;
      this.mtry = mtry;
      this.maxLeaves = maxLeaves;
      this.maxDepth = params.maxDepth();
      this.nodeSize = params.nodeSize();
      this.subsample = params.subsample();
      this.allRows = params.allRows();
    }

    /** Half the weighted Gini impurity W · (1 − Σ p²) of weighted class totals a, b. */
    static double imp(double a, double b) {
      return a * b / (a + b);
    }

    Tree grow(long seed) {
      return new TreeBuild(seed).run();
    }

    /** The state of one tree's growth. */
    private final class TreeBuild {
      final SplittableRandom random;
      /** Per row: (times in the sample) × 2 + label; 0 when not sampled. */
      final int[] packed = new int[n];
      int[] rows;
      int[] scratch;
      final int[] perm = new int[p];
      /** Histogram buffers no node holds any more. */
      final ArrayDeque<int[]> free = new ArrayDeque<>();
      // the tree, by node id
      int[] feature = new int[64];
      double[] threshold = new double[64];
      int[] child = new int[64];
      double[] value = new double[64];
      int nodes;
      final double[] importance = new double[p];

      TreeBuild(long seed) {
        random = new SplittableRandom(seed);
        for (int j = 0; j < p; j++) {
          perm[j] = j;
        }
      }

      Tree run() {
        sample();
        int c0 = 0;
        int c1 = 0;
        for (int r : rows) {
          int times = packed[r] >>> 1;
          if ((packed[r] & 1) == 0) {
            c0 += times;
          } else {
            c1 += times;
          }
        }
        double rootWeight = w0 * c0 + w1 * c1;
        Node root = newNode(0, rows.length, 1, c0, c1);
        if (splittable(root)) {
          root.features = drawFeatures();
          root.hist = new int[mtry][];
          for (int k = 0; k < mtry; k++) {
            root.hist[k] = scan(root.features[k], root.lo, root.hi);
          }
          findSplit(root);
        }
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> a.decrease != b.decrease
            ? Double.compare(b.decrease, a.decrease) : Integer.compare(a.id, b.id));
        if (root.feature >= 0) {
          queue.add(root);
        }
        int leaves = 1;
        while (!queue.isEmpty() && leaves < maxLeaves) {
          Node nd = queue.poll();
          split(nd, queue);
          leaves++;
        }
        for (int j = 0; j < p; j++) {
          importance[j] /= rootWeight;
        }
        return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
            Arrays.copyOf(child, nodes), Arrays.copyOf(value, nodes), importance);
      }

      /** Draws the tree's rows into {@code rows} (ascending) and their counts into packed. */
      void sample() {
        if (allRows) {
          rows = new int[n];
          for (int i = 0; i < n; i++) {
            rows[i] = i;
            packed[i] = 2 | y[i];
          }
        } else if (subsample < 1) {
          int k = (int) Math.max(1, Math.min(n, Math.round(subsample * n)));
          int[] idx = new int[n];
          for (int i = 0; i < n; i++) {
            idx[i] = i;
          }
          for (int i = 0; i < k; i++) { // partial Fisher–Yates shuffle
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
          }
          rows = Arrays.copyOf(idx, k);
          Arrays.sort(rows);
          for (int r : rows) {
            packed[r] = 2 | y[r];
          }
        } else {
          int distinct = 0;
          for (int i = 0; i < n; i++) {
            int r = random.nextInt(n);
            if (packed[r] == 0) {
              distinct++;
            }
            packed[r] += 2;
          }
          rows = new int[distinct];
          int k = 0;
          for (int r = 0; r < n; r++) {
            if (packed[r] != 0) {
              packed[r] |= y[r];
              rows[k++] = r;
            }
          }
        }
        scratch = new int[rows.length];
      }

      Node newNode(int lo, int hi, int depth, int c0, int c1) {
        if (nodes == feature.length) {
          int size = 2 * nodes;
          feature = Arrays.copyOf(feature, size);
          threshold = Arrays.copyOf(threshold, size);
          child = Arrays.copyOf(child, size);
          value = Arrays.copyOf(value, size);
        }
        int id = nodes++;
        feature[id] = -1;
        double a = w0 * c0;
        double b = w1 * c1;
        value[id] = b / (a + b);
        return new Node(id, lo, hi, depth, c0, c1);
      }

      boolean splittable(Node nd) {
        return nd.depth < maxDepth && nd.c0 > 0 && nd.c1 > 0
            && (long) nd.c0 + nd.c1 >= 2L * nodeSize;
      }

      int[] drawFeatures() {
        if (mtry == p) {
          return perm.clone();
        }
        for (int k = 0; k < mtry; k++) {
          int j = k + random.nextInt(p - k);
          int t = perm[k];
          perm[k] = perm[j];
          perm[j] = t;
        }
        return Arrays.copyOf(perm, mtry);
      }

      /** A histogram buffer (room for MAX_BINS bins), zeroed over feature f's bins if asked. */
      int[] take(int f, boolean zero) {
        int[] h = free.poll();
        if (h == null) {
          return new int[2 * MAX_BINS];
        }
        if (zero) {
          Arrays.fill(h, 0, 2 * upper[f].length, 0);
        }
        return h;
      }

      /** Returns a node's histograms to the pool. */
      void release(Node nd) {
        if (nd.hist != null) {
          for (int[] h : nd.hist) {
            free.push(h);
          }
        }
        nd.hist = null;
        nd.features = null;
      }

      /** Class counts by bin, [2·bin + label], of the node rows lo..hi on feature f. */
      int[] scan(int f, int lo, int hi) {
        int[] h = take(f, true);
        byte[] col = codes[f];
        int[] rs = rows;
        int[] pk = packed;
        for (int i = lo; i < hi; i++) {
          int r = rs[i];
          int v = pk[r];
          h[((col[r] & 0xFF) << 1) | (v & 1)] += v >>> 1;
        }
        return h;
      }

      /** Sets the node's best split (feature −1 when none qualifies). */
      void findSplit(Node nd) {
        int count = nd.c0 + nd.c1;
        double parent = imp(w0 * nd.c0, w1 * nd.c1);
        double best = Double.POSITIVE_INFINITY;
        int bestFeature = -1;
        int bestBin = -1;
        int bestL0 = 0;
        int bestL1 = 0;
        for (int k = 0; k < nd.features.length; k++) {
          int f = nd.features[k];
          int[] h = nd.hist[k];
          int l0 = 0;
          int l1 = 0;
          for (int b = 0, bins = upper[f].length; b < bins; b++) {
            int a0 = h[2 * b];
            int a1 = h[2 * b + 1];
            if ((a0 | a1) == 0) {
              continue;
            }
            l0 += a0;
            l1 += a1;
            int left = l0 + l1;
            if (left < nodeSize) {
              continue;
            }
            if (count - left < nodeSize) {
              break;
            }
            double score = imp(w0 * l0, w1 * l1) + imp(w0 * (nd.c0 - l0), w1 * (nd.c1 - l1));
            if (score < best || score == best && (f < bestFeature
                || f == bestFeature && b < bestBin)) {
              best = score;
              bestFeature = f;
              bestBin = b;
              bestL0 = l0;
              bestL1 = l1;
            }
          }
        }
        double decrease = parent - best;
        if (bestFeature >= 0 && decrease > MIN_DECREASE * parent) {
          nd.feature = bestFeature;
          nd.bin = bestBin;
          nd.left0 = bestL0;
          nd.left1 = bestL1;
          nd.decrease = decrease;
        }
      }

      /** Splits a node: partitions its rows, makes and evaluates both children. */
      void split(Node nd, PriorityQueue<Node> queue) {
        int f = nd.feature;
        byte[] col = codes[f];
        int bin = nd.bin;
        // stable partition, so the rows of every node stay in ascending order
        int l = nd.lo;
        int r = 0;
        for (int i = nd.lo; i < nd.hi; i++) {
          int row = rows[i];
          if ((col[row] & 0xFF) <= bin) {
            rows[l++] = row;
          } else {
            scratch[r++] = row;
          }
        }
        System.arraycopy(scratch, 0, rows, l, r);
        int mid = l;
        Node left = newNode(nd.lo, mid, nd.depth + 1, nd.left0, nd.left1);
        Node right = newNode(mid, nd.hi, nd.depth + 1, nd.c0 - nd.left0, nd.c1 - nd.left1);
        feature[nd.id] = f;
        threshold[nd.id] = upper[f][bin];
        child[nd.id] = left.id;
        importance[f] += 2 * nd.decrease;
        boolean splitLeft = splittable(left);
        boolean splitRight = splittable(right);
        if (splitLeft) {
          left.features = drawFeatures();
        }
        if (splitRight) {
          right.features = drawFeatures();
        }
        boolean leftSmaller = left.hi - left.lo <= right.hi - right.lo;
        Node small = leftSmaller ? left : right;
        Node large = leftSmaller ? right : left;
        if (small.features != null) {
          small.hist = new int[mtry][];
          for (int k = 0; k < mtry; k++) {
            small.hist[k] = scan(small.features[k], small.lo, small.hi);
          }
        }
        if (large.features != null) {
          large.hist = new int[mtry][];
          for (int k = 0; k < mtry; k++) {
            int g = large.features[k];
            int pk = nd.histogramOf(g);
            if (pk < 0) {
              large.hist[k] = scan(g, large.lo, large.hi);
            } else {
              int sk = small.histogramOf(g);
              int[] hs = sk >= 0 ? small.hist[sk] : scan(g, small.lo, small.hi);
              int[] hp = nd.hist[pk];
              int[] h = take(g, false);
              for (int i = 0, end = 2 * upper[g].length; i < end; i++) {
                h[i] = hp[i] - hs[i];
              }
              large.hist[k] = h;
              if (sk < 0) {
                free.push(hs);
              }
            }
          }
        }
        release(nd);
        for (Node c : leftSmaller ? new Node[] {left, right} : new Node[] {right, left}) {
          if (c.features != null) {
            findSplit(c);
            if (c.feature >= 0) {
              queue.add(c);
            }
            if (c.feature < 0 || c.hi - c.lo < KEEP_HISTOGRAMS) {
              release(c);
            }
          }
        }
      }
    }
  }
}
