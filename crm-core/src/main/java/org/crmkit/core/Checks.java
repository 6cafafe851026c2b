package org.crmkit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Argument checks shared by crmkit's modules. Every message names the argument and the value,
 * formatted with {@link Locale#ROOT}; data checks also name the row and the customer.
 *
 * <p>This class is part of crmkit's internal toolkit: it is public so that crm-models and crm-io
 * can use it, and it may change between releases.
 */
public final class Checks {

  /** The earliest date a transaction may carry: dates before it are data errors. */
  public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

  /** The latest date a transaction may carry: dates after it are data errors. */
  public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

  /** {@link #MIN_DATE} as an epoch day. */
  public static final long MIN_EPOCH_DAY = MIN_DATE.toEpochDay();

  /** {@link #MAX_DATE} as an epoch day. */
  public static final long MAX_EPOCH_DAY = MAX_DATE.toEpochDay();

  /** The earliest instant a record may carry: the start of {@link #MIN_DATE} in UTC. */
  public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

  /** The latest instant a record may carry: the last nanosecond of {@link #MAX_DATE} in UTC. */
  public static final Instant MAX_INSTANT =
      MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

  private Checks() {}

  /** Returns {@code v} if it is finite and &gt; 0. */
  public static double positive(String name, double v) {
    if (v > 0 && v < Double.POSITIVE_INFINITY) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be finite and > 0: " + format(v));
  }

  /** Returns {@code v} if it is finite and &ge; 0. */
  public static double nonNegative(String name, double v) {
    if (v >= 0 && v < Double.POSITIVE_INFINITY) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be finite and >= 0: " + format(v));
  }

  /** Returns {@code v} if it is &ge; 0. */
  public static long nonNegative(String name, long v) {
    if (v >= 0) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be >= 0: " + v);
  }

  /** Returns {@code v} if it is &ge; 0. */
  public static int nonNegative(String name, int v) {
    if (v >= 0) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be >= 0: " + v);
  }

  /** Returns {@code v} if it is &gt; 0. */
  public static int positive(String name, int v) {
    if (v > 0) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be > 0: " + v);
  }

  /** Returns {@code v} if it is finite (not NaN, not infinite). */
  public static double finite(String name, double v) {
    if (Double.isFinite(v)) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be finite: " + format(v));
  }

  /** Returns {@code v} if it lies in [lo, hi]. */
  public static double inRange(String name, double v, double lo, double hi) {
    if (v >= lo && v <= hi) {
      return v;
    }
    throw new IllegalArgumentException(
        name + " must be in [" + format(lo) + ", " + format(hi) + "]: " + format(v));
  }

  /** Returns {@code v} if it lies in [lo, hi]. */
  public static int inRange(String name, int v, int lo, int hi) {
    if (v >= lo && v <= hi) {
      return v;
    }
    throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "]: " + v);
  }

  /** Returns {@code v} if it is not null. */
  public static <T> T notNull(String name, T v) {
    if (v == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return v;
  }

  /** Returns {@code s} if it is neither null nor blank. */
  public static String notBlank(String name, String s) {
    if (s == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank: '" + s + "'");
    }
    return s;
  }

  /** Returns {@code date} if it lies in [{@link #MIN_DATE}, {@link #MAX_DATE}]. */
  public static LocalDate saneDate(String name, LocalDate date) {
    notNull(name, date);
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new IllegalArgumentException(
          name + " must be between " + MIN_DATE + " and " + MAX_DATE + ": " + date);
    }
    return date;
  }

  /**
   * Returns {@code instant} if its UTC date lies in [{@link #MIN_DATE}, {@link #MAX_DATE}], that
   * is, in [{@link #MIN_INSTANT}, {@link #MAX_INSTANT}]; the same rule as {@link #saneDate}.
   */
  public static Instant saneInstant(String name, Instant instant) {
    notNull(name, instant);
    if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
      throw new IllegalArgumentException(name + " must fall on a UTC date between " + MIN_DATE
          + " and " + MAX_DATE + ": " + instant);
    }
    return instant;
  }

  /**
   * Builds the message of a bad data row: {@code row 12, customer C0042: amount is NaN}.
   *
   * @param row 1-based row number in the order rows were given
   * @param customer the customer id as given (may be null)
   * @param field the field's name
   * @param problem what is wrong, including the value
   */
  public static IllegalArgumentException badRow(long row, String customer, String field,
      String problem) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "row %d, customer %s: %s %s",
        row, customer == null ? "<null>" : "'" + customer + "'", field, problem));
  }

  /** Formats a double for messages: full precision, {@link Locale#ROOT}. */
  public static String format(double v) {
    return Double.toString(v);
  }
}
