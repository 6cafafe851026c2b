package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.crmkit.core.Checks;
import org.junit.jupiter.api.Test;

/** {@link DayClock} agrees with {@code Instant.atZone(zone).toLocalDate()} everywhere. */
class DayClockTest {

  private static final List<ZoneId> ZONES = List.of(
      ZoneOffset.UTC,
      ZoneOffset.ofHoursMinutes(5, 30),
      ZoneOffset.ofHours(-18),
      ZoneId.of("America/St_Johns"),     // clocks went back across midnight until 2010
      ZoneId.of("Europe/Berlin"),
      ZoneId.of("Australia/Lord_Howe"),  // 30-minute DST
      ZoneId.of("Pacific/Apia"),         // skipped 2011-12-30
      ZoneId.of("America/Sao_Paulo"),    // DST started at midnight
      ZoneId.of("Asia/Kathmandu"));      // +05:45

  private static final long LO = Checks.MIN_EPOCH_DAY * 86_400L;
  private static final long HI = (Checks.MAX_EPOCH_DAY + 1) * 86_400L - 1;

  private static long expected(ZoneId zone, long second) {
    return Instant.ofEpochSecond(second).atZone(zone).toLocalDate().toEpochDay();
  }

  @Test
  void aroundEveryTransitionFrom1900To2100() {
    for (ZoneId zone : ZONES) {
      var clock = new DayClock(zone, LO, HI);
      var rules = zone.getRules();
      var t = rules.nextTransition(Instant.ofEpochSecond(LO));
      while (t != null && t.getInstant().isBefore(Instant.parse("2100-01-01T00:00:00Z"))) {
        long s = t.toEpochSecond();
        for (long d : new long[] {-86_400, -3_601, -1, 0, 1, 3_599, 86_399}) {
          assertEquals(expected(zone, s + d), clock.epochDay(s + d), () -> zone + " " + (s + d));
        }
        t = rules.nextTransition(t.getInstant());
      }
    }
  }

  @Test
  void runsOfIncreasingSecondsWithRandomJumpsBetweenThem() {
    var random = new Random(20_261_123L);
    for (ZoneId zone : ZONES) {
      var clock = new DayClock(zone, LO, HI);
      for (int run = 0; run < 500; run++) {
        long s = LO + (long) (random.nextDouble() * (HI - LO - 400L * 86_400));
        for (int i = 0; i < 50; i++) {
          s += random.nextInt(4 * 86_400);
          long second = s;
          assertEquals(expected(zone, second), clock.epochDay(second), () -> zone + " " + second);
        }
      }
    }
  }

  @Test
  void endsOfTheSaneDateRange() {
    for (ZoneId zone : ZONES) {
      var clock = new DayClock(zone, LO, HI);
      for (long s : new long[] {LO - 86_400, LO, HI, HI + 86_400, 0, -1}) {
        assertEquals(expected(zone, s), clock.epochDay(s), () -> zone + " " + s);
      }
    }
  }

  @Test
  void secondsOutsideTheListedRangeAskTheRules() {
    long from = Instant.parse("2008-11-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2008-11-03T00:00:00Z").getEpochSecond();
    var random = new Random(7);
    for (ZoneId zone : ZONES) {
      var clock = new DayClock(zone, from, to);
      for (int i = 0; i < 2_000; i++) {
        // inside, near, and far outside the range, in random order
        long second = switch (i % 3) {
          case 0 -> from + random.nextLong(to - from + 1);
          case 1 -> from - 86_400 + random.nextLong(to - from + 2 * 86_400);
          default -> LO + (long) (random.nextDouble() * (HI - LO));
        };
        assertEquals(expected(zone, second), clock.epochDay(second), () -> zone + " " + second);
      }
    }
  }

  @Test
  void anEmptyRangeStillAnswers() {
    var clock = new DayClock(ZoneId.of("Europe/Berlin"), Long.MAX_VALUE, Long.MIN_VALUE);
    long s = Instant.parse("2020-06-30T22:30:00Z").getEpochSecond();
    assertEquals(expected(ZoneId.of("Europe/Berlin"), s), clock.epochDay(s));
  }
}
