package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feature builder sees nothing after the cutoff: appending arbitrary rows dated after it (to
 * existing and new customers, refunds included), and survey answers and tickets after it, leaves
 * every feature of every customer bit for bit the same, BG/NBD fit included.
 */
class ChurnFeaturesProperties {

  static final LocalDate CUTOFF = LocalDate.of(2021, 3, 31);
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  record History(List<Object[]> rows, List<SurveyResponse> surveys,
      List<ServiceTicket> tickets) {}

  static History history(SplittableRandom r, boolean afterCutoff) {
    List<Object[]> rows = new ArrayList<>();
    List<SurveyResponse> surveys = new ArrayList<>();
    List<ServiceTicket> tickets = new ArrayList<>();
    int customers = 100 + r.nextInt(100);
    for (int c = 0; c < customers; c++) {
      // BG/NBD-like buyers: a mean gap of 5 to 200 days, a dropout chance after each purchase
      String id = "C" + c;
      double meanGap = Math.exp(Math.log(5) + r.nextDouble() * Math.log(40));
      double dropout = 0.05 + 0.6 * r.nextDouble();
      LocalDate d = CUTOFF.minusDays(120 + r.nextInt(300));
      do {
        rows.add(new Object[] {id, d, Math.round(r.nextDouble() * 10_000) / 100.0});
        d = d.plusDays(1 + (long) (-meanGap * Math.log(1 - r.nextDouble())));
      } while (!d.isAfter(CUTOFF) && r.nextDouble() > dropout);
      if (r.nextInt(4) == 0) {
        surveys.add(SurveyResponse.of(id, CUTOFF.minusDays(r.nextInt(200)), Instrument.NPS,
            r.nextInt(11)));
      }
      if (r.nextInt(3) == 0) {
        Instant opened = CUTOFF.minusDays(r.nextInt(200)).atStartOfDay(ZONE).toInstant();
        tickets.add(ServiceTicket.of(id, opened, "phone", "billing",
            Severity.values()[r.nextInt(4)]).withResolved(r.nextBoolean() ? null
                : opened.plusSeconds(r.nextInt(400 * 86_400))));
      }
    }
    if (afterCutoff) {
      int extra = 1 + r.nextInt(60);
      for (int k = 0; k < extra; k++) {
        String id = "C" + r.nextInt(customers + 10); // some customers are new
        LocalDate d = CUTOFF.plusDays(1 + r.nextInt(3000));
        double a = r.nextBoolean() ? -r.nextDouble() * 500 : r.nextDouble() * 1e6;
        rows.add(new Object[] {id, d, a});
        surveys.add(SurveyResponse.of(id, d, Instrument.CES, 1 + r.nextInt(7)));
        tickets.add(ServiceTicket.of(id, d.atStartOfDay(ZONE).toInstant(), "chat", "new",
            Severity.CRITICAL));
      }
    }
    return new History(rows, surveys, tickets);
  }

  static TransactionLog log(List<Object[]> rows) {
    var b = TransactionLog.builder(ZONE);
    for (Object[] row : rows) {
      LocalDate d = (LocalDate) row[1];
      b.add((String) row[0], d.atTime(13, 30).atZone(ZONE).toInstant(), (Double) row[2]);
    }
    return b.build();
  }

  static Stream<Arguments> histories() {
    return Cases.random(20260101L, 25, r -> {
      long seed = r.nextLong();
      return Arguments.of(history(new SplittableRandom(seed), false),
          history(new SplittableRandom(seed), true));
    });
  }

  static ChurnFeatures builder(History h) {
    return ChurnFeatures.at(CUTOFF).withHorizon(Period.ofWeeks(26)).withSurveys(h.surveys())
        .withTickets(h.tickets());
  }

  /** The features, or the exception the builder threw. */
  static Object outcome(History h) {
    try {
      return builder(h).build(log(h.rows()));
    } catch (IllegalStateException e) {
      return e;
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void rowsAfterTheCutoffChangeNothing(History past, History withFuture) {
    Object pa = outcome(past);
    Object pb = outcome(withFuture);
    if (pa instanceof IllegalStateException ea) {
      // BG/NBD not identified on these data: the same fit, so the same message (parameters)
      assertEquals(ea.getMessage(), ((Exception) pb).getMessage());
      pa = builder(past).withoutBgNbd().build(log(past.rows()));
      pb = builder(withFuture).withoutBgNbd().build(log(withFuture.rows()));
    }
    FeatureTable a = (FeatureTable) pa;
    FeatureTable b = (FeatureTable) pb;
    assertArrayEquals(a.customerIds(), b.customerIds());
    assertEquals(a.featureNames(), b.featureNames());
    for (String name : a.featureNames()) {
      double[] x = a.column(name);
      double[] y = b.column(name);
      for (int i = 0; i < x.length; i++) {
        assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]),
            () -> name + " changed");
      }
    }
    assertEquals(a, b);
  }

  @ParameterizedTest
  @MethodSource("histories")
  void aRowOnTheCutoffDayDoesChangeTheFeatures(History past, History ignored) {
    // The check above can fail: the last day observed is the cutoff itself.
    List<Object[]> rows = new ArrayList<>(past.rows());
    rows.add(new Object[] {"C0", CUTOFF, 1.0});
    FeatureTable a = builder(past).withoutBgNbd().build(log(past.rows()));
    FeatureTable b = builder(past).withoutBgNbd().build(log(rows));
    assertNotEquals(a, b);
    assertEquals(0, b.value(b.indexOf("C0"), "recency_days"));
  }
}
