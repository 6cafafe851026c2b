package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the metrics built from survey responses and service tickets. */
class RecordMetricsProperties {

  private static final Instant AS_OF = Instant.parse("2024-07-01T00:00:00Z");
  private static final String[] CHANNELS = {"email", "phone", "chat"};
  private static final String[] CATEGORIES = {"billing", "technical", "delivery", "account"};

  static Stream<Arguments> responses() {
    return Cases.random(401L, 60, r -> Arguments.of(r.split(), 1 + r.nextInt(300)));
  }

  static Stream<Arguments> tickets() {
    return Cases.random(402L, 80, r -> Arguments.of(r.split(), 1 + r.nextInt(200)));
  }

  private static List<SurveyResponse> randomResponses(SplittableRandom r, int n) {
    List<SurveyResponse> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instrument ins = Instrument.values()[r.nextInt(3)];
      int score = ins == Instrument.NPS ? r.nextInt(11)
          : ins == Instrument.CSAT ? 1 + r.nextInt(5) : 1 + r.nextInt(7);
      SurveyResponse s = SurveyResponse.of("C" + r.nextInt(50),
          LocalDate.of(2024, 1, 1).plusDays(r.nextInt(366)), ins, score);
      if (r.nextInt(4) > 0) {
        s = s.withTouchpoint("tp" + r.nextInt(4));
      }
      if (r.nextInt(4) > 0) {
        s = s.withChannel(CHANNELS[r.nextInt(3)]);
      }
      out.add(s);
    }
    return out;
  }

  private static long count(List<SurveyResponse> list, Instrument ins) {
    return list.stream().filter(x -> x.instrument() == ins).count();
  }

  private static <T extends Metric> void assertPartitions(SurveyReport<T> report, long n) {
    assertEquals(n, report.n());
    for (Breakdown<T> b : report.breakdowns().values()) {
      assertEquals(n, b.rows().stream().mapToLong(Breakdown.Row::n).sum(), b::toString);
      for (Breakdown.Row<T> row : b.rows()) {
        if (row.metric() instanceof Nps nps) {
          // the adjusted Wald interval is centred on the adjusted score, which lies between
          // the score and 0 (Rocks 2016): it holds the adjusted score, the Wald one the score
          assertTrue(row.interval().contains(nps.adjustedScore()), row::toString);
          assertTrue(nps.wald().contains(nps.score()), row::toString);
        } else {
          assertTrue(row.interval().contains(row.estimate()), row::toString);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("responses")
  void everyBreakdownHoldsEveryResponseOfItsInstrument(SplittableRandom r, int n) {
    List<SurveyResponse> list = randomResponses(r, n);
    Surveys s = Surveys.withDefaults().withPeriod(CalendarPeriod.values()[r.nextInt(3)]);
    long nps = count(list, Instrument.NPS);
    long csat = count(list, Instrument.CSAT);
    long ces = count(list, Instrument.CES);
    if (nps > 0) {
      SurveyReport<Nps> rep = s.nps(list);
      assertPartitions(rep, nps);
      assertEquals(csat + ces, rep.skippedTotal());
      assertTrue(rep.overall().score() >= -1 && rep.overall().score() <= 1);
    }
    if (csat > 0) {
      SurveyReport<Csat> rep = s.csat(list);
      assertPartitions(rep, csat);
      assertEquals(nps + ces, rep.skippedTotal());
    }
    if (ces > 0) {
      assertPartitions(s.ces(list), ces);
    }
  }

  private static List<ServiceTicket> randomTickets(SplittableRandom r, int n) {
    List<ServiceTicket> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant opened = AS_OF.minusSeconds(1 + r.nextLong(90L * 86_400));
      long left = Duration.between(opened, AS_OF).getSeconds();
      ServiceTicket t = ServiceTicket.of("C" + r.nextInt(60), opened, CHANNELS[r.nextInt(3)],
          CATEGORIES[r.nextInt(4)], Severity.values()[r.nextInt(4)]);
      if (r.nextInt(5) > 0) {
        t = t.withFirstResponse(opened.plusSeconds(r.nextLong(Math.min(left, 20 * 3600) + 1)));
      }
      if (r.nextInt(4) > 0) {
        t = t.withResolved(opened.plusSeconds(r.nextLong(left + 1)));
      }
      out.add(t.withContacts(1 + r.nextInt(3)).withReopened(r.nextInt(6) == 0));
    }
    return out;
  }

  private static void assertShare(Optional<Proportion> p) {
    p.ifPresent(x -> {
      assertTrue(x.estimate() >= 0 && x.estimate() <= 1, x::toString);
      Interval w = x.wilson();
      assertTrue(w.lower() >= 0 && w.upper() <= 1 && w.contains(x.estimate()), x::toString);
    });
  }

  private static void assertConsistent(ServiceStats s) {
    assertShare(s.firstContactResolution());
    assertShare(s.reopenRate());
    assertShare(s.firstResponse().compliance());
    assertShare(s.resolution().compliance());
    assertShare(Optional.of(s.openShare()));
    assertEquals(s.tickets(), s.firstResponse().tickets());
    assertEquals(s.tickets(), s.resolution().tickets());
    assertEquals(s.tickets(), s.resolutionTimes().resolved() + s.resolutionTimes().open());
    ResolutionTimes t = s.resolutionTimes();
    t.median().ifPresent(m -> {
      Duration p90 = t.p90().orElseThrow();
      assertTrue(m.compareTo(p90) <= 0, () -> m + " > " + p90);
      assertTrue(t.sorted().get(0).compareTo(m) <= 0);
      assertTrue(p90.compareTo(t.sorted().get(t.sorted().size() - 1)) <= 0);
    });
  }

  @ParameterizedTest
  @MethodSource("tickets")
  void sharesAreProportionsAndGroupsPartitionTheTickets(SplittableRandom r, int n) {
    List<ServiceTicket> list = randomTickets(r, n);
    ServiceReport rep = ServiceReport.of(list, SlaTargets.of(Duration.ofHours(4),
        Duration.ofDays(3)).withSeverity(Severity.CRITICAL, Duration.ofHours(1),
        Duration.ofHours(12)), AS_OF);
    assertConsistent(rep.overall());
    rep.byCategory().forEach(RecordMetricsProperties::assertConsistent);
    rep.byChannel().forEach(RecordMetricsProperties::assertConsistent);
    for (List<ServiceStats> groups : List.of(rep.byCategory(), rep.byChannel())) {
      assertEquals(n, groups.stream().mapToLong(ServiceStats::tickets).sum());
      assertEquals(rep.overall().open(), groups.stream().mapToLong(ServiceStats::open).sum());
      assertEquals(rep.overall().resolvedFirstContact(),
          groups.stream().mapToLong(ServiceStats::resolvedFirstContact).sum());
      assertEquals(rep.overall().firstResponse().met(),
          groups.stream().mapToLong(g -> g.firstResponse().met()).sum());
    }
    ComplaintRate c = rep.overall().complaintRate(n + r.nextInt(1000),
        ComplaintRate.Basis.CUSTOMERS);
    assertTrue(c.interval().contains(c.rate()));
    assertShare(Optional.of(c.complainingShare()));
  }
}
