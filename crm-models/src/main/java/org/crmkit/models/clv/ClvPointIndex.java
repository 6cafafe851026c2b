package org.crmkit.models.clv;

import java.util.Arrays;
import org.crmkit.core.summary.CustomerSummaries;

/**
 * Distinct (x, u) pairs of a customer table, found with an open-addressing hash table on
 * primitive keys (no boxing), so that a table prediction computes its expensive part once per
 * distinct pair and scatters it back to the customers. A million customers of daily data have a
 * few tens of thousands of distinct (x, T) pairs.
 */
final class ClvPointIndex {

  private int[] slotX;
  private long[] slotU;
  /** index + 1 of the pair in a slot; 0 for an empty slot. */
  private int[] slotIndex;
  private int mask;

  /** x of each distinct pair, in order of first appearance. */
  int[] x;
  /** u of each distinct pair. */
  double[] u;
  /** The number of distinct pairs. */
  int size;

  ClvPointIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(64, expected * 2) - 1) << 1;
    slotX = new int[cap];
    slotU = new long[cap];
    slotIndex = new int[cap];
    mask = cap - 1;
    x = new int[Math.max(16, expected)];
    u = new double[x.length];
  }

  /** The index of (x, u), added when absent. */
  int indexOf(int xv, double uv) {
    double v = uv + 0.0; // −0.0 and 0.0 are one key
    long bits = Double.doubleToLongBits(v);
    int slot = hash(xv, bits) & mask;
    while (true) {
      int idx = slotIndex[slot];
      if (idx == 0) {
        break;
      }
      if (slotX[slot] == xv && slotU[slot] == bits) {
        return idx - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (size == x.length) {
      x = Arrays.copyOf(x, size * 2);
      u = Arrays.copyOf(u, size * 2);
    }
    x[size] = xv;
    u[size] = v;
    slotX[slot] = xv;
    slotU[slot] = bits;
    slotIndex[slot] = ++size;
    if (2 * size > mask) {
      grow();
    }
    return size - 1;
  }

  /** MurmurHash3's 64-bit finaliser of the combined key. */
  private static int hash(int xv, long bits) {
    long h = bits + xv * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return (int) (h ^ (h >>> 33));
  }

  private void grow() {
    int cap = slotX.length * 2;
    int[] sx = new int[cap];
    long[] su = new long[cap];
    int[] si = new int[cap];
    int m = cap - 1;
    for (int k = 0; k < size; k++) {
      long bits = Double.doubleToLongBits(u[k]);
      int slot = hash(x[k], bits) & m;
      while (si[slot] != 0) {
        slot = (slot + 1) & m;
      }
      sx[slot] = x[k];
      su[slot] = bits;
      si[slot] = k + 1;
    }
    slotX = sx;
    slotU = su;
    slotIndex = si;
    mask = m;
  }

  /**
   * The customers of a table grouped by their (x, t_x) and (x, T) pairs (times multiplied by
   * {@code factor}, the conversion to the model's unit).
   *
   * @param points the distinct pairs
   * @param tx per customer, the index of its (x, t_x) pair (null when not asked for)
   * @param bigT per customer, the index of its (x, T) pair
   */
  record Grouped(ClvPointIndex points, int[] tx, int[] bigT) {}

  /** Groups {@code s}; with {@code withTx} also by (x, t_x). */
  static Grouped group(CustomerSummaries s, double factor, boolean withTx) {
    int n = s.size();
    ClvPointIndex index = new ClvPointIndex(Math.min(n, 1 << 12));
    int[] tx = withTx ? new int[n] : null;
    int[] bigT = new int[n];
    for (int i = 0; i < n; i++) {
      int xv = s.x(i);
      bigT[i] = index.indexOf(xv, s.T(i) * factor);
      if (withTx) {
        tx[i] = index.indexOf(xv, s.tx(i) * factor);
      }
    }
    return new Grouped(index, tx, bigT);
  }

  /** A quantity of a distinct (x, T) pair (T in the model's unit). */
  @FunctionalInterface
  interface PairFunction {
    double apply(int x, double bigT);
  }

  /** A customer's value from its (x, t_x, T) and its pair's value. */
  @FunctionalInterface
  interface RowFunction {
    double apply(int x, double tx, double bigT, double pairValue);
  }

  /**
   * Per customer of {@code s}: {@code row(x, t_x, T, pair(x, T))}, with {@code pair} evaluated
   * once per distinct (x, T) and both stages in parallel; times are multiplied by
   * {@code factor} (the summaries' unit to the model's).
   */
  static double[] byPair(CustomerSummaries s, double factor, PairFunction pair, RowFunction row) {
    org.crmkit.core.Checks.notNull("summaries", s);
    Grouped g = group(s, factor, false);
    ClvPointIndex pts = g.points();
    double[] values = new double[pts.size];
    RowSums.forEach(pts.size, j -> values[j] = pair.apply(pts.x[j], pts.u[j]));
    double[] out = new double[s.size()];
    int[] idx = g.bigT();
    RowSums.forEach(out.length, i -> out[i] = row.apply(s.x(i), s.tx(i) * factor,
        s.T(i) * factor, values[idx[i]]));
    return out;
  }
}
