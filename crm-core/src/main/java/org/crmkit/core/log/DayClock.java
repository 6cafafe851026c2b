package org.crmkit.core.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Epoch days of epoch seconds in a zone, allocation-free for runs of nearby instants: the zone's
 * offset is cached over the interval between its two surrounding transitions, so each call inside
 * it costs one {@code floorDiv}. Agrees with
 * {@code Instant.ofEpochSecond(s).atZone(zone).toLocalDate().toEpochDay()} for every second.
 *
 * <p>Mutable and not thread-safe: one per sweep over a log.
 */
final class DayClock {

  private static final long SECONDS_PER_DAY = 86_400L;

  private final ZoneRules rules;
  /** The cached offset holds for seconds in [from, until). */
  private long from = Long.MAX_VALUE;
  private long until = Long.MIN_VALUE;
  private int offset;

  DayClock(ZoneId zone) {
    this.rules = zone.getRules();
    if (rules.isFixedOffset()) {
      offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
      from = Long.MIN_VALUE;
      until = Long.MAX_VALUE;
    }
  }

  /** The epoch day, in this clock's zone, of an epoch second. */
  long epochDay(long second) {
    if (second < from || second >= until) {
      refill(second);
    }
    return Math.floorDiv(second + offset, SECONDS_PER_DAY);
  }

  private void refill(long second) {
    Instant at = Instant.ofEpochSecond(second);
    offset = rules.getOffset(at).getTotalSeconds();
    // the last transition at or before `second`, and the first one after it
    ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second + 1));
    ZoneOffsetTransition next = rules.nextTransition(at);
    from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
  }
}
