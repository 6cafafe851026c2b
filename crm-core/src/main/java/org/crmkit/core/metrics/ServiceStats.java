package org.crmkit.core.metrics;

import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * Service metrics of one group of tickets (all tickets, one category or one channel) at the
 * analysis instant of its {@link ServiceReport}.
 *
 * <p>Definitions (each share a {@link Proportion} with its Wilson interval, empty when its
 * denominator is 0):
 *
 * <ul>
 *   <li><b>First-contact resolution</b> = tickets resolved on the first contact (resolved, one
 *       contact, never reopened: {@link org.crmkit.core.customer.ServiceTicket#resolvedOnFirstContact})
 *       ÷ resolved tickets. Open tickets are not in the denominator: their outcome is unknown.
 *   <li><b>Reopen rate</b> = reopened tickets ÷ tickets resolved at least once (the resolved
 *       ones plus the open ones that are open again after a reopening).
 *   <li><b>SLA compliance</b> for the first response and for the resolution: see
 *       {@link SlaCompliance}.
 *   <li><b>Resolution times</b>: see {@link ResolutionTimes}; open tickets are counted there and
 *       left out.
 *   <li><b>Complaint rate</b>: {@link #complaintRate(long, ComplaintRate.Basis)} with the
 *       caller's denominator.
 * </ul>
 *
 * @param group the group's label ({@code all} for every ticket)
 * @param tickets the number of tickets, &gt; 0
 * @param customers the number of distinct customers with a ticket
 * @param open tickets without a resolution
 * @param resolvedFirstContact resolved tickets resolved on the first contact
 * @param reopened tickets flagged as reopened (open or resolved)
 * @param reopenedOpen reopened tickets that are open again
 * @param firstResponse compliance with the first-response target
 * @param resolution compliance with the resolution target
 * @param resolutionTimes the resolution times of the resolved tickets
 */
public record ServiceStats(String group, long tickets, long customers, long open,
    long resolvedFirstContact, long reopened, long reopenedOpen, SlaCompliance firstResponse,
    SlaCompliance resolution, ResolutionTimes resolutionTimes) {

  /** Checks that the counts fit together. */
  public ServiceStats {
    Checks.notNull("group", group);
    if (tickets <= 0) {
      throw new IllegalArgumentException("tickets must be > 0: " + tickets);
    }
    Checks.nonNegative("customers", customers);
    Checks.nonNegative("open", open);
    Checks.nonNegative("resolvedFirstContact", resolvedFirstContact);
    Checks.nonNegative("reopened", reopened);
    Checks.nonNegative("reopenedOpen", reopenedOpen);
    Checks.notNull("firstResponse", firstResponse);
    Checks.notNull("resolution", resolution);
    Checks.notNull("resolutionTimes", resolutionTimes);
    if (customers < 1 || customers > tickets || open > tickets
        || resolvedFirstContact > tickets - open || reopened > tickets || reopenedOpen > open
        || reopenedOpen > reopened || resolutionTimes.open() != open
        || resolutionTimes.resolved() != tickets - open
        || firstResponse.tickets() != tickets || resolution.tickets() != tickets) {
      throw new IllegalArgumentException("the counts of group '" + group + "' do not fit "
          + "together: " + tickets + " tickets, " + customers + " customers, " + open
          + " open, " + resolvedFirstContact + " resolved on first contact, " + reopened
          + " reopened (" + reopenedOpen + " open), response SLA over "
          + firstResponse.tickets() + ", resolution SLA over " + resolution.tickets()
          + ", " + resolutionTimes.resolved() + " resolution times");
    }
  }

  /** Tickets with a resolution: tickets − open. */
  public long resolved() {
    return tickets - open;
  }

  /** Resolved on first contact ÷ resolved; empty when nothing is resolved. */
  public Optional<Proportion> firstContactResolution() {
    return resolved() == 0 ? Optional.empty()
        : Optional.of(Proportion.of(resolvedFirstContact, resolved()));
  }

  /** Tickets resolved at least once: resolved + reopened ones open again. */
  public long everResolved() {
    return resolved() + reopenedOpen;
  }

  /** Reopened ÷ tickets resolved at least once; empty when none was ever resolved. */
  public Optional<Proportion> reopenRate() {
    return everResolved() == 0 ? Optional.empty()
        : Optional.of(Proportion.of(reopened, everResolved()));
  }

  /** The share of open tickets, open ÷ tickets. */
  public Proportion openShare() {
    return Proportion.of(open, tickets);
  }

  /**
   * The complaint rate of this group's tickets over an explicit denominator; see
   * {@link ComplaintRate}.
   *
   * @param base the number of customers or orders of the period, &gt; 0
   * @param basis what {@code base} counts
   */
  public ComplaintRate complaintRate(long base, ComplaintRate.Basis basis) {
    return new ComplaintRate(tickets, customers, base, basis);
  }

  /** Several lines: counts, first-contact resolution, SLAs, resolution times, reopen rate. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    return "service '" + group + "': " + Stats.count(tickets) + " tickets of "
        + Stats.count(customers) + " customers, " + Stats.count(open) + " open" + nl
        + "  first-contact resolution " + firstContactResolution().map(Proportion::toString)
            .orElse("-") + nl
        + "  first-response SLA " + firstResponse + nl
        + "  resolution SLA " + resolution + nl
        + "  resolution time " + resolutionTimes + nl
        + "  reopen rate " + reopenRate().map(Proportion::toString).orElse("-");
  }
}
