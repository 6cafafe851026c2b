package org.crmkit.core.customer;

/**
 * How severe a {@link ServiceTicket} is, from {@link #LOW} to {@link #CRITICAL}.
 *
 * <p>The constants are declared in increasing order, so {@link #compareTo} ranks them:
 * {@code s.compareTo(Severity.HIGH) >= 0} means "high or worse". Source systems name their
 * levels differently (P1–P4, Sev 1–4, low/normal/high/urgent); readers map them onto these four.
 */
public enum Severity {
  /** Minor: a question or an inconvenience with a workaround. */
  LOW,
  /** Normal: the usual ticket. */
  MEDIUM,
  /** Serious: a service works badly for the customer. */
  HIGH,
  /** Critical: a service is down for the customer, or data is at risk. */
  CRITICAL
}
