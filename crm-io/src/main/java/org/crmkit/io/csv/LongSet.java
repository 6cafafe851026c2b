package org.crmkit.io.csv;

/** An open-addressing set of longs (8 bytes a slot, at most half full); no boxing. */
final class LongSet {

  private static final long EMPTY = 0L;

  private long[] slots = new long[1024];
  private int size;
  private boolean hasZero;

  /** Adds {@code v}; true if it was not there. */
  boolean add(long v) {
    if (v == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (2 * (size + 1) > slots.length) {
      rehash();
    }
    int mask = slots.length - 1;
    int i = (int) (mix(v) & mask);
    while (slots[i] != EMPTY) {
      if (slots[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = v;
    size++;
    return true;
  }

  private static long mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    return v;
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }
}
