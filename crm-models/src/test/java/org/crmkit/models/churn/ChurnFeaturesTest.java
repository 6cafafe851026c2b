package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.testing.CdnowFixture;
import org.crmkit.models.clv.BgNbd;
import org.junit.jupiter.api.Test;

class ChurnFeaturesTest {

  static final LocalDate C = LocalDate.of(2020, 6, 30);

  /** A date {@code k} days before the cutoff (negative: after it). */
  static LocalDate before(int k) {
    return C.minusDays(k);
  }

  static TransactionLog handLog() {
    return TransactionLog.builder()
        // A: purchase days at 200, 150, 100, 40, 10 days before; two rows on day 10; a refund
        .add("A", before(200), 10).add("A", before(150), 20).add("A", before(100), 30)
        .add("A", before(40), 40).add("A", before(10), 45).add("A", before(10), 5)
        .add("A", before(5), -15)
        .add("A", before(-5), 100)            // after the cutoff
        .add("B", before(30), 25)
        .add("C", before(-1), 70)             // first purchase after the cutoff
        .add("D", before(20), -8)             // only a refund so far
        .add("E", before(180), 1).add("E", before(90), 2).add("E", before(0), 3)
        .build();
  }

  @Test
  void transactionFeaturesByHand() {
    FeatureTable f = ChurnFeatures.at(C).withoutBgNbd().build(handLog());
    assertArrayEquals(new String[] {"A", "B", "E"}, f.customerIds());
    assertEquals(ChurnFeatures.TRANSACTION_FEATURES, f.featureNames());
    // A: gaps 50, 50, 60, 30 → mean 47.5, population sd √(475/4); recent (<90 days): 40, 10;
    // prior (90..179): 150, 100; total 10+20+30+40+45+5−15 = 135 over 5 purchase days
    assertArrayEquals(new double[] {10, 5, 135, 27, 200, 47.5, Math.sqrt(475.0 / 4), 30, 2, 2, 0},
        f.row(0), 1e-12);
    // B: one purchase
    assertArrayEquals(new double[] {30, 1, 25, 25, 30, 0, 0, 0, 1, 0, 1}, f.row(1), 1e-12);
    // E: 180 days before is on the edge c − 2w (excluded from prior), 90 on c − w (prior), 0 recent
    assertArrayEquals(new double[] {0, 3, 6, 2, 180, 90, 0, 90, 1, 1, 0}, f.row(2), 1e-12);
  }

  @Test
  void trendWindowIsAPeriod() {
    FeatureTable f = ChurnFeatures.at(C).withoutBgNbd().withTrendWindow(Period.ofDays(45))
        .build(handLog());
    // A within 45 days: 40, 10 → 2; 45..89: none → 0
    assertEquals(2, f.value(0, "purchases_recent"));
    assertEquals(0, f.value(0, "purchases_prior"));
    assertEquals(2, f.value(0, "trend"));
  }

  @Test
  void surveyAndTicketFeaturesByHand() {
    List<SurveyResponse> surveys = List.of(
        SurveyResponse.of("A", before(50), Instrument.NPS, 9),
        SurveyResponse.of("A", before(20), Instrument.NPS, 5),
        SurveyResponse.of("B", before(3), Instrument.NPS, 10),
        SurveyResponse.of("B", before(-3), Instrument.NPS, 0),       // after the cutoff
        SurveyResponse.of("Z", before(3), Instrument.NPS, 0),        // not a customer yet
        SurveyResponse.of("E", before(1), Instrument.CSAT, 4, Scale.of(0, 8)));
    Instant start = C.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ServiceTicket> tickets = List.of(
        ServiceTicket.of("A", start.minus(100, ChronoUnit.DAYS), "phone", "billing", Severity.LOW)
            .withResolved(start.minus(99, ChronoUnit.DAYS)),
        ServiceTicket.of("A", start.minus(10, ChronoUnit.DAYS), "chat", "delivery",
            Severity.HIGH).withResolved(start.plus(2, ChronoUnit.DAYS)), // resolved after: open
        ServiceTicket.of("A", start.plus(1, ChronoUnit.DAYS), "chat", "x", Severity.CRITICAL),
        ServiceTicket.of("B", start.plusSeconds(3600), "web", "x", Severity.CRITICAL)
            .withResolved(start.plusSeconds(7200)));             // on the cutoff day, resolved
    FeatureTable f = ChurnFeatures.at(C).withoutBgNbd().withSurveys(surveys).withTickets(tickets)
        .build(handLog());
    // NPS on 0..10 rescaled: A (0.9 + 0.5)/2 = 0.7, B 1.0, E no answer → mean of A and B, 0.85
    assertArrayEquals(new double[] {0.7, 1.0, 0.85}, f.column("nps_score"), 1e-15);
    assertArrayEquals(new double[] {2, 1, 0}, f.column("nps_responses"));
    // CSAT on 0..8: E 4/8 = 0.5; the others get E's 0.5
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, f.column("csat_score"), 1e-15);
    assertTrue(!f.hasFeature("ces_score"), "no CES answers: no CES columns");
    assertArrayEquals(new double[] {2, 1, 0}, f.column("tickets"));
    assertArrayEquals(new double[] {1, 1, 0}, f.column("tickets_recent"));
    assertArrayEquals(new double[] {1, 1, 0}, f.column("tickets_high"));
    assertArrayEquals(new double[] {1, 0, 0}, f.column("tickets_open"));
  }

  @Test
  void cdnowSampleAgreesWithCustomerSummariesAndBgNbd() {
    // Independent route: crm-core's CustomerSummaries (BTYD conventions) and BgNbd.fit on them.
    TransactionLog log = CdnowFixture.sampleBySampleId();
    LocalDate cutoff = LocalDate.of(1997, 9, 30);
    FeatureTable f = ChurnFeatures.at(cutoff).withHorizon(Period.ofWeeks(39)).build(log);
    CustomerSummaries s = CustomerSummaries.of(log, cutoff, ChronoUnit.WEEKS);
    assertEquals(2357, f.size()); // ORACLES.md: 2,357 customers
    assertArrayEquals(s.customerIds(), f.customerIds());
    BgNbd fit = BgNbd.fit(s);
    double[] pAlive = fit.probabilityAlive(s);
    double[] cet = fit.conditionalExpectedPurchases(s, Period.ofWeeks(39));
    double repeat = 0;
    for (int i = 0; i < s.size(); i++) {
      assertEquals(s.x(i) + 1, f.value(i, "frequency"));
      repeat += s.x(i);
      assertEquals(s.T(i) * 7, f.value(i, "tenure_days"), 1e-9);
      assertEquals(ChronoUnit.DAYS.between(s.lastPurchase(i), cutoff), f.value(i, "recency_days"));
      assertEquals(s.totalSpend(i), f.value(i, "monetary_total"), 1e-9);
      // same summaries, same fit: same predictions up to rounding
      assertEquals(pAlive[i], f.value(i, "p_alive"), 1e-12);
      assertEquals(cet[i], f.value(i, "expected_purchases"), 1e-12);
    }
    assertEquals(2457, repeat); // ORACLES.md: Σx = 2,457
    // ORACLES.md (BTYD): customer 1516 (x=26, t_x=30.857143, T=31) P(alive) = 0.9688523 at the
    // BTYD estimates; ours are refitted (LL flat near the MLE), so 1e-5.
    int c1516 = f.indexOf("01516");
    assertEquals(27, f.value(c1516, "frequency"));
    assertEquals(0.9688523, f.value(c1516, "p_alive"), 1e-5);
  }

  @Test
  void badInput() {
    var empty = assertThrows(IllegalArgumentException.class,
        () -> ChurnFeatures.at(LocalDate.of(2000, 1, 1)).build(handLog()));
    assertTrue(empty.getMessage().contains("no purchase on or before"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChurnFeatures.at(null));
    assertThrows(IllegalArgumentException.class,
        () -> ChurnFeatures.at(C).withTrendWindow(Period.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> ChurnFeatures.at(C).withHorizon(Period.ofDays(-3)));
  }
}
