package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A timestamped log's dates (looked up from the zone's transitions listed once) equal
 * {@code Instant.atZone(zone).toLocalDate()} for every row, across daylight-saving changes,
 * including America/St_Johns, whose clocks went back across midnight on 2008-11-02.
 */
class EpochDayProperties {

  private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/St_Johns",
      "Australia/Lord_Howe", "Asia/Kolkata", "America/New_York"};

  static Stream<Arguments> logs() {
    long start = Instant.parse("2007-01-01T00:00:00Z").getEpochSecond();
    return Cases.random(501L, 60, r -> {
      int n = 1 + r.nextInt(400);
      long[] t = new long[n];
      long span = r.nextInt(4) == 0 ? 3 * 86_400L : 5L * 365 * 86_400;
      long from = start + r.nextLong(0, 3L * 365 * 86_400);
      for (int i = 0; i < n; i++) {
        t[i] = from + r.nextLong(0, span);
      }
      return Arguments.of(ZONES[r.nextInt(ZONES.length)], t);
    });
  }

  @ParameterizedTest
  @MethodSource("logs")
  void datesMatchTheZoneRules(String zoneName, long[] seconds) {
    ZoneId zone = ZoneId.of(zoneName);
    String[] ids = new String[seconds.length];
    double[] amounts = new double[seconds.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "c" + (i % 7);
      amounts[i] = i;
    }
    TransactionLog log = TransactionLog.builder(zone).addColumns(ids, seconds, amounts).build();
    for (int row = 0; row < log.size(); row++) {
      long s = log.time(row);
      assertEquals(Instant.ofEpochSecond(s).atZone(zone).toLocalDate().toEpochDay(),
          log.epochDay(row), () -> zoneName + " at " + Instant.ofEpochSecond(s));
    }
  }
}
