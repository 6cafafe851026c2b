package org.crmkit.core;

/**
 * Index sorts on primitive keys, for the models that rank customers by a score or a time
 * (survival curves, ROC curves, isotonic regression).
 */
public final class Sorting {

  private Sorting() {}

  /**
   * The permutation that sorts {@code keys} ascending; stable (equal keys keep their order).
   * A merge sort on int indices, O(n log n), no boxing. The keys must not be NaN (callers check
   * them first; a NaN would compare as neither smaller nor larger).
   */
  public static int[] order(double[] keys) {
    int n = keys.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
