package org.crmkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.customer.SurveyResponse;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

/** NPS, CSAT and CES from survey-response records, checked against hand counts. */
class SurveysTest {

  private static SurveyResponse nps(String id, String date, String touchpoint, String channel,
      int score) {
    return SurveyResponse.of(id, LocalDate.parse(date), Instrument.NPS, score)
        .withTouchpoint(touchpoint).withChannel(channel);
  }

  /**
   * Six NPS answers, two CSAT and one CES answer mixed in:
   *
   * <pre>
   *   C1 2024-01-10 onboarding email 10  P
   *   C2 2024-01-20 onboarding email  9  P
   *   C3 2024-02-05 support    phone  6  D
   *   C4 2024-02-15 support    email  8  passive
   *   C5 2024-04-01 -          -      0  D
   *   C6 2024-04-02 support    phone 10  P
   * </pre>
   */
  private static List<SurveyResponse> mixed() {
    List<SurveyResponse> r = new ArrayList<>();
    r.add(nps("C1", "2024-01-10", "onboarding", "email", 10));
    r.add(SurveyResponse.of("C1", LocalDate.parse("2024-01-10"), Instrument.CSAT, 5));
    r.add(nps("C2", "2024-01-20", "onboarding", "email", 9));
    r.add(nps("C3", "2024-02-05", "support", "phone", 6));
    r.add(SurveyResponse.of("C2", LocalDate.parse("2024-01-11"), Instrument.CSAT, 4));
    r.add(nps("C4", "2024-02-15", "support", "email", 8));
    r.add(SurveyResponse.of("C5", LocalDate.parse("2024-04-01"), Instrument.NPS, 0));
    r.add(SurveyResponse.of("C3", LocalDate.parse("2024-02-01"), Instrument.CES, 6));
    r.add(nps("C6", "2024-04-02", "support", "phone", 10));
    return r;
  }

  @Test
  void npsOverallAndCountsOfSkippedInstruments() {
    SurveyReport<Nps> r = Surveys.withDefaults().nps(mixed());
    // by hand: P = {10, 9, 10} = 3, passive {8} = 1, D = {6, 0} = 2; NPS = (3 - 2) / 6
    assertEquals(3, r.overall().promoters());
    assertEquals(1, r.overall().passives());
    assertEquals(2, r.overall().detractors());
    assertEquals(1.0 / 6, r.overall().score(), 1e-15);
    assertEquals(Map.of(Instrument.CSAT, 2L, Instrument.CES, 1L), r.skipped());
    assertEquals(3, r.skippedTotal());
    assertEquals(new Scale(0, 10), r.scale());
    assertEquals(Instrument.NPS, r.instrument());
  }

  @Test
  void npsBreakdownsByTouchpointChannelAndMonth() {
    SurveyReport<Nps> r = Surveys.withDefaults().nps(mixed());
    // touchpoint: onboarding {10, 9} -> 1; support {6, 8, 10} -> (1 - 1)/3 = 0; none {0} -> -1
    Breakdown<Nps> tp = r.byTouchpoint();
    assertEquals(List.of(Surveys.MISSING, "onboarding", "support"), tp.labels());
    assertEquals(-1.0, tp.get(Surveys.MISSING).score(), 1e-15);
    assertEquals(1.0, tp.get("onboarding").score(), 1e-15);
    assertEquals(0.0, tp.get("support").score(), 1e-15);
    // channel: email {10, 9, 8} -> 2/3; phone {6, 10} -> 0; none {0} -> -1
    Breakdown<Nps> ch = r.byChannel();
    assertEquals(List.of(Surveys.MISSING, "email", "phone"), ch.labels());
    assertEquals(2.0 / 3, ch.get("email").score(), 1e-15);
    assertEquals(0.0, ch.get("phone").score(), 1e-15);
    // month: 2024-01 {10, 9} -> 1; 2024-02 {6, 8} -> -1/2; 2024-04 {0, 10} -> 0
    Breakdown<Nps> month = r.byPeriod();
    assertEquals(List.of("2024-01", "2024-02", "2024-04"), month.labels());
    assertEquals(1.0, month.get("2024-01").score(), 1e-15);
    assertEquals(-0.5, month.get("2024-02").score(), 1e-15);
    assertEquals(0.0, month.get("2024-04").score(), 1e-15);
    // every breakdown holds every response
    for (Breakdown<Nps> b : r.breakdowns().values()) {
      assertEquals(6, b.rows().stream().mapToLong(Breakdown.Row::n).sum());
      assertEquals(r.overall(), b.overall());
    }
  }

  @Test
  void quartersAndAnExtraDimension() {
    Map<String, String> segment = Map.of("C1", "gold", "C2", "gold", "C3", "silver");
    SurveyReport<Nps> r = Surveys.withDefaults().withPeriod(CalendarPeriod.QUARTER)
        .withDimension("segment", x -> segment.getOrDefault(x.customerId(), Surveys.MISSING))
        .nps(mixed());
    // Q1 {10, 9, 6, 8}: (2 - 1)/4 = 0.25; Q2 {0, 10}: 0
    assertEquals(0.25, r.byPeriod().get("2024-Q1").score(), 1e-15);
    assertEquals(0.0, r.byPeriod().get("2024-Q2").score(), 1e-15);
    // gold {10, 9} -> 1; silver {6} -> -1; none {8, 0, 10} -> (1 - 1)/3 = 0
    Breakdown<Nps> s = r.breakdown("segment");
    assertEquals(1.0, s.get("gold").score(), 1e-15);
    assertEquals(-1.0, s.get("silver").score(), 1e-15);
    assertEquals(0.0, s.get(Surveys.MISSING).score(), 1e-15);
    assertEquals(List.of("touchpoint", "channel", "period", "segment"),
        List.copyOf(r.breakdowns().keySet()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.breakdown("region"));
    assertTrue(e.getMessage().contains("region"));
  }

  @Test
  void periodComparisonUsesTheMetricsOwnTest() {
    SurveyReport<Nps> r = Surveys.withDefaults().withPeriod(CalendarPeriod.QUARTER)
        .nps(mixed());
    Comparison c = Nps.compare(r.byPeriod().get("2024-Q2"), r.byPeriod().get("2024-Q1"));
    assertEquals(0.0 - 0.25, c.difference(), 1e-15);
  }

  @Test
  void csatTakesTheScaleFromTheResponses() {
    Scale seven = Scale.of(1, 7);
    List<SurveyResponse> r = new ArrayList<>();
    int[] scores = {7, 6, 5, 3, 1};
    for (int i = 0; i < scores.length; i++) {
      r.add(SurveyResponse.of("C" + i, LocalDate.of(2024, 3, 1 + i), Instrument.CSAT,
          scores[i], seven));
    }
    SurveyReport<Csat> c = Surveys.withDefaults().csat(r);
    // top-2-box on 1..7 = {6, 7}: 2 of 5; mean (7 + 6 + 5 + 3 + 1)/5 = 4.4
    assertEquals(0.4, c.overall().share(), 1e-15);
    assertEquals(4.4, c.overall().mean(), 1e-12);
    assertEquals(seven, c.scale());
    assertEquals(7, c.overall().scaleMax());
    // the caller's rules on another scale are refused, with the fix in the message
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().csat(r, Csat.withDefaults()));
    assertTrue(e.getMessage().contains("withScale(1, 7)"), e::getMessage);
    // with matching rules: top-3-box {5, 6, 7} = 3 of 5
    assertEquals(0.6, Surveys.withDefaults()
        .csat(r, Csat.withDefaults().withScale(1, 7).withTopBoxes(3)).overall().share(), 1e-15);
  }

  @Test
  void mixedScalesAreAnErrorNamingTheResponse() {
    List<SurveyResponse> r = new ArrayList<>();
    r.add(SurveyResponse.of("A", LocalDate.of(2024, 1, 1), Instrument.CSAT, 4));
    r.add(SurveyResponse.of("B", LocalDate.of(2024, 1, 2), Instrument.NPS, 9));
    r.add(SurveyResponse.of("C", LocalDate.of(2024, 1, 3), Instrument.CSAT, 6, Scale.of(1, 7)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().csat(r));
    assertTrue(e.getMessage().startsWith("responses[2], customer 'C': CSAT scale 1..7 differs"),
        e::getMessage);
    assertTrue(e.getMessage().contains("responses[0]"), e::getMessage);
  }

  @Test
  void fractionalScoresAreAnErrorNamingTheResponse() {
    List<SurveyResponse> r = List.of(
        SurveyResponse.of("A", LocalDate.of(2024, 1, 1), Instrument.CES, 4),
        SurveyResponse.of("B", LocalDate.of(2024, 1, 2), Instrument.CES, 4.5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().ces(r));
    assertTrue(e.getMessage().startsWith("responses[1], customer 'B': CES score 4.5 is not a "
        + "whole number"), e::getMessage);
  }

  @Test
  void cesOnAnEffortScaleWithExplicitDirection() {
    Scale five = Scale.of(1, 5);
    int[] scores = {1, 2, 2, 4, 5, 3};
    List<SurveyResponse> r = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      r.add(SurveyResponse.of("C" + i, LocalDate.of(2024, 5, 1), Instrument.CES, scores[i],
          five).withChannel(i % 2 == 0 ? "chat" : "phone"));
    }
    assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().ces(r, Ces.withDefaults()));   // 1..7 rules, 1..5 answers
    SurveyReport<Ces> c = Surveys.withDefaults()
        .ces(r, Ces.withDefaults().withScale(1, 5).withHighIsEasy(false));
    // low effort is easy: easy {1, 2} = 3 answers, difficult {4, 5} = 2; net (3 - 2)/6
    assertEquals(3, c.overall().easy());
    assertEquals(2, c.overall().difficult());
    assertEquals(1.0 / 6, c.overall().net(), 1e-15);
    assertEquals(17.0 / 6, c.overall().mean(), 1e-12);
    // chat {1, 2, 5} mean 8/3; phone {2, 4, 3} mean 3
    assertEquals(8.0 / 3, c.byChannel().get("chat").mean(), 1e-12);
    assertEquals(3.0, c.byChannel().get("phone").mean(), 1e-12);
    // without rules: the default bands of 1..5 with high = easy (4-5 easy, 1-2 difficult)
    SurveyReport<Ces> d = Surveys.withDefaults().ces(r);
    assertEquals(2, d.overall().easy());
    assertEquals(3, d.overall().difficult());
  }

  @Test
  void emptyAndWrongInstrumentAreClearErrors() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().nps(List.of()));
    assertTrue(none.getMessage().contains("no NPS response"), none::getMessage);
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().ces(mixed().subList(0, 2)));
    assertTrue(other.getMessage().contains("found {NPS=1, CSAT=1}"), other::getMessage);
    List<SurveyResponse> withNull = new ArrayList<>(mixed());
    withNull.add(3, null);
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().nps(withNull));
    assertEquals("responses[3] is null", n.getMessage());
  }

  @Test
  void aDimensionMayNotReturnNull() {
    Surveys s = Surveys.withDefaults().withDimension("segment", x -> null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.nps(mixed()));
    assertTrue(e.getMessage().contains("customer 'C1'"), e::getMessage);
    assertThrows(IllegalArgumentException.class,
        () -> Surveys.withDefaults().withDimension("channel", x -> "x"));
  }

  @Test
  void tableHasOneRowPerGroupAndTheOverallRow() {
    SurveyReport<Nps> r = Surveys.withDefaults().nps(mixed());
    Table t = r.toTable();
    // 3 touchpoints + 3 channels + 3 months + overall
    assertEquals(10, t.rowCount());
    assertEquals(List.of("dimension", "group", "n", "estimate", "lower", "upper"), t.columns());
    assertEquals("all", t.value(9, 0));
    assertEquals(6L, t.value(9, 2));
    assertEquals(1.0 / 6, (Double) t.value(9, 3), 1e-15);
    String text = r.toString();
    assertTrue(text.startsWith("NPS report: 6 responses on 0..10; skipped 2 CSAT, 1 CES "
        + "responses"), text);
  }
}
