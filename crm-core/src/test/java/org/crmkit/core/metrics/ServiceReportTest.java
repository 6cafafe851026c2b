package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

/** Service metrics from tickets, checked against hand counts written down here. */
class ServiceReportTest {

  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
  private static final Instant AS_OF = Instant.parse("2024-03-31T00:00:00Z");

  /** Response 4 h and resolution 48 h; critical tickets 1 h and 8 h. */
  private static final SlaTargets TARGETS = SlaTargets.of(Duration.ofHours(4),
      Duration.ofHours(48)).withSeverity(Severity.CRITICAL, Duration.ofHours(1),
      Duration.ofHours(8));

  private static ServiceTicket ticket(String customer, Instant opened, String channel,
      String category, Severity severity, Duration response, Duration resolution, int contacts,
      boolean reopened) {
    return ServiceTicket.of(customer, opened, channel, category, severity)
        .withFirstResponse(response == null ? null : opened.plus(response))
        .withResolved(resolution == null ? null : opened.plus(resolution))
        .withContacts(contacts).withReopened(reopened);
  }

  /**
   * Eight tickets; by hand, against the targets above at 2024-03-31T00:00Z:
   *
   * <pre>
   *      cust chan  category  sev       response  resolved  contacts reopened | resp      resol     FCR
   *   t1 C1   phone billing   MEDIUM    1h        2h        1        no       | met       met       yes
   *   t2 C2   email billing   MEDIUM    5h        30h       2        no       | breached  met       no
   *   t3 C1   chat  technical HIGH      2h        60h       1        yes      | met       breached  no
   *   t4 C3   phone technical CRITICAL  30min     4h        1        no       | met(1h)   met(8h)   yes
   *   t5 C4   email billing   LOW       4h (=)    10h       1        no       | met       met       yes
   *   t6 C5   chat  technical MEDIUM    -         open      1        no       | pending   pending   -    opened 1 h before asOf
   *   t7 C6   phone billing   HIGH      1h        open      2        yes      | met       breached  -    opened 30 days before
   *   t8 C2   email technical MEDIUM    -         open      1        no       | breached  pending   -    opened exactly 48 h before
   * </pre>
   */
  static List<ServiceTicket> tickets() {
    List<ServiceTicket> t = new ArrayList<>();
    t.add(ticket("C1", T0, "phone", "billing", Severity.MEDIUM, Duration.ofHours(1),
        Duration.ofHours(2), 1, false));
    t.add(ticket("C2", T0, "email", "billing", Severity.MEDIUM, Duration.ofHours(5),
        Duration.ofHours(30), 2, false));
    t.add(ticket("C1", T0, "chat", "technical", Severity.HIGH, Duration.ofHours(2),
        Duration.ofHours(60), 1, true));
    t.add(ticket("C3", T0, "phone", "technical", Severity.CRITICAL, Duration.ofMinutes(30),
        Duration.ofHours(4), 1, false));
    t.add(ticket("C4", T0, "email", "billing", Severity.LOW, Duration.ofHours(4),
        Duration.ofHours(10), 1, false));
    t.add(ticket("C5", AS_OF.minus(Duration.ofHours(1)), "chat", "technical", Severity.MEDIUM,
        null, null, 1, false));
    t.add(ticket("C6", T0, "phone", "billing", Severity.HIGH, Duration.ofHours(1), null, 2,
        true));
    t.add(ticket("C2", AS_OF.minus(Duration.ofHours(48)), "email", "technical",
        Severity.MEDIUM, null, null, 1, false));
    return t;
  }

  private static final ServiceReport REPORT = ServiceReport.of(tickets(), TARGETS, AS_OF);

  @Test
  void overallCountsAndShares() {
    ServiceStats all = REPORT.overall();
    assertEquals(8, all.tickets());
    assertEquals(6, all.customers());           // C1..C6
    assertEquals(3, all.open());                // t6, t7, t8
    assertEquals(5, all.resolved());
    // FCR: t1, t4, t5 of the 5 resolved
    assertEquals(Proportion.of(3, 5), all.firstContactResolution().orElseThrow());
    // reopened t3 (resolved) and t7 (open again); resolved at least once: 5 + t7 = 6
    assertEquals(Proportion.of(2, 6), all.reopenRate().orElseThrow());
    // response: met t1 t3 t4 t5 t7, breached t2 t8, pending t6
    assertEquals(new SlaCompliance(5, 2, 1), all.firstResponse());
    assertEquals(Proportion.of(5, 7), all.firstResponse().compliance().orElseThrow());
    // resolution: met t1 t2 t4 t5, breached t3 t7, pending t6 t8 (t8: exactly 48 h elapsed)
    assertEquals(new SlaCompliance(4, 2, 2), all.resolution());
  }

  @Test
  void resolutionTimePercentilesLeaveOpenTicketsOut() {
    ResolutionTimes r = REPORT.overall().resolutionTimes();
    // sorted 2, 4, 10, 30, 60 h; open t6 t7 t8 left out and counted
    assertEquals(5, r.resolved());
    assertEquals(3, r.open());
    assertEquals(Duration.ofHours(10), r.median().orElseThrow());
    // type 7: h = 4 * 0.9 = 3.6 -> 30 h + 0.6 * (60 - 30) h = 48 h
    assertEquals(Duration.ofHours(48), r.p90().orElseThrow());
    assertEquals(Duration.ofHours(2), r.percentile(0).orElseThrow());
    assertEquals(Duration.ofHours(60), r.percentile(1).orElseThrow());
    assertTrue(r.toString().contains("3 open excluded"), r::toString);
  }

  @Test
  void byCategory() {
    assertEquals(List.of("billing", "technical"),
        REPORT.byCategory().stream().map(ServiceStats::group).toList());
    ServiceStats billing = REPORT.category("billing");   // t1 t2 t5 t7
    assertEquals(4, billing.tickets());
    assertEquals(1, billing.open());
    assertEquals(Proportion.of(2, 3), billing.firstContactResolution().orElseThrow());
    assertEquals(new SlaCompliance(3, 1, 0), billing.firstResponse());
    assertEquals(new SlaCompliance(3, 1, 0), billing.resolution());
    assertEquals(Proportion.of(1, 4), billing.reopenRate().orElseThrow());
    // 2, 10, 30 h: median 10 h; p90 h = 1.8 -> 10 h + 0.8 * 20 h = 26 h
    assertEquals(Duration.ofHours(10), billing.resolutionTimes().median().orElseThrow());
    assertEquals(Duration.ofHours(26), billing.resolutionTimes().p90().orElseThrow());

    ServiceStats technical = REPORT.category("technical");   // t3 t4 t6 t8
    assertEquals(2, technical.open());
    assertEquals(Proportion.of(1, 2), technical.firstContactResolution().orElseThrow());
    assertEquals(new SlaCompliance(2, 1, 1), technical.firstResponse());
    assertEquals(new SlaCompliance(1, 1, 2), technical.resolution());
    assertEquals(Proportion.of(1, 2), technical.reopenRate().orElseThrow());
    // 4, 60 h: median 32 h; p90 h = 0.9 -> 4 h + 0.9 * 56 h = 54 h 24 min
    assertEquals(Duration.ofHours(32), technical.resolutionTimes().median().orElseThrow());
    assertEquals(Duration.ofMinutes(54 * 60 + 24), technical.resolutionTimes().p90()
        .orElseThrow());
  }

  @Test
  void byChannel() {
    assertEquals(List.of("chat", "email", "phone"),
        REPORT.byChannel().stream().map(ServiceStats::group).toList());
    ServiceStats chat = REPORT.channel("chat");   // t3 (resolved, reopened), t6 (open)
    assertEquals(2, chat.tickets());
    assertEquals(Proportion.of(0, 1), chat.firstContactResolution().orElseThrow());
    ServiceStats email = REPORT.channel("email");   // t2 t5 t8
    assertEquals(2, email.customers());             // C2 twice, C4
    assertEquals(Proportion.of(1, 2), email.firstContactResolution().orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> REPORT.channel("fax"));
  }

  @Test
  void sharesAreEmptyWhenTheirDenominatorIs() {
    ServiceReport open = ServiceReport.of(List.of(ticket("C9", AS_OF.minusSeconds(60), "web",
        "other", Severity.LOW, null, null, 1, false)), TARGETS, AS_OF);
    ServiceStats s = open.overall();
    assertTrue(s.firstContactResolution().isEmpty());
    assertTrue(s.reopenRate().isEmpty());
    assertTrue(s.firstResponse().compliance().isEmpty());
    assertTrue(s.resolutionTimes().median().isEmpty());
    assertEquals(new SlaCompliance(0, 0, 1), s.firstResponse());
    Table t = open.toTable();
    int fcr = t.columns().indexOf("fcr");
    assertEquals(null, t.value(0, fcr));   // missing, not NaN
    assertFalse(open.toString().contains("NaN"));
  }

  @Test
  void complaintRatePerOrderAndPerCustomer() {
    // 8 tickets over 100 customers; 6 distinct customers complained
    ComplaintRate perCustomer = REPORT.overall().complaintRate(100,
        ComplaintRate.Basis.CUSTOMERS);
    assertEquals(0.08, perCustomer.rate(), 1e-15);
    assertEquals(Proportion.of(6, 100), perCustomer.complainingShare());
    // exact Poisson 95% for x = 8 (Garwood): [chi2(16; 0.025)/2, chi2(18; 0.975)/2]
    // = [6.907664/2, 31.526385/2] = [3.453832, 15.763192] (chi-square table values)
    assertEquals(0.03453832, perCustomer.interval().lower(), 5e-8);
    assertEquals(0.15763192, perCustomer.interval().upper(), 5e-8);
    ComplaintRate perOrder = REPORT.overall().complaintRate(400, ComplaintRate.Basis.ORDERS);
    assertEquals(0.02, perOrder.rate(), 1e-15);
    assertEquals(20.0, perOrder.ratePer(1000), 1e-12);
    assertThrows(IllegalStateException.class, perOrder::complainingShare);
    // x = 0: upper bound -ln(0.025) = 3.688879 tickets
    ComplaintRate none = new ComplaintRate(0, 0, 10, ComplaintRate.Basis.ORDERS);
    assertEquals(0, none.interval().lower(), 0);
    assertEquals(-Math.log(0.025) / 10, none.interval().upper(), 1e-8);
    // fewer customers in the base than complained: the base is wrong
    assertThrows(IllegalArgumentException.class,
        () -> REPORT.overall().complaintRate(5, ComplaintRate.Basis.CUSTOMERS));
  }

  @Test
  void timestampsAfterAsOfAreRejectedNamingTheTicket() {
    List<ServiceTicket> t = new ArrayList<>(tickets());
    t.add(ticket("C7", T0, "web", "billing", Severity.LOW, null, Duration.ofDays(40), 1,
        false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServiceReport.of(t, TARGETS, AS_OF));
    assertTrue(e.getMessage().startsWith("tickets[8], customer 'C7': resolved 2024-04-10T09:00:00Z"
        + " is after asOf 2024-03-31T00:00:00Z"), e::getMessage);
    assertThrows(IllegalArgumentException.class,
        () -> ServiceReport.of(List.of(), TARGETS, AS_OF));
  }

  @Test
  void tableHasOneRowPerGroupWithHoursAndWilsonBounds() {
    Table t = REPORT.toTable();
    assertEquals(1 + 2 + 3, t.rowCount());
    int median = t.columns().indexOf("median_resolution_hours");
    int p90 = t.columns().indexOf("p90_resolution_hours");
    assertEquals(10.0, (Double) t.value(0, median), 1e-12);
    assertEquals(48.0, (Double) t.value(0, p90), 1e-12);
    int fcr = t.columns().indexOf("fcr");
    assertEquals(0.6, (Double) t.value(0, fcr), 1e-15);
    assertEquals(Proportion.of(3, 5).wilson().lower(), (Double) t.value(0, fcr + 1), 0);
    assertEquals("category", t.value(1, 0));
    assertEquals("billing", t.value(1, 1));
    assertTrue(REPORT.toString().startsWith("service at 2024-03-31T00:00:00Z: 8 tickets, 3 open"),
        REPORT::toString);
  }

  @Test
  void targetsNeedEverySeverityAndPositiveDurations() {
    assertThrows(IllegalArgumentException.class,
        () -> SlaTargets.of(Duration.ZERO, Duration.ofHours(1)));
    assertEquals(Duration.ofMinutes(60), TARGETS.firstResponseTarget(Severity.CRITICAL));
    assertEquals(Duration.ofHours(48), TARGETS.resolutionTarget(Severity.LOW));
  }
}
