package org.crmkit.core.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * One service ticket of one customer: when it was opened, first answered and resolved, through
 * which channel, about what, how severe, how many contacts it took and whether it was reopened.
 *
 * <p>Use {@link #of(String, Instant, String, String, Severity)} for a new ticket (one contact,
 * not reopened, unanswered, unresolved), then the {@code with…} methods. The first response and
 * the resolution are optional but, when given, not before the opening. The record does not
 * order the first response against the resolution: a ticket may be resolved without a reply,
 * and some systems log a reply after the resolution.
 *
 * @param customerId the customer's id; not blank
 * @param opened when the ticket was opened; on a UTC date between {@link Checks#MIN_DATE} and
 *     {@link Checks#MAX_DATE}
 * @param firstResponse when the customer first got an answer, or null; not before
 *     {@code opened}
 * @param resolved when the ticket was (last) resolved, or null while it is open; not before
 *     {@code opened}
 * @param channel the channel the ticket came through (e.g. "phone", "chat"); not blank
 * @param category what the ticket is about (e.g. "billing"); not blank
 * @param severity how severe the ticket is; not null
 * @param contacts the number of contacts it took to resolve the ticket (so far, while open);
 *     &ge; 1
 * @param reopened whether the ticket was reopened after a resolution
 */
public record ServiceTicket(String customerId, Instant opened, Instant firstResponse,
    Instant resolved, String channel, String category, Severity severity, int contacts,
    boolean reopened) {

  /** Validates the components; see the class description. */
  public ServiceTicket {
    Checks.notBlank("customerId", customerId);
    Fields.instant(customerId, "opened", opened);
    Fields.optionalInstantFrom(customerId, "firstResponse", firstResponse, "opened", opened);
    Fields.optionalInstantFrom(customerId, "resolved", resolved, "opened", opened);
    Fields.text(customerId, "channel", channel);
    Fields.text(customerId, "category", category);
    Fields.notNull(customerId, "severity", severity);
    if (contacts < 1) {
      throw Fields.bad(customerId, "contacts must be >= 1: " + contacts);
    }
  }

  /** A new ticket: one contact, not reopened, no response, not resolved. */
  public static ServiceTicket of(String customerId, Instant opened, String channel,
      String category, Severity severity) {
    return new ServiceTicket(customerId, opened, null, null, channel, category, severity, 1,
        false);
  }

  /** A copy with this first response; null removes it. */
  public ServiceTicket withFirstResponse(Instant t) {
    return new ServiceTicket(customerId, opened, t, resolved, channel, category, severity,
        contacts, reopened);
  }

  /** A copy with this resolution; null makes the ticket open again. */
  public ServiceTicket withResolved(Instant t) {
    return new ServiceTicket(customerId, opened, firstResponse, t, channel, category, severity,
        contacts, reopened);
  }

  /** A copy with this number of contacts. */
  public ServiceTicket withContacts(int n) {
    return new ServiceTicket(customerId, opened, firstResponse, resolved, channel, category,
        severity, n, reopened);
  }

  /** A copy with this reopened flag. */
  public ServiceTicket withReopened(boolean r) {
    return new ServiceTicket(customerId, opened, firstResponse, resolved, channel, category,
        severity, contacts, r);
  }

  /** Time from opening to the first response, if there was one; never negative. */
  public Optional<Duration> firstResponseTime() {
    return firstResponse == null ? Optional.empty()
        : Optional.of(Duration.between(opened, firstResponse));
  }

  /** Time from opening to the resolution, if resolved; never negative. */
  public Optional<Duration> resolutionTime() {
    return resolved == null ? Optional.empty() : Optional.of(Duration.between(opened, resolved));
  }

  /** True when the ticket has a resolution time. */
  public boolean isResolved() {
    return resolved != null;
  }

  /**
   * First-contact resolution: resolved, with one contact, and never reopened. A reopened ticket
   * was not resolved the first time, whatever its contact count says.
   */
  public boolean resolvedOnFirstContact() {
    return resolved != null && contacts == 1 && !reopened;
  }
}
