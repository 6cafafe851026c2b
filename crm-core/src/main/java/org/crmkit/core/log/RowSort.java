package org.crmkit.core.log;

/**
 * Sorts a range of two parallel columns by (time, amount) without allocating: insertion sort for
 * short or nearly sorted ranges, quicksort (median of three) otherwise.
 */
final class RowSort {

  private static final int INSERTION = 24;

  private RowSort() {}

  static void sort(long[] t, double[] a, int from, int to) {
    if (isSorted(t, a, from, to)) {
      return;
    }
    quick(t, a, from, to - 1);
  }

  static boolean isSorted(long[] t, double[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (compare(t, a, i - 1, i) > 0) {
        return false;
      }
    }
    return true;
  }

  private static int compare(long[] t, double[] a, int i, int j) {
    int c = Long.compare(t[i], t[j]);
    return c != 0 ? c : Double.compare(a[i], a[j]);
  }

  private static int compare(long[] t, double[] a, int i, long pt, double pa) {
    int c = Long.compare(t[i], pt);
    return c != 0 ? c : Double.compare(a[i], pa);
  }

  private static void quick(long[] t, double[] a, int lo, int hi) {
    while (hi - lo >= INSERTION) {
      int mid = (lo + hi) >>> 1;
      if (compare(t, a, mid, lo) < 0) {
        swap(t, a, mid, lo);
      }
      if (compare(t, a, hi, lo) < 0) {
        swap(t, a, hi, lo);
      }
      if (compare(t, a, hi, mid) < 0) {
        swap(t, a, hi, mid);
      }
      long pt = t[mid];
      double pa = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (compare(t, a, i, pt, pa) < 0) {
          i++;
        }
        while (compare(t, a, j, pt, pa) > 0) {
          j--;
        }
        if (i <= j) {
          swap(t, a, i, j);
          i++;
          j--;
        }
      }
      // recurse into the smaller part, loop on the larger: bounded stack depth
      if (j - lo < hi - i) {
        quick(t, a, lo, j);
        lo = i;
      } else {
        quick(t, a, i, hi);
        hi = j;
      }
    }
    insertion(t, a, lo, hi);
  }

  private static void insertion(long[] t, double[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      long kt = t[i];
      double ka = a[i];
      int j = i - 1;
      while (j >= lo && compare(t, a, j, kt, ka) > 0) {
        t[j + 1] = t[j];
        a[j + 1] = a[j];
        j--;
      }
      t[j + 1] = kt;
      a[j + 1] = ka;
    }
  }

  private static void swap(long[] t, double[] a, int i, int j) {
    long tt = t[i];
    t[i] = t[j];
    t[j] = tt;
    double ta = a[i];
    a[i] = a[j];
    a[j] = ta;
  }
}
