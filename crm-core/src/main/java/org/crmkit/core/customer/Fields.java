package org.crmkit.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.Checks;

/**
 * Field checks for the records of this package. Each message starts with the customer, then
 * names the field and the value: {@code customer 'C0042': channel must not be blank: ' '}.
 */
final class Fields {

  private Fields() {}

  /** An exception whose message is {@code customer 'id': problem}. */
  static IllegalArgumentException bad(String customerId, String problem) {
    return new IllegalArgumentException("customer '" + customerId + "': " + problem);
  }

  private static IllegalArgumentException bad(String customerId, IllegalArgumentException e) {
    return new IllegalArgumentException("customer '" + customerId + "': " + e.getMessage(), e);
  }

  /** Returns {@code v} if it is not null. */
  static <T> T notNull(String customerId, String field, T v) {
    if (v == null) {
      throw bad(customerId, field + " must not be null");
    }
    return v;
  }

  /** Returns {@code s} if it is neither null nor blank. */
  static String text(String customerId, String field, String s) {
    try {
      return Checks.notBlank(field, s);
    } catch (IllegalArgumentException e) {
      throw bad(customerId, e);
    }
  }

  /** Returns {@code s} if it is null (absent) or not blank. */
  static String optionalText(String customerId, String field, String s) {
    return s == null ? null : text(customerId, field, s);
  }

  /** Returns {@code d} if it is a sane date ({@link Checks#saneDate}). */
  static LocalDate date(String customerId, String field, LocalDate d) {
    try {
      return Checks.saneDate(field, d);
    } catch (IllegalArgumentException e) {
      throw bad(customerId, e);
    }
  }

  /** Returns {@code t} if it is a sane instant ({@link Checks#saneInstant}). */
  static Instant instant(String customerId, String field, Instant t) {
    try {
      return Checks.saneInstant(field, t);
    } catch (IllegalArgumentException e) {
      throw bad(customerId, e);
    }
  }

  /**
   * Returns {@code t} if it is null (absent), or a sane instant not before {@code start}.
   */
  static Instant optionalInstantFrom(String customerId, String field, Instant t,
      String startField, Instant start) {
    if (t == null) {
      return null;
    }
    instant(customerId, field, t);
    if (t.isBefore(start)) {
      throw bad(customerId, field + " " + t + " is before " + startField + " " + start);
    }
    return t;
  }

  /**
   * An unmodifiable copy of {@code map}, sorted by key; null gives an empty map. Keys must not
   * be null or blank, values must not be null.
   */
  static Map<String, String> attributes(String customerId, Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      String key = text(customerId, "attribute key", e.getKey());
      if (e.getValue() == null) {
        throw bad(customerId, "attribute '" + key + "' must not be null");
      }
      copy.put(key, e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /** A number for messages: whole numbers without a fraction ({@code 11}), others in full. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Checks.format(v);
  }
}
