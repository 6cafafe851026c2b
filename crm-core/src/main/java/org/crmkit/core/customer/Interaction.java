package org.crmkit.core.customer;

import java.time.Instant;
import org.crmkit.core.Checks;

/**
 * One contact between the company and a customer that is neither a purchase nor a ticket: an
 * email opened, a visit, a call, a login, a meeting.
 *
 * <p>The channel and the kind are free text from the source system, compared as given: which
 * kinds exist differs from one CRM, web analytics or marketing tool to the next, and an enum
 * would force every reader to squeeze them into categories of ours and lose the rest.
 *
 * @param customerId the customer's id; not blank
 * @param time when it happened; on a UTC date between {@link Checks#MIN_DATE} and
 *     {@link Checks#MAX_DATE}
 * @param channel the channel (e.g. "email", "web", "store"); not blank
 * @param kind what happened (e.g. "email_open", "page_view", "call"); not blank
 */
public record Interaction(String customerId, Instant time, String channel, String kind) {

  /** Validates the components; see the class description. */
  public Interaction {
    Checks.notBlank("customerId", customerId);
    Fields.instant(customerId, "time", time);
    Fields.text(customerId, "channel", channel);
    Fields.text(customerId, "kind", kind);
  }

  /** An interaction; the same as the canonical constructor. */
  public static Interaction of(String customerId, Instant time, String channel, String kind) {
    return new Interaction(customerId, time, channel, kind);
  }
}
