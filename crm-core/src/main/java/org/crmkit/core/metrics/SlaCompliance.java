package org.crmkit.core.metrics;

import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * Compliance with one service-level target (first response or resolution) over a group of
 * tickets, at the analysis instant {@code asOf} of its {@link ServiceReport}.
 *
 * <p>Each ticket is either <i>met</i> (the event happened within the target), <i>breached</i>
 * (the event happened later than the target, or has not happened and the target has already
 * passed at asOf) or <i>pending</i> (the event has not happened and the target has not passed
 * yet: the ticket may still meet it). Compliance is met ÷ (met + breached), with the Wilson
 * interval; pending tickets are counted, not decided. An event exactly at the target meets it.
 *
 * @param met tickets that met the target
 * @param breached tickets that missed it, or can no longer meet it
 * @param pending tickets that can still meet it
 */
public record SlaCompliance(long met, long breached, long pending) {

  /** Checks that the counts are non-negative. */
  public SlaCompliance {
    Checks.nonNegative("met", met);
    Checks.nonNegative("breached", breached);
    Checks.nonNegative("pending", pending);
  }

  /** The tickets whose outcome is known: met + breached. */
  public long decided() {
    return met + breached;
  }

  /** The number of tickets: met + breached + pending. */
  public long tickets() {
    return met + breached + pending;
  }

  /** Met ÷ decided as a proportion (Wilson interval); empty when no ticket is decided. */
  public Optional<Proportion> compliance() {
    return decided() == 0 ? Optional.empty() : Optional.of(Proportion.of(met, decided()));
  }

  /** {@code 0.9000 (90 of 100), Wilson [0.8256, 0.9448] 95%; 3 pending}. */
  @Override
  public String toString() {
    String p = pending > 0 ? "; " + Stats.count(pending) + " pending" : "";
    return compliance().map(Proportion::toString).orElse("no decided ticket") + p;
  }
}
