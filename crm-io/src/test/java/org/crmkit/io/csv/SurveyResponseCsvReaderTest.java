package org.crmkit.io.csv;

import static org.crmkit.io.csv.CsvTestInput.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.customer.SurveyResponse;
import org.junit.jupiter.api.Test;

class SurveyResponseCsvReaderTest {

  private static SurveyResponseCsvReader.Builder handmade() {
    return SurveyResponseCsvReader.builder()
        .customer(Column.named("customer_id"))
        .date(Column.named("date"), DateFormat.iso())
        .score(Column.named("score"))
        .instrument(Column.named("survey"))
        .touchpoint(Column.named("touchpoint"))
        .channel(Column.named("channel"));
  }

  // handmade/surveys.csv: 11 data rows (a blank line is skipped); A1-A4 and A11 are clean.
  @Test
  void instrumentPerRowWithDirtyRows() throws IOException {
    var r = handmade().lenient(true).build().read(
        getClass().getResourceAsStream("/data/handmade/surveys.csv"), "surveys.csv");
    List<SurveyResponse> s = r.responses();
    assertEquals(List.of("A1", "A2", "A3", "A4", "A11"),
        s.stream().map(SurveyResponse::customerId).toList());
    assertEquals(11, r.report().rowsRead());
    assertEquals(new SurveyResponse("A1", LocalDate.of(2024, 5, 1), Instrument.NPS, 9, null,
        "onboarding", "email"), s.get(0));
    assertEquals(Instrument.NPS, s.get(1).instrument(), "instrument names in any case");
    assertNull(s.get(1).touchpoint(), "a blank touchpoint is absent");
    assertEquals(4.5, s.get(3).score(), 0.0);
    assertEquals(Scale.of(1, 7), s.get(4).scale());

    Map<String, Long> reasons = r.report().skippedByReason();
    assertEquals(1L, reasons.get("score is outside the NPS scale 0..10"));
    assertEquals(1L, reasons.get("score is not a whole number (NPS)"));
    assertEquals(1L, reasons.get("score is outside the CES scale 1..7"));
    assertEquals(1L, reasons.get("survey is not an instrument (NPS, CSAT or CES)"));
    assertEquals(1L, reasons.get("date is not a date in the form yyyy-MM-dd"));
    assertEquals(1L, reasons.get("score is empty"));
    assertEquals(6, r.report().rowsSkipped());
  }

  @Test
  void strictMessageNamesTheScale() {
    var e = assertThrows(CsvReadException.class, () -> handmade().build().read(
        getClass().getResourceAsStream("/data/handmade/surveys.csv"), "surveys.csv"));
    assertEquals("surveys.csv, line 6, column 'score': '11' is outside the NPS scale 0..10",
        e.getMessage());
  }

  @Test
  void oneInstrumentPerFileOnItsOwnScale() throws IOException {
    var reader = SurveyResponseCsvReader.builder()
        .customer(Column.named("who"))
        .date(Column.named("when"), DateFormat.isoInstant())
        .score(Column.named("csat"))
        .instrument(Instrument.CSAT)
        .scale(Instrument.CSAT, Scale.of(0, 100))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
    var r = reader.read(text("who,when,csat\nB,2024-06-30T20:00:00Z,87.5\n"), "csat.csv");
    SurveyResponse s = r.responses().get(0);
    assertEquals(LocalDate.of(2024, 7, 1), s.date(), "20:00Z is the next morning in Tokyo");
    assertEquals(Scale.of(0, 100), s.scale());
    assertEquals(87.5, s.score(), 0.0);
  }

  @Test
  void npsAllowsNoOtherScaleAndAnInstrumentIsRequired() {
    var b = SurveyResponseCsvReader.builder();
    assertThrows(IllegalArgumentException.class, () -> b.scale(Instrument.NPS, Scale.of(1, 10)));
    assertThrows(IllegalStateException.class, () -> SurveyResponseCsvReader.builder()
        .customer(Column.at(0)).date(Column.at(1), DateFormat.iso()).score(Column.at(2))
        .build());
  }
}
