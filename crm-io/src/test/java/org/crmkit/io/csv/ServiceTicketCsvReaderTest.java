package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.junit.jupiter.api.Test;

class ServiceTicketCsvReaderTest {

  private static ServiceTicketCsvReader.Builder handmade() {
    return ServiceTicketCsvReader.builder()
        .customer(Column.named("customer"))
        .opened(Column.named("created_at"), DateFormat.pattern("yyyy-MM-dd HH:mm:ss"))
        .firstResponse(Column.named("first_reply_at"))
        .resolved(Column.named("solved_at"))
        .channel(Column.named("via"))
        .category(Column.named("topic"))
        .severity(Column.named("priority"), Map.of("urgent", Severity.CRITICAL,
            "high", Severity.HIGH, "normal", Severity.MEDIUM, "low", Severity.LOW))
        .contacts(Column.named("contacts"))
        .reopened(Column.named("reopened"))
        .zone(ZoneId.of("Europe/Berlin"));
  }

  // handmade/tickets.csv: T1, T2 and T9 are clean; T3-T8 have one error each.
  @Test
  void localTimesAreReadInTheZoneAndDirtyRowsAreReported() throws IOException {
    var r = handmade().lenient(true).build().read(
        getClass().getResourceAsStream("/data/handmade/tickets.csv"), "tickets.csv");
    List<ServiceTicket> t = r.tickets();
    assertEquals(List.of("C1", "C2", "C9"), t.stream().map(ServiceTicket::customerId).toList());

    ServiceTicket t1 = t.get(0);
    // Berlin is UTC+1 on 2024-03-01 (CET).
    assertEquals(Instant.parse("2024-03-01T08:00:00Z"), t1.opened());
    assertEquals(Instant.parse("2024-03-01T08:30:00Z"), t1.firstResponse());
    assertEquals(Instant.parse("2024-03-02T09:00:00Z"), t1.resolved());
    assertEquals(Severity.HIGH, t1.severity(), "labels compared in any case");
    assertEquals(2, t1.contacts());
    assertFalse(t1.reopened());

    ServiceTicket t2 = t.get(1);
    // 2024-03-31 in Berlin: 01:30 is CET (UTC+1), 03:30 is CEST (UTC+2) after the 02:00 jump.
    assertEquals(Instant.parse("2024-03-31T00:30:00Z"), t2.opened());
    assertEquals(Instant.parse("2024-03-31T01:30:00Z"), t2.firstResponse());
    assertNull(t2.resolved(), "a blank resolution is an open ticket");
    assertEquals(Severity.CRITICAL, t2.severity());
    assertEquals(1, t2.contacts(), "blank contacts mean one");
    assertFalse(t2.reopened(), "blank reopened means no");

    ServiceTicket t9 = t.get(2);
    assertEquals(3, t9.contacts());
    assertTrue(t9.reopened());
    assertEquals(Severity.MEDIUM, t9.severity());

    Map<String, Long> reasons = r.report().skippedByReason();
    assertEquals(6, r.report().rowsSkipped());
    assertEquals(1L, reasons.get("first_reply_at is before the opening time"));
    assertEquals(1L, reasons.get("priority is not a severity label [high, low, normal, urgent]"));
    assertEquals(1L, reasons.get("contacts is not a whole number >= 1 (contacts)"));
    assertEquals(1L, reasons.get(
        "reopened is not a yes/no value (true/false, yes/no, y/n, 1/0)"));
    assertEquals(1L, reasons.get("created_at does not match the date pattern yyyy-MM-dd HH:mm:ss"));
    assertEquals(1L, reasons.get("via is empty (channel)"));
  }

  @Test
  void strictReadNamesTheFirstBadRow() {
    var e = assertThrows(CsvReadException.class, () -> handmade().build().read(
        getClass().getResourceAsStream("/data/handmade/tickets.csv"), "tickets.csv"));
    assertEquals("tickets.csv, line 4, column 'first_reply_at': '2024-03-02 09:00:00' is before "
        + "the opening time", e.getMessage());
  }

  @Test
  void fixedChannelCategoryAndSeverityWithIsoInstants() throws IOException {
    var reader = ServiceTicketCsvReader.builder()
        .customer(Column.at(0))
        .opened(Column.at(1), DateFormat.isoInstant())
        .resolved(Column.at(2))
        .channel("email").category("general").severity(Severity.LOW)
        .format(CsvFormat.csv().withHeader(false))
        .build();
    var t = reader.read(new ByteArrayInputStream(
        "Z,2024-01-01T10:00:00+02:00,2024-01-01T09:00:00Z\n".getBytes(StandardCharsets.UTF_8)),
        "z.csv").tickets().get(0);
    assertEquals(Instant.parse("2024-01-01T08:00:00Z"), t.opened(), "the offset is kept");
    assertEquals(Instant.parse("2024-01-01T09:00:00Z"), t.resolved());
    assertEquals("email", t.channel());
    assertEquals(Severity.LOW, t.severity());
  }

  @Test
  void builderRejectsMissingPartsAndAmbiguousLabels() {
    assertThrows(IllegalStateException.class, () -> ServiceTicketCsvReader.builder()
        .customer(Column.at(0)).opened(Column.at(1), DateFormat.isoInstant())
        .channel("x").category("y").build());
    assertThrows(IllegalArgumentException.class, () -> ServiceTicketCsvReader.builder()
        .severity(Column.at(3), Map.of("P1", Severity.CRITICAL, "p1", Severity.HIGH)));
  }
}
