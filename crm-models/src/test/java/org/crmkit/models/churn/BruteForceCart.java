package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A deliberately simple classification tree for tests, written from the CART rules that
 * {@link ForestLearner} documents and sharing no code with it: every row once, every feature at
 * every node, every threshold between two distinct values of the node (a row goes left when its
 * value is ≤ the largest left value), exact weighted Gini computed by summing over the rows, no
 * binning, no histograms. Quadratic and slow, so only for small data.
 *
 * <p>The rules: the split minimises imp(left) + imp(right), imp(a, b) = a·b/(a + b) over the
 * weighted class totals; each side needs at least nodeSize rows; ties go to the lowest feature,
 * then the lowest threshold; a node splits only below depth maxDepth (root at depth 1) and when
 * the split lowers imp by more than 1e-12 of the node's; the leaf whose split lowers imp most
 * (ties: the node made first, children numbered left then right) splits next, until maxLeaves.
 */
final class BruteForceCart {

  /** A node: a leaf when feature is −1. */
  static final class Node {
    final int id;
    final List<Integer> rows;
    final int depth;
    double w0;
    double w1;
    int feature = -1;
    double threshold;
    double decrease;
    Node left;
    Node right;
    // the best split found when the node was made
    int bestFeature = -1;
    double bestThreshold;
    double bestDecrease;

    Node(int id, List<Integer> rows, int depth) {
      this.id = id;
      this.rows = rows;
      this.depth = depth;
    }

    double value() {
      return w1 / (w0 + w1);
    }
  }

  final Node root;
  final double[] importance;
  int leaves;
  private final double[][] x;
  private final int[] y;
  private final double[] weight;
  private final int maxDepth;
  private final int nodeSize;
  private int nextId;

  BruteForceCart(double[][] x, int[] y, int[] classWeights, int maxDepth, int maxLeaves,
      int nodeSize) {
    this.x = x;
    this.y = y;
    this.weight = new double[] {classWeights[0], classWeights[1]};
    this.maxDepth = maxDepth;
    this.nodeSize = nodeSize;
    int p = x[0].length;
    importance = new double[p];
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      all.add(i);
    }
    root = make(all, 1);
    List<Node> frontier = new ArrayList<>(List.of(root));
    leaves = 1;
    while (leaves < maxLeaves) {
      Node next = null;
      for (Node nd : frontier) {
        if (nd.bestFeature >= 0 && (next == null || nd.bestDecrease > next.bestDecrease
            || nd.bestDecrease == next.bestDecrease && nd.id < next.id)) {
          next = nd;
        }
      }
      if (next == null) {
        break;
      }
      frontier.remove(next);
      next.feature = next.bestFeature;
      next.threshold = next.bestThreshold;
      next.decrease = next.bestDecrease;
      List<Integer> l = new ArrayList<>();
      List<Integer> r = new ArrayList<>();
      for (int i : next.rows) {
        (x[i][next.feature] <= next.threshold ? l : r).add(i);
      }
      next.left = make(l, next.depth + 1);
      next.right = make(r, next.depth + 1);
      frontier.add(next.left);
      frontier.add(next.right);
      importance[next.feature] += 2 * next.decrease;
      leaves++;
    }
    for (int j = 0; j < p; j++) {
      importance[j] /= root.w0 + root.w1;
    }
  }

  static double imp(double a, double b) {
    return a * b / (a + b);
  }

  private Node make(List<Integer> rows, int depth) {
    Node nd = new Node(nextId++, rows, depth);
    for (int i : rows) {
      if (y[i] == 0) {
        nd.w0 += weight[0];
      } else {
        nd.w1 += weight[1];
      }
    }
    if (depth >= maxDepth || nd.w0 == 0 || nd.w1 == 0) {
      return nd;
    }
    double parent = imp(nd.w0, nd.w1);
    double best = Double.POSITIVE_INFINITY;
    for (int f = 0; f < x[0].length; f++) {
      TreeSet<Double> values = new TreeSet<>();
      for (int i : rows) {
        values.add(x[i][f]);
      }
      for (double t : values.headSet(values.last())) { // every value but the largest, ascending
        double l0 = 0;
        double l1 = 0;
        double r0 = 0;
        double r1 = 0;
        int nl = 0;
        for (int i : rows) {
          boolean left = x[i][f] <= t;
          if (left) {
            nl++;
          }
          if (y[i] == 0) {
            if (left) {
              l0 += weight[0];
            } else {
              r0 += weight[0];
            }
          } else if (left) {
            l1 += weight[1];
          } else {
            r1 += weight[1];
          }
        }
        if (nl < nodeSize || rows.size() - nl < nodeSize) {
          continue;
        }
        double score = imp(l0, l1) + imp(r0, r1);
        if (score < best) {
          best = score;
          nd.bestFeature = f;
          nd.bestThreshold = t;
        }
      }
    }
    if (nd.bestFeature >= 0 && parent - best > 1e-12 * parent) {
      nd.bestDecrease = parent - best;
    } else {
      nd.bestFeature = -1;
    }
    return nd;
  }

  double predict(double[] row) {
    Node nd = root;
    while (nd.feature >= 0) {
      nd = row[nd.feature] <= nd.threshold ? nd.left : nd.right;
    }
    return nd.value();
  }
}
