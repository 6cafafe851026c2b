package org.crmkit.core.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Epoch days of epoch seconds in a zone, without allocating. The zone's transitions within a
 * range of seconds (a log's first to last time) are listed once; a second inside the range finds
 * its offset by binary search, and the offset is kept for the interval between the two
 * surrounding transitions, so a run of nearby seconds costs one {@code floorDiv} each. Seconds
 * outside the range ask the zone's rules. Agrees with
 * {@code Instant.ofEpochSecond(s).atZone(zone).toLocalDate().toEpochDay()} for every second.
 *
 * <p>{@link #epochDay(long)} caches the offset and is not thread-safe: one clock per sweep over
 * a log. {@link #epochDayShared(long)} is.
 */
final class DayClock {

  private static final long SECONDS_PER_DAY = 86_400L;

  private final ZoneRules rules;
  private final long rangeFrom;
  private final long rangeTo;
  /** Epoch seconds of the transitions in (rangeFrom, rangeTo], ascending. */
  private final long[] transitions;
  /** The offset from each transition on; {@code offsetAtFrom} before the first. */
  private final int[] offsetsAfter;
  private final int offsetAtFrom;

  /** The cached offset holds for seconds in [from, until). */
  private long from = Long.MAX_VALUE;
  private long until = Long.MIN_VALUE;
  private int offset;

  /** A clock for {@code zone}, fast for seconds in [rangeFrom, rangeTo]. */
  DayClock(ZoneId zone, long rangeFrom, long rangeTo) {
    this.rules = zone.getRules();
    this.rangeFrom = rangeFrom;
    this.rangeTo = rangeTo;
    if (rules.isFixedOffset() || rangeFrom > rangeTo) {
      transitions = new long[0];
      offsetsAfter = new int[0];
      offsetAtFrom = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
      if (rules.isFixedOffset()) {
        offset = offsetAtFrom;
        from = Long.MIN_VALUE;
        until = Long.MAX_VALUE;
      }
      return;
    }
    Instant start = Instant.ofEpochSecond(rangeFrom);
    offsetAtFrom = rules.getOffset(start).getTotalSeconds();
    long[] at = new long[8];
    int[] after = new int[8];
    int n = 0;
    for (ZoneOffsetTransition t = rules.nextTransition(start);
        t != null && t.toEpochSecond() <= rangeTo; t = rules.nextTransition(t.getInstant())) {
      if (n == at.length) {
        at = Arrays.copyOf(at, 2 * n);
        after = Arrays.copyOf(after, 2 * n);
      }
      at[n] = t.toEpochSecond();
      after[n] = t.getOffsetAfter().getTotalSeconds();
      n++;
    }
    transitions = Arrays.copyOf(at, n);
    offsetsAfter = Arrays.copyOf(after, n);
  }

  /** The epoch day, in this clock's zone, of an epoch second. */
  long epochDay(long second) {
    if (second < from || second >= until) {
      locate(second);
    }
    return Math.floorDiv(second + offset, SECONDS_PER_DAY);
  }

  /**
   * The epoch day of an epoch second, like {@link #epochDay(long)} but without the cache: it
   * reads only final fields, so one clock can serve many threads (an immutable log keeps one).
   */
  long epochDayShared(long second) {
    if (second < rangeFrom || second > rangeTo) {
      return Instant.ofEpochSecond(second).atZone(rules.getOffset(Instant.ofEpochSecond(second)))
          .toLocalDate().toEpochDay();
    }
    int i = Arrays.binarySearch(transitions, second);
    i = i >= 0 ? i + 1 : -i - 1;
    int off = i == 0 ? offsetAtFrom : offsetsAfter[i - 1];
    return Math.floorDiv(second + off, SECONDS_PER_DAY);
  }

  private void locate(long second) {
    if (second < rangeFrom || second > rangeTo) {
      outside(second);
      return;
    }
    // i = the number of transitions at or before `second`
    int i = Arrays.binarySearch(transitions, second);
    i = i >= 0 ? i + 1 : -i - 1;
    offset = i == 0 ? offsetAtFrom : offsetsAfter[i - 1];
    from = i == 0 ? rangeFrom : transitions[i - 1];
    until = i < transitions.length ? transitions[i]
        : rangeTo == Long.MAX_VALUE ? Long.MAX_VALUE : rangeTo + 1;
  }

  /** Outside the listed range: ask the rules (allocates). */
  private void outside(long second) {
    Instant at = Instant.ofEpochSecond(second);
    offset = rules.getOffset(at).getTotalSeconds();
    // the last transition at or before `second`, and the first one after it
    ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second + 1));
    ZoneOffsetTransition next = rules.nextTransition(at);
    from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
  }
}
