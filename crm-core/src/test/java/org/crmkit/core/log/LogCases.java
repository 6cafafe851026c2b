package org.crmkit.core.log;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of small logs for the seeded properties ({@code org.crmkit.core.testing.Cases}):
 * few customers, days and amounts, so that ties, exact duplicates, same-day purchases, refunds and
 * fully refunded days are common.
 *
 * <p>Each generator draws one case from the {@link SplittableRandom} that {@code Cases} gives it.
 * Beside the hand-picked values below, list sizes and the continuous amounts now and then take
 * their edge values (an empty list, a single row, &plusmn;1000, &plusmn;0.01, 0), as the
 * property-testing library these generators were first written for mixed edge cases in.
 */
final class LogCases {

  private LogCases() {}

  /** One row before it enters a log: a customer, a raw time and an amount. */
  record Row(String id, long time, double amount) {}

  /** A base, a zone and rows, to build a log from. */
  record Rows(TimeBase base, ZoneId zone, List<Row> rows) {

    Rows {
      rows = List.copyOf(rows);
    }

    TransactionLog build() {
      return build(rows);
    }

    TransactionLog build(List<Row> these) {
      var b = base == TimeBase.DAYS ? TransactionLog.builder() : TransactionLog.builder(zone);
      for (Row r : these) {
        b.addRaw(r.id(), r.time(), r.amount());
      }
      return b.build();
    }

    @Override
    public String toString() {
      return base + " " + zone + " " + rows.size() + " rows " + rows;
    }
  }

  private static final long DAY0 = LocalDate.of(1997, 1, 1).toEpochDay();
  /** 2008-11-01T00:00Z: St John's turned its clocks back across midnight at 2008-11-02T02:31Z. */
  private static final long SECOND0 = Instant.parse("2008-11-01T00:00:00Z").getEpochSecond();

  /** Instants around St John's 2008 fall-back, as epoch seconds. */
  private static final long[] ST_JOHNS_BACK = {
      Instant.parse("2008-11-02T02:29:59Z").getEpochSecond(),
      Instant.parse("2008-11-02T02:30:00Z").getEpochSecond(),
      Instant.parse("2008-11-02T02:30:30Z").getEpochSecond(),
      Instant.parse("2008-11-02T02:31:00Z").getEpochSecond(),
      Instant.parse("2008-11-02T02:45:00Z").getEpochSecond(),
      Instant.parse("2008-11-02T03:29:59Z").getEpochSecond(),
      Instant.parse("2008-11-02T03:30:00Z").getEpochSecond()};

  private static final String[] IDS = {"a", "b", "c", "00004", "4", "B"};

  private static final double[] PICKED_AMOUNTS = {-3.0, -1.0, -0.3, 0.0, 0.1, 0.2, 1.0, 2.5, 3.0};

  private static final double[] EDGE_AMOUNTS = {-1000.0, -0.01, 0.0, 0.01, 1000.0};

  private static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");

  /** UTC, +05:30 and Europe/Berlin once each, America/St_Johns three times: weights 1:1:1:3. */
  private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
      ZoneId.of("Europe/Berlin"), ST_JOHNS, ST_JOHNS, ST_JOHNS};

  /** True when some customer's rows, in log order, have a date earlier than the row before. */
  static boolean datesRunBackwards(TransactionLog log) {
    for (int c = 0; c < log.customerCount(); c++) {
      for (int row = log.start(c) + 1; row < log.end(c); row++) {
        if (log.epochDay(row) < log.epochDay(row - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One of six ids, two of which differ only in case and two only in leading zeros. */
  static String id(SplittableRandom r) {
    return IDS[r.nextInt(IDS.length)];
  }

  /**
   * Half of the time a hand-picked amount (refunds, zero, the 0.1/0.2/0.3 of the rounding day),
   * otherwise an amount in [-1000, 1000] with two decimals: an edge value one time in eight,
   * below 10 in magnitude three times in eight, anywhere in the range otherwise.
   */
  static double amount(SplittableRandom r) {
    if (r.nextBoolean()) {
      return PICKED_AMOUNTS[r.nextInt(PICKED_AMOUNTS.length)];
    }
    int k = r.nextInt(8);
    if (k == 0) {
      return EDGE_AMOUNTS[r.nextInt(EDGE_AMOUNTS.length)];
    }
    long cents = k <= 3 ? r.nextLong(-999, 1_000) : r.nextLong(-100_000, 100_001);
    return cents / 100.0;
  }

  /** A list size in [0, max]: empty or one row one time in ten each, uniform otherwise. */
  static int size(SplittableRandom r, int max) {
    return switch (r.nextInt(10)) {
      case 0 -> 0;
      case 1 -> Math.min(1, max);
      default -> r.nextInt(max + 1);
    };
  }

  /** Draws a time for a generated row. */
  @FunctionalInterface
  private interface Times {
    long next(SplittableRandom r);
  }

  /**
   * {@code size(r, maxRows)} rows with {@link #id} ids, the given times and {@link #amount}
   * amounts, plus, half of the time, a customer-day of 0.1 + 0.2 refunded as 0.3 (at a time from
   * {@code roundingTimes}, the rows {@code spread} apart, spread in [0, maxSpread]): a net that is
   * not exactly zero in binary floating point.
   */
  private static List<Row> rowsWithRoundingDay(SplittableRandom r, int maxRows, Times times,
      Times roundingTimes, long maxSpread) {
    int n = size(r, maxRows);
    var rows = new ArrayList<Row>(n + 3);
    for (int i = 0; i < n; i++) {
      rows.add(new Row(id(r), times.next(r), amount(r)));
    }
    if (r.nextBoolean()) {
      String id = id(r);
      long t = roundingTimes.next(r);
      long spread = r.nextLong(maxSpread + 1);
      rows.add(new Row(id, t, 0.1));
      rows.add(new Row(id, t + spread, 0.2));
      rows.add(new Row(id, t + 2 * spread, -0.3));
    }
    return rows;
  }

  /** Dated rows: seven days from 1997-01-01. */
  static Rows dated(SplittableRandom r, int maxRows) {
    Times days = s -> DAY0 + s.nextLong(7);
    return new Rows(TimeBase.DAYS, ZoneOffset.UTC, rowsWithRoundingDay(r, maxRows, days, days, 0));
  }

  /**
   * Timestamped rows over three days from 2008-11-01T00:00Z, on the half hour (weight 2) or at
   * any second (weight 2) or at an instant around St John's fall-back (weight 1), in UTC,
   * +05:30, Europe/Berlin or (three times as often) America/St_Johns, whose dates ran backwards
   * for an hour on 2008-11-02. The rounding day starts on an hour of those three days, its rows up
   * to 600 s apart.
   */
  static Rows timestamped(SplittableRandom r, int maxRows) {
    ZoneId zone = ZONES[r.nextInt(ZONES.length)];
    Times seconds = s -> switch (s.nextInt(5)) {
      case 0, 1 -> SECOND0 + s.nextLong(3 * 48 + 1) * 1_800;
      case 2, 3 -> SECOND0 + s.nextLong(3 * 86_400 + 1);
      // St John's: 02:30:00Z and 02:30:30Z fall on 11-02, 02:31Z..03:29:59Z on 11-01 again
      default -> ST_JOHNS_BACK[s.nextInt(ST_JOHNS_BACK.length)];
    };
    Times roundingTimes = s -> SECOND0 + s.nextLong(3 * 24 + 1) * 3_600;
    return new Rows(TimeBase.SECONDS, zone,
        rowsWithRoundingDay(r, maxRows, seconds, roundingTimes, 600));
  }

  /**
   * Rows of customers "a" and "b" in America/St_Johns around 2008-11-02T02:31Z, when its clocks
   * went back from 00:01 to 23:01: half at the instants around the change, half anywhere within
   * three hours of it. Dates run backwards often, and a customer's days are out of time order.
   */
  static Rows stJohnsOverlap(SplittableRandom r, int maxRows) {
    long change = ST_JOHNS_BACK[3];
    int n = size(r, maxRows);
    var rows = new ArrayList<Row>(n);
    for (int i = 0; i < n; i++) {
      String id = r.nextBoolean() ? "a" : "b";
      long t = r.nextBoolean() ? ST_JOHNS_BACK[r.nextInt(ST_JOHNS_BACK.length)]
          : change + r.nextLong(-3 * 3_600, 3 * 3_600 + 1);
      rows.add(new Row(id, t, amount(r)));
    }
    return new Rows(TimeBase.SECONDS, ST_JOHNS, rows);
  }

  /** Dated or timestamped rows, half and half. */
  static Rows anyRows(SplittableRandom r, int maxRows) {
    return r.nextBoolean() ? dated(r, maxRows) : timestamped(r, maxRows);
  }

  /**
   * One customer "x" with up to 300 rows at times in [0, spread], spread in [0, 9], and
   * {@link #amount} amounts: long runs with many ties, for RowSort's quicksort path (over 24
   * rows).
   */
  static List<Row> longRun(SplittableRandom r) {
    long spread = r.nextLong(10);
    int n = size(r, 300);
    var rows = new ArrayList<Row>(n);
    for (int i = 0; i < n; i++) {
      rows.add(new Row("x", r.nextLong(spread + 1), amount(r)));
    }
    return rows;
  }

  /** One of the values of an enum, uniformly. */
  static <E extends Enum<E>> E pick(SplittableRandom r, Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[r.nextInt(values.length)];
  }
}
