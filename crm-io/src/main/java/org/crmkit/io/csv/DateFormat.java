package org.crmkit.io.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * How a date or time column is written. A format yields a calendar date (for dated logs) or an
 * instant (for timestamped logs); local date-times and dates are placed in the reader's zone,
 * and instants are read as dates in that zone.
 *
 * <p>Built in: {@link #iso()} ({@code 2024-03-31}), {@link #basic()} ({@code 20240331}, as in
 * CDNOW), {@link #pattern(String)} (any {@link DateTimeFormatter} pattern, with or without a
 * time), {@link #isoInstant()} ({@code 2024-03-31T12:00:00Z} or with an offset),
 * {@link #epochDay()}, {@link #epochSecond()} and {@link #epochMilli()}. The ISO and basic
 * dates are parsed without allocation on the hot path. Immutable and thread-safe.
 */
public abstract sealed class DateFormat {

  private final String description;

  private DateFormat(String description) {
    this.description = description;
  }

  /** ISO dates, {@code yyyy-MM-dd}. */
  public static DateFormat iso() {
    return IsoDate.INSTANCE;
  }

  /** Basic ISO dates, {@code yyyyMMdd}. */
  public static DateFormat basic() {
    return BasicDate.INSTANCE;
  }

  /**
   * A {@link DateTimeFormatter} pattern (with {@link Locale#ROOT}), such as
   * {@code M/d/yyyy H:mm} or {@code dd.MM.yyyy}. A pattern with hours gives local date-times.
   */
  public static DateFormat pattern(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    return new Pattern(pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
  }

  /** ISO instants with a zone offset, such as {@code 2024-03-31T12:00:00Z}. */
  public static DateFormat isoInstant() {
    return IsoInstant.INSTANCE;
  }

  /** Days since 1970-01-01, as an integer. */
  public static DateFormat epochDay() {
    return Epoch.DAY;
  }

  /** Seconds since 1970-01-01T00:00Z, as an integer. */
  public static DateFormat epochSecond() {
    return Epoch.SECOND;
  }

  /** Milliseconds since 1970-01-01T00:00Z, as an integer. */
  public static DateFormat epochMilli() {
    return Epoch.MILLI;
  }

  /**
   * The calendar date of {@code s} as an epoch day; instants are read in {@code zone}.
   *
   * @throws DateTimeException with the reason, if {@code s} does not match
   */
  public abstract long epochDay(String s, ZoneId zone);

  /**
   * The instant of {@code s} as an epoch second; dates mean their start in {@code zone}.
   *
   * @throws DateTimeException with the reason, if {@code s} does not match
   */
  public abstract long epochSecond(String s, ZoneId zone);

  @Override
  public String toString() {
    return description;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long day(int y, int m, int d, DateFormat f) {
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
      throw new DateTimeException("is not a date in the form " + f);
    }
    if (d <= 28 || d <= lengthOfMonth(y, m)) {
      return epochDay(y, m, d);
    }
    try {
      return LocalDate.of(y, m, d).toEpochDay(); // throws with java.time's message
    } catch (DateTimeException e) {
      throw new DateTimeException("is not a valid date (" + e.getMessage() + ")");
    }
  }

  private static int lengthOfMonth(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date, without allocation: count from
   * 0000-03-01 in 400-year eras of 146,097 days, months from March with lengths
   * (153 m' + 2) / 5 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
   * days_from_civil); 719,468 days lie between 0000-03-01 and 1970-01-01.
   */
  static long epochDay(int y, int m, int d) {
    int year = m <= 2 ? y - 1 : y;
    int era = Math.floorDiv(year, 400);
    int yearOfEra = year - era * 400;
    int dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  private static long startOfDay(long epochDay, ZoneId zone) {
    return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
  }

  private static long dayOf(long epochSecond, ZoneId zone) {
    return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate().toEpochDay();
  }

  private static final class IsoDate extends DateFormat {
    static final IsoDate INSTANCE = new IsoDate();

    private IsoDate() {
      super("yyyy-MM-dd");
    }

    @Override
    public long epochDay(String s, ZoneId zone) {
      if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
        throw new DateTimeException("is not a date in the form yyyy-MM-dd");
      }
      return day(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), this);
    }

    @Override
    public long epochSecond(String s, ZoneId zone) {
      return startOfDay(epochDay(s, zone), zone);
    }
  }

  private static final class BasicDate extends DateFormat {
    static final BasicDate INSTANCE = new BasicDate();

    private BasicDate() {
      super("yyyyMMdd");
    }

    @Override
    public long epochDay(String s, ZoneId zone) {
      if (s.length() != 8) {
        throw new DateTimeException("is not a date in the form yyyyMMdd");
      }
      return day(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8), this);
    }

    @Override
    public long epochSecond(String s, ZoneId zone) {
      return startOfDay(epochDay(s, zone), zone);
    }
  }

  private static final class Pattern extends DateFormat {
    private final DateTimeFormatter formatter;

    Pattern(String pattern, DateTimeFormatter formatter) {
      super(pattern);
      this.formatter = formatter;
    }

    private TemporalAccessor parse(String s) {
      try {
        return formatter.parse(s);
      } catch (DateTimeParseException e) {
        throw new DateTimeException("does not match the date pattern " + this);
      }
    }

    @Override
    public long epochDay(String s, ZoneId zone) {
      TemporalAccessor t = parse(s);
      if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
        return dayOf(t.getLong(ChronoField.INSTANT_SECONDS), zone);
      }
      return LocalDate.from(t).toEpochDay();
    }

    @Override
    public long epochSecond(String s, ZoneId zone) {
      TemporalAccessor t = parse(s);
      if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
        return t.getLong(ChronoField.INSTANT_SECONDS);
      }
      if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
        return LocalDateTime.from(t).atZone(zone).toEpochSecond();
      }
      return startOfDay(LocalDate.from(t).toEpochDay(), zone);
    }
  }

  private static final class IsoInstant extends DateFormat {
    static final IsoInstant INSTANCE = new IsoInstant();

    private IsoInstant() {
      super("ISO instant");
    }

    @Override
    public long epochDay(String s, ZoneId zone) {
      return dayOf(epochSecond(s, zone), zone);
    }

    @Override
    public long epochSecond(String s, ZoneId zone) {
      try {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from).getEpochSecond();
      } catch (DateTimeParseException e) {
        throw new DateTimeException("is not an ISO instant such as 2024-03-31T12:00:00Z");
      }
    }
  }

  private static final class Epoch extends DateFormat {
    static final Epoch DAY = new Epoch("epoch day", 0);
    static final Epoch SECOND = new Epoch("epoch second", 1);
    static final Epoch MILLI = new Epoch("epoch millisecond", 1000);

    private final int kind;

    private Epoch(String description, int kind) {
      super(description);
      this.kind = kind;
    }

    private long number(String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new DateTimeException("is not an integer " + this);
      }
    }

    @Override
    public long epochDay(String s, ZoneId zone) {
      long v = number(s);
      return kind == 0 ? v : dayOf(kind == 1 ? v : Math.floorDiv(v, 1000L), zone);
    }

    @Override
    public long epochSecond(String s, ZoneId zone) {
      long v = number(s);
      if (kind == 0) {
        if (Math.abs(v) > 3_000_000L) {
          throw new DateTimeException("is too far from 1970 to be an epoch day");
        }
        return startOfDay(v, zone);
      }
      return kind == 1 ? v : Math.floorDiv(v, 1000L);
    }
  }
}
