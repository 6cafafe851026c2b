package org.crmkit.core.customer;

import static org.crmkit.core.customer.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InteractionTest {

  private static final Instant TIME = Instant.parse("2024-03-01T10:00:00Z");

  @Test
  void ofKeepsTheFieldsAsGiven() {
    Interaction i = Interaction.of("C0042", TIME, "email", "Email Open");
    assertEquals(new Interaction("C0042", TIME, "email", "Email Open"), i);
    assertEquals("Email Open", i.kind());
    assertEquals("email", i.channel());
  }

  @Test
  void rejectsNullOrBlankCustomerId() {
    assertRejected(() -> Interaction.of(null, TIME, "email", "open"),
        "customerId must not be null");
    assertRejected(() -> Interaction.of("", TIME, "email", "open"),
        "customerId must not be blank: ''");
  }

  @Test
  void rejectsNullTime() {
    assertRejected(() -> Interaction.of("C0042", null, "email", "open"),
        "customer 'C0042'", "time must not be null");
  }

  @Test
  void rejectsTimeOutsideTheSaneDates() {
    Instant late = Instant.parse("2200-01-01T00:00:00Z");
    assertRejected(() -> Interaction.of("C0042", late, "email", "open"),
        "customer 'C0042'", "time", late.toString());
    assertRejected(() -> Interaction.of("C0042", Instant.EPOCH.minusSeconds(3_000_000_000L),
        "email", "open"), "customer 'C0042'", "time", "1874-");
  }

  @Test
  void rejectsNullOrBlankChannel() {
    assertRejected(() -> Interaction.of("C0042", TIME, null, "open"),
        "customer 'C0042'", "channel must not be null");
    assertRejected(() -> Interaction.of("C0042", TIME, " ", "open"),
        "customer 'C0042'", "channel must not be blank: ' '");
  }

  @Test
  void rejectsNullOrBlankKind() {
    assertRejected(() -> Interaction.of("C0042", TIME, "email", null),
        "customer 'C0042'", "kind must not be null");
    assertRejected(() -> Interaction.of("C0042", TIME, "email", "  "),
        "customer 'C0042'", "kind must not be blank: '  '");
  }
}
