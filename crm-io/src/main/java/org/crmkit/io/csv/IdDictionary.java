package org.crmkit.io.csv;

import java.util.Arrays;

/**
 * Customer ids to dense codes 0, 1, 2, ... in order of first appearance: the one hash lookup per
 * row of a transaction read, built for few cache misses on large dictionaries.
 *
 * <p>Open addressing over slots of two {@code long}s (16 bytes, never straddling a cache line).
 * A short id — 1 to 11 characters, each at most U+00FF, which covers numeric ids, {@code C0004711}
 * and the like — is stored in its slot itself: its length and characters in the first 12 bytes,
 * its code in the last 4. Finding it compares the slot with the packed id and touches one cache
 * line, where a {@code HashMap<String, Integer>} touches five (table, node, key, key bytes, boxed
 * value). A longer id is stored in a {@code char[]} arena ({@code [length high][length low]
 * [chars]}); its slot holds a marker, its 32-bit hash, the arena offset and the code, and a match
 * is confirmed character by character. Either way distinct ids never share a code. Memory: 16
 * bytes a slot at most half full, plus the arena (2 bytes a character and 4 per long id).
 */
final class IdDictionary {

  private static final int INLINE = 11;
  private static final long LONG_ID = 0xFFL; // first byte of a long id's slot (inline: 1..11)

  private long[] slots = new long[2 << 12];
  private char[] arena = new char[1 << 12];
  private int arenaSize;
  private String[] ids = new String[1 << 10];
  private int size;

  /** The code of {@code id}, adding it when new. */
  int code(String id) {
    int len = id.length();
    long a = 0;
    long b = 0;
    boolean inline = len >= 1 && len <= INLINE;
    for (int k = 0; k < len && inline; k++) {
      char c = id.charAt(k);
      if (c > 0xFF) {
        inline = false;
      } else if (k < 7) {
        a |= (long) c << (8 * (k + 1));
      } else {
        b |= (long) c << (8 * (k - 7));
      }
    }
    int h;
    if (inline) {
      a |= len;
      h = mix(a * 0x9E3779B97F4A7C15L + b);
    } else {
      h = id.hashCode();
      a = LONG_ID | (h & 0xFFFF_FFFFL) << 8;
      b = 0;
      h = mix(h * 0x9E3779B97F4A7C15L);
    }
    int mask = (slots.length >>> 1) - 1;
    int i = h & mask;
    while (true) {
      long sa = slots[2 * i];
      if (sa == 0) {
        return add(id, a, b, inline, i);
      }
      if (sa == a) {
        long sb = slots[2 * i + 1];
        if (inline ? (int) sb == (int) b : same(id, (int) sb, len)) {
          return (int) (sb >>> 32);
        }
      }
      i = (i + 1) & mask;
    }
  }

  private boolean same(String id, int at, int len) {
    char[] r = arena;
    if ((r[at] << 16 | r[at + 1]) != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (r[at + 2 + k] != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int mix(long x) {
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return (int) (x ^ x >>> 29);
  }

  private int add(String id, long a, long b, boolean inline, int slot) {
    if (!inline) {
      int len = id.length();
      long need = (long) arenaSize + 2 + len;
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many long customer ids for one read: "
            + size + " ids, " + arenaSize + " characters in long ids");
      }
      if (need > arena.length) {
        arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16L,
            Math.max(need, arena.length * 2L)));
      }
      int at = arenaSize;
      arena[at] = (char) (len >>> 16);
      arena[at + 1] = (char) len;
      id.getChars(0, len, arena, at + 2);
      arenaSize = (int) need;
      b = at & 0xFFFF_FFFFL;
    }
    int code = size;
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size++] = id;
    slots[2 * slot] = a;
    slots[2 * slot + 1] = (long) code << 32 | (b & 0xFFFF_FFFFL);
    if (4L * size > slots.length) { // more than half of slots.length / 2 slots in use
      rehash();
    }
    return code;
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = (slots.length >>> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      long a = old[j];
      if (a != 0) {
        long b = old[j + 1];
        int h = (a & 0xFF) == LONG_ID ? mix((int) (a >>> 8) * 0x9E3779B97F4A7C15L)
            : mix(a * 0x9E3779B97F4A7C15L + (b & 0xFFFF_FFFFL));
        int i = h & mask;
        while (slots[2 * i] != 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = a;
        slots[2 * i + 1] = b;
      }
    }
  }

  /** The number of distinct ids. */
  int size() {
    return size;
  }

  /** The ids by code (a trimmed copy). */
  String[] ids() {
    return Arrays.copyOf(ids, size);
  }
}
