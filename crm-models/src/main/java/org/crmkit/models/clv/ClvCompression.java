package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * Fast compression of customer rows into {@link Rows} (distinct (x, t_x, T) with summed weights,
 * sorted by x, then t_x, then T), without boxing: t_x and T are replaced by their ranks among
 * their distinct values (found with a primitive hash table), each row becomes one long key
 * x | rank(t_x) | rank(T) packed into bit fields, and the keys are sorted by an LSD radix sort
 * (11-bit digits, only over the bits in use). Daily data over two years need about 30 bits, so
 * three passes sort a million rows in a few milliseconds; runs of equal keys are the distinct
 * rows. Returns null when the fields do not fit in 62 bits (the caller then sorts with a
 * comparator). The result equals the comparator sort's, except that −0.0 and 0.0 are one value.
 */
final class ClvCompression {

  private static final int DIGIT = 11;

  private ClvCompression() {}

  /** Rows of {@code s} (weights 1), or null when the keys do not fit. */
  static Rows of(CustomerSummaries s) {
    return compress(s.xs(), s.txs(), s.Ts(), null, s.unit());
  }

  /** Rows of {@code s} (its weights), or null when the keys do not fit. */
  static Rows of(WeightedSummaries s) {
    return compress(s.xs(), s.txs(), s.Ts(), s.weights(), s.unit());
  }

  private static Rows compress(int[] x, double[] tx, double[] bigT, double[] w,
      ChronoUnit unit) {
    int n = x.length;
    int maxX = 0;
    for (int v : x) {
      maxX = Math.max(maxX, v);
    }
    Ranks rx = Ranks.of(tx);
    Ranks rt = Ranks.of(bigT);
    int bx = bits(maxX);
    int btx = bits(rx.values.length - 1);
    int bt = bits(rt.values.length - 1);
    int total = bx + btx + bt;
    if (total > 62) {
      return null;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) x[i] << (btx + bt)) | ((long) rx.rank[i] << bt) | rt.rank[i];
    }
    int[] order = null;
    if (w != null) {
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
    }
    radixSort(keys, order, total);
    int[] ox = new int[n];
    double[] otx = new double[n];
    double[] ot = new double[n];
    double[] ow = new double[n];
    int k = -1;
    long last = -1;
    long maskT = (1L << bt) - 1;
    long maskTx = (1L << btx) - 1;
    for (int j = 0; j < n; j++) {
      long key = keys[j];
      double weight = w == null ? 1 : w[order[j]];
      if (key == last) {
        ow[k] += weight;
      } else {
        k++;
        last = key;
        ox[k] = (int) (key >>> (btx + bt));
        otx[k] = rx.values[(int) ((key >>> bt) & maskTx)];
        ot[k] = rt.values[(int) (key & maskT)];
        ow[k] = weight;
      }
    }
    k++;
    return Rows.ofSorted(Arrays.copyOf(ox, k), Arrays.copyOf(otx, k), Arrays.copyOf(ot, k),
        Arrays.copyOf(ow, k), unit);
  }

  /** The number of bits of v ≥ 0 (0 for 0). */
  private static int bits(int v) {
    return 32 - Integer.numberOfLeadingZeros(v);
  }

  /** Sorts {@code keys} (non-negative, below 2^bits), permuting {@code payload} alike. */
  static void radixSort(long[] keys, int[] payload, int bits) {
    int n = keys.length;
    long[] k2 = new long[n];
    int[] p2 = payload == null ? null : new int[n];
    int[] count = new int[1 << DIGIT];
    long[] src = keys;
    long[] dst = k2;
    int[] psrc = payload;
    int[] pdst = p2;
    int passes = 0;
    for (int shift = 0; shift < bits; shift += DIGIT) {
      Arrays.fill(count, 0);
      int mask = (1 << DIGIT) - 1;
      for (int i = 0; i < n; i++) {
        count[(int) (src[i] >>> shift) & mask]++;
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int pos = count[(int) (src[i] >>> shift) & mask]++;
        dst[pos] = src[i];
        if (psrc != null) {
          pdst[pos] = psrc[i];
        }
      }
      long[] t = src;
      src = dst;
      dst = t;
      int[] pt = psrc;
      psrc = pdst;
      pdst = pt;
      passes++;
    }
    if (passes % 2 == 1) {
      System.arraycopy(src, 0, keys, 0, n);
      if (payload != null) {
        System.arraycopy(psrc, 0, payload, 0, n);
      }
    }
  }

  /** The distinct values of a column, ascending, and each element's rank among them. */
  record Ranks(double[] values, int[] rank) {

    static Ranks of(double[] v) {
      int n = v.length;
      int cap = 1024;
      long[] slotBits = new long[cap];
      int[] slotId = new int[cap]; // id + 1; 0 = empty
      double[] distinct = new double[64];
      int m = 0;
      int[] id = new int[n];
      int mask = cap - 1;
      for (int i = 0; i < n; i++) {
        double value = v[i] + 0.0;
        long bits = Double.doubleToLongBits(value);
        int slot = mix(bits) & mask;
        int found = -1;
        while (slotId[slot] != 0) {
          if (slotBits[slot] == bits) {
            found = slotId[slot] - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (found < 0) {
          found = m;
          if (m == distinct.length) {
            distinct = Arrays.copyOf(distinct, 2 * m);
          }
          distinct[m++] = value;
          slotBits[slot] = bits;
          slotId[slot] = m;
          if (2 * m > cap) {
            cap *= 2;
            mask = cap - 1;
            slotBits = new long[cap];
            slotId = new int[cap];
            for (int j = 0; j < m; j++) {
              long b = Double.doubleToLongBits(distinct[j]);
              int s = mix(b) & mask;
              while (slotId[s] != 0) {
                s = (s + 1) & mask;
              }
              slotBits[s] = b;
              slotId[s] = j + 1;
            }
          }
        }
        id[i] = found;
      }
      double[] sorted = Arrays.copyOf(distinct, m);
      Arrays.sort(sorted);
      int[] rankOfId = new int[m];
      for (int j = 0; j < m; j++) {
        rankOfId[j] = Arrays.binarySearch(sorted, distinct[j]);
      }
      for (int i = 0; i < n; i++) {
        id[i] = rankOfId[id[i]];
      }
      return new Ranks(sorted, id);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects the low bits used as slot. */
    private static int mix(long bits) {
      long h = bits ^ (bits >>> 33);
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return (int) (h ^ (h >>> 33));
    }
  }
}
