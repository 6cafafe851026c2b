package org.crmkit.core.metrics;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Severity;

/**
 * Service-level targets: the longest allowed time to the first response and to the resolution,
 * per {@link Severity}.
 *
 * <pre>{@code
 * SlaTargets t = SlaTargets.of(Duration.ofHours(4), Duration.ofDays(3))      // every severity
 *     .withSeverity(Severity.CRITICAL, Duration.ofMinutes(30), Duration.ofHours(8));
 * }</pre>
 *
 * @param firstResponse the first-response target of each of the four severities, &gt; 0
 * @param resolution the resolution target of each of the four severities, &gt; 0
 */
public record SlaTargets(Map<Severity, Duration> firstResponse,
    Map<Severity, Duration> resolution) {

  /** Checks that every severity has a positive target of each kind; copies the maps. */
  public SlaTargets {
    firstResponse = complete("firstResponse", firstResponse);
    resolution = complete("resolution", resolution);
  }

  private static Map<Severity, Duration> complete(String name, Map<Severity, Duration> m) {
    Checks.notNull(name, m);
    EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      copy.put(s, positive(name + " target of " + s, m.get(s)));
    }
    for (Severity s : m.keySet()) {
      Checks.notNull(name + " severity", s);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Duration positive(String name, Duration d) {
    Checks.notNull(name, d);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0: " + d);
    }
    return d;
  }

  /** The same two targets for every severity. */
  public static SlaTargets of(Duration firstResponse, Duration resolution) {
    positive("firstResponse", firstResponse);
    positive("resolution", resolution);
    EnumMap<Severity, Duration> r = new EnumMap<>(Severity.class);
    EnumMap<Severity, Duration> s = new EnumMap<>(Severity.class);
    for (Severity v : Severity.values()) {
      r.put(v, firstResponse);
      s.put(v, resolution);
    }
    return new SlaTargets(r, s);
  }

  /** A copy with these targets for one severity. */
  public SlaTargets withSeverity(Severity severity, Duration firstResponseTarget,
      Duration resolutionTarget) {
    Checks.notNull("severity", severity);
    EnumMap<Severity, Duration> r = new EnumMap<>(firstResponse);
    EnumMap<Severity, Duration> s = new EnumMap<>(resolution);
    r.put(severity, positive("firstResponse", firstResponseTarget));
    s.put(severity, positive("resolution", resolutionTarget));
    return new SlaTargets(r, s);
  }

  /** The first-response target of a severity. */
  public Duration firstResponseTarget(Severity severity) {
    return firstResponse.get(Checks.notNull("severity", severity));
  }

  /** The resolution target of a severity. */
  public Duration resolutionTarget(Severity severity) {
    return resolution.get(Checks.notNull("severity", severity));
  }

  /** One line per severity: {@code CRITICAL  response PT30M  resolution PT8H}. */
  @Override
  public String toString() {
    var sb = new StringBuilder("SLA targets");
    for (Severity s : Severity.values()) {
      sb.append(String.format(Locale.ROOT, "%n  %-8s  response %-8s  resolution %s", s,
          firstResponse.get(s), resolution.get(s)));
    }
    return sb.toString();
  }
}
