package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;
import org.junit.jupiter.api.Test;

/** The code examples of the Javadoc of Surveys, SlaTargets and ServiceReport, as written. */
class RecordJavadocExamplesTest {

  @Test
  void surveysClassExample() {
    List<SurveyResponse> responses = new ArrayList<>();
    responses.add(SurveyResponse.of("C1", LocalDate.of(2024, 2, 1), Instrument.NPS, 10)
        .withChannel("email"));
    responses.add(SurveyResponse.of("C2", LocalDate.of(2024, 2, 3), Instrument.NPS, 3)
        .withChannel("phone"));
    responses.add(SurveyResponse.of("C1", LocalDate.of(2024, 2, 1), Instrument.CSAT, 5));
    responses.add(SurveyResponse.of("C2", LocalDate.of(2024, 3, 1), Instrument.CSAT, 2));
    responses.add(SurveyResponse.of("C3", LocalDate.of(2024, 5, 1), Instrument.CSAT, 4));
    responses.add(SurveyResponse.of("C4", LocalDate.of(2024, 6, 1), Instrument.CSAT, 5));
    Map<String, String> segmentOf = Map.of("C1", "gold");

    SurveyReport<Nps> nps = Surveys.withDefaults().nps(responses);         // months, 95%
    nps.overall().adjustedWald();
    nps.byChannel().get("email");
    SurveyReport<Csat> csat = Surveys.withDefaults().withPeriod(CalendarPeriod.QUARTER)
        .withDimension("segment", r -> segmentOf.getOrDefault(r.customerId(), Surveys.MISSING))
        .csat(responses);
    Comparison change = Csat.compareShares(csat.byPeriod().get("2024-Q2"),
        csat.byPeriod().get("2024-Q1"));

    assertEquals(1.0, nps.byChannel().get("email").score(), 0);
    assertEquals(1.0 - 0.5, change.difference(), 1e-15);   // Q2 {4, 5}: 1; Q1 {5, 2}: 1/2
    assertEquals(1.0, csat.breakdown("segment").get("gold").share(), 0);
  }

  @Test
  void serviceReportClassExample() {
    Instant t0 = Instant.parse("2024-06-01T08:00:00Z");
    List<ServiceTicket> tickets = List.of(
        ServiceTicket.of("C1", t0, "phone", "billing", Severity.MEDIUM)
            .withFirstResponse(t0.plusSeconds(600)).withResolved(t0.plusSeconds(7200)),
        ServiceTicket.of("C2", t0, "email", "billing", Severity.CRITICAL)
            .withFirstResponse(t0.plusSeconds(3600)).withResolved(t0.plusSeconds(36_000)));

    SlaTargets targets = SlaTargets.of(Duration.ofHours(4), Duration.ofDays(2))
        .withSeverity(Severity.CRITICAL, Duration.ofMinutes(30), Duration.ofHours(8));
    ServiceReport report = ServiceReport.of(tickets, targets,
        Instant.parse("2024-07-01T00:00:00Z"));
    report.overall().firstContactResolution();           // Optional<Proportion>
    report.category("billing").resolutionTimes().p90();   // Optional<Duration>
    report.overall().complaintRate(12_500, ComplaintRate.Basis.ORDERS);

    // the critical ticket missed both targets (1 h > 30 min, 10 h > 8 h)
    assertEquals(new SlaCompliance(1, 1, 0), report.overall().firstResponse());
    assertEquals(new SlaCompliance(1, 1, 0), report.overall().resolution());
    // p90 of 2 h and 10 h: 2 h + 0.9 * 8 h = 9 h 12 min
    assertEquals(Duration.ofMinutes(9 * 60 + 12),
        report.category("billing").resolutionTimes().p90().orElseThrow());
    assertEquals(2.0 / 12_500, report.overall().complaintRate(12_500,
        ComplaintRate.Basis.ORDERS).rate(), 1e-18);
  }
}
