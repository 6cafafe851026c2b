package org.crmkit.core.log;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of small logs for the jqwik properties: few customers, days and amounts, so that
 * ties, exact duplicates, same-day purchases, refunds and fully refunded days are common.
 */
final class LogArbitraries {

  private LogArbitraries() {}

  /** One row before it enters a log: a customer, a raw time and an amount. */
  record Row(String id, long time, double amount) {}

  /** A base, a zone and rows, to build a log from. */
  record Rows(TimeBase base, ZoneId zone, List<Row> rows) {

    TransactionLog build() {
      return build(rows);
    }

    TransactionLog build(List<Row> these) {
      var b = base == TimeBase.DAYS ? TransactionLog.builder() : TransactionLog.builder(zone);
      for (Row r : these) {
        b.addColumns(new String[] {r.id()}, new long[] {r.time()}, new double[] {r.amount()});
      }
      return b.build();
    }

    @Override
    public String toString() {
      return base + " " + zone + " " + rows;
    }
  }

  private static final long DAY0 = LocalDate.of(1997, 1, 1).toEpochDay();
  /** 2008-11-01T00:00Z: St John's turned its clocks back across midnight at 2008-11-02T02:31Z. */
  private static final long SECOND0 = Instant.parse("2008-11-01T00:00:00Z").getEpochSecond();

  private static final List<Instant> ST_JOHNS_BACK = List.of(
      Instant.parse("2008-11-02T02:29:59Z"), Instant.parse("2008-11-02T02:30:00Z"),
      Instant.parse("2008-11-02T02:30:30Z"), Instant.parse("2008-11-02T02:31:00Z"),
      Instant.parse("2008-11-02T02:45:00Z"), Instant.parse("2008-11-02T03:29:59Z"),
      Instant.parse("2008-11-02T03:30:00Z"));

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

  static Arbitrary<String> ids() {
    return Arbitraries.of("a", "b", "c", "00004", "4", "B");
  }

  static Arbitrary<Double> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.of(-3.0, -1.0, -0.3, 0.0, 0.1, 0.2, 1.0, 2.5, 3.0),
        Arbitraries.doubles().between(-1_000, 1_000).ofScale(2));
  }

  /**
   * Rows plus, half of the time, a customer-day of 0.1 + 0.2 refunded as 0.3: a net that is not
   * exactly zero in binary floating point.
   */
  private static Arbitrary<List<Row>> withRoundingDay(Arbitrary<Row> row, Arbitrary<Long> times,
      Arbitrary<Long> spreads, int maxRows) {
    return Combinators.combine(row.list().ofMaxSize(maxRows), Arbitraries.of(false, true), ids(),
        times, spreads)
        .as((rows, add, id, t, spread) -> {
          if (!add) {
            return rows;
          }
          var out = new ArrayList<>(rows);
          out.add(new Row(id, t, 0.1));
          out.add(new Row(id, t + spread, 0.2));
          out.add(new Row(id, t + 2 * spread, -0.3));
          return out;
        });
  }

  /** Dated rows: seven days. */
  static Arbitrary<Rows> dated(int maxRows) {
    Arbitrary<Long> days = Arbitraries.longs().between(0, 6).map(d -> DAY0 + d);
    Arbitrary<Row> row = Combinators.combine(ids(), days, amounts()).as(Row::new);
    return withRoundingDay(row, days, Arbitraries.just(0L), maxRows)
        .map(r -> new Rows(TimeBase.DAYS, ZoneOffset.UTC, r));
  }

  /**
   * Timestamped rows over three days from 2008-11-01T00:00Z, on the half hour or at any second,
   * in zones with and without daylight saving time, including America/St_Johns, whose dates ran
   * backwards for an hour on 2008-11-02.
   */
  static Arbitrary<Rows> timestamped(int maxRows) {
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.longs().between(0, 3 * 48).map(k -> k * 1_800)),
        Tuple.of(2, Arbitraries.longs().between(0, 3 * 86_400)),
        // St John's: 02:30:00Z and 02:30:30Z fall on 11-02, 02:31Z..03:29:59Z on 11-01 again
        Tuple.of(1, Arbitraries.of(ST_JOHNS_BACK).map(i -> i.getEpochSecond() - SECOND0)))
        .map(s -> SECOND0 + s);
    Arbitrary<Row> row = Combinators.combine(ids(), seconds, amounts()).as(Row::new);
    Arbitrary<ZoneId> zones = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(ZoneOffset.UTC)),
        Tuple.of(1, Arbitraries.just(ZoneOffset.ofHoursMinutes(5, 30))),
        Tuple.of(1, Arbitraries.just(ZoneId.of("Europe/Berlin"))),
        Tuple.of(3, Arbitraries.just(ZoneId.of("America/St_Johns"))));
    Arbitrary<Long> roundingTimes = Arbitraries.longs().between(0, 3 * 24).map(h -> h * 3_600)
        .map(s -> SECOND0 + s);
    Arbitrary<Long> spreads = Arbitraries.longs().between(0, 600);
    return Combinators.combine(zones, withRoundingDay(row, roundingTimes, spreads, maxRows))
        .as((zone, rows) -> new Rows(TimeBase.SECONDS, zone, rows));
  }

  /**
   * Rows in America/St_Johns around 2008-11-02T02:31Z, when its clocks went back from 00:01 to
   * 23:01: dates run backwards often, and a customer's days are out of time order.
   */
  static Arbitrary<Rows> stJohnsOverlap(int maxRows) {
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(ST_JOHNS_BACK).map(Instant::getEpochSecond)),
        Tuple.of(1, Arbitraries.longs().between(-3 * 3_600, 3 * 3_600)
            .map(s -> ST_JOHNS_BACK.get(3).getEpochSecond() + s)));
    Arbitrary<Row> row = Combinators.combine(Arbitraries.of("a", "b"), seconds, amounts())
        .as(Row::new);
    return row.list().ofMaxSize(maxRows)
        .map(rows -> new Rows(TimeBase.SECONDS, ZoneId.of("America/St_Johns"), rows));
  }

  /** Dated or timestamped rows. */
  static Arbitrary<Rows> anyRows(int maxRows) {
    return Arbitraries.oneOf(dated(maxRows), timestamped(maxRows));
  }
}
