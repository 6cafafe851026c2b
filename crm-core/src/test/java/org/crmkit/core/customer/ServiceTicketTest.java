package org.crmkit.core.customer;

import static org.crmkit.core.customer.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTicketTest {

  private static final Instant OPENED = Instant.parse("2024-03-01T10:00:00Z");

  private static ServiceTicket ticket() {
    return ServiceTicket.of("C0042", OPENED, "chat", "billing", Severity.MEDIUM);
  }

  @Test
  void ofGivesANewTicket() {
    ServiceTicket t = ticket();
    assertEquals(new ServiceTicket("C0042", OPENED, null, null, "chat", "billing",
        Severity.MEDIUM, 1, false), t);
    assertFalse(t.isResolved());
    assertFalse(t.resolvedOnFirstContact());
    assertEquals(Optional.empty(), t.firstResponseTime());
    assertEquals(Optional.empty(), t.resolutionTime());
  }

  @Test
  void rejectsNullCustomerId() {
    assertRejected(() -> ServiceTicket.of(null, OPENED, "chat", "billing", Severity.LOW),
        "customerId must not be null");
  }

  @Test
  void rejectsBlankCustomerId() {
    assertRejected(() -> ServiceTicket.of(" ", OPENED, "chat", "billing", Severity.LOW),
        "customerId must not be blank: ' '");
  }

  @Test
  void rejectsNullOpened() {
    assertRejected(() -> ServiceTicket.of("C0042", null, "chat", "billing", Severity.LOW),
        "customer 'C0042'", "opened must not be null");
  }

  @Test
  void rejectsOpenedOutsideTheSaneDates() {
    Instant early = Instant.parse("1899-12-31T23:59:59Z");
    assertRejected(() -> ServiceTicket.of("C0042", early, "chat", "billing", Severity.LOW),
        "customer 'C0042'", "opened", early.toString());
    Instant late = Instant.parse("2200-01-01T00:00:00Z");
    assertRejected(() -> ServiceTicket.of("C0042", late, "chat", "billing", Severity.LOW),
        "customer 'C0042'", "opened", late.toString());
  }

  @Test
  void rejectsFirstResponseBeforeOpened() {
    Instant before = OPENED.minusSeconds(1);
    String m = assertRejected(() -> ticket().withFirstResponse(before));
    assertEquals("customer 'C0042': firstResponse 2024-03-01T09:59:59Z is before opened "
        + "2024-03-01T10:00:00Z", m);
  }

  @Test
  void rejectsResolvedBeforeOpened() {
    assertRejected(() -> ticket().withResolved(OPENED.minusNanos(1)),
        "customer 'C0042'", "resolved 2024-03-01T09:59:59.999999999Z is before opened");
  }

  @Test
  void rejectsInsaneFirstResponseAndResolution() {
    Instant late = Instant.parse("2300-01-01T00:00:00Z");
    assertRejected(() -> ticket().withFirstResponse(late),
        "customer 'C0042'", "firstResponse", late.toString());
    assertRejected(() -> ticket().withResolved(late),
        "customer 'C0042'", "resolved", late.toString());
  }

  @Test
  void rejectsNullOrBlankChannel() {
    assertRejected(() -> ServiceTicket.of("C0042", OPENED, null, "billing", Severity.LOW),
        "customer 'C0042'", "channel must not be null");
    assertRejected(() -> ServiceTicket.of("C0042", OPENED, "\t", "billing", Severity.LOW),
        "customer 'C0042'", "channel must not be blank: '\t'");
  }

  @Test
  void rejectsNullOrBlankCategory() {
    assertRejected(() -> ServiceTicket.of("C0042", OPENED, "chat", null, Severity.LOW),
        "customer 'C0042'", "category must not be null");
    assertRejected(() -> ServiceTicket.of("C0042", OPENED, "chat", "", Severity.LOW),
        "customer 'C0042'", "category must not be blank: ''");
  }

  @Test
  void rejectsNullSeverity() {
    assertRejected(() -> ServiceTicket.of("C0042", OPENED, "chat", "billing", null),
        "customer 'C0042'", "severity must not be null");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsFewerThanOneContact(int contacts) {
    assertRejected(() -> ticket().withContacts(contacts),
        "customer 'C0042'", "contacts must be >= 1: " + contacts);
  }

  @Test
  void acceptsResponseAndResolutionAtTheOpeningInstant() {
    ServiceTicket t = ticket().withFirstResponse(OPENED).withResolved(OPENED);
    assertEquals(Optional.of(Duration.ZERO), t.firstResponseTime());
    assertEquals(Optional.of(Duration.ZERO), t.resolutionTime());
  }

  @Test
  void acceptsResolutionWithoutResponseAndResponseAfterResolution() {
    ServiceTicket silent = ticket().withResolved(OPENED.plusSeconds(60));
    assertTrue(silent.isResolved());
    assertEquals(Optional.empty(), silent.firstResponseTime());
    ServiceTicket late = silent.withFirstResponse(OPENED.plusSeconds(120));
    assertEquals(Optional.of(Duration.ofSeconds(120)), late.firstResponseTime());
  }

  @Test
  void durations() {
    ServiceTicket t = ticket().withFirstResponse(OPENED.plus(Duration.ofMinutes(15)))
        .withResolved(OPENED.plus(Duration.ofHours(26)));
    assertEquals(Optional.of(Duration.ofMinutes(15)), t.firstResponseTime());
    assertEquals(Optional.of(Duration.ofHours(26)), t.resolutionTime());
  }

  @Test
  void firstContactResolution() {
    ServiceTicket resolved = ticket().withResolved(OPENED.plusSeconds(300));
    assertTrue(resolved.resolvedOnFirstContact());
    assertFalse(resolved.withContacts(2).resolvedOnFirstContact());
    assertFalse(resolved.withReopened(true).resolvedOnFirstContact());
    assertFalse(ticket().resolvedOnFirstContact());
  }

  @Test
  void withCopiesRoundTrip() {
    Instant response = OPENED.plusSeconds(30);
    Instant resolution = OPENED.plusSeconds(3600);
    ServiceTicket full = ticket().withFirstResponse(response).withResolved(resolution)
        .withContacts(3).withReopened(true);
    assertEquals(new ServiceTicket("C0042", OPENED, response, resolution, "chat", "billing",
        Severity.MEDIUM, 3, true), full);
    assertEquals(ticket(), full.withFirstResponse(null).withResolved(null).withContacts(1)
        .withReopened(false));
    assertFalse(full.withResolved(null).isResolved());
    assertEquals(response, full.withContacts(1).firstResponse());
  }

  @Test
  void severitiesAreOrdered() {
    assertTrue(Severity.LOW.compareTo(Severity.MEDIUM) < 0);
    assertTrue(Severity.MEDIUM.compareTo(Severity.HIGH) < 0);
    assertTrue(Severity.HIGH.compareTo(Severity.CRITICAL) < 0);
  }

  // Property: for any opening and any later-or-earlier instant, a ticket either takes it with a
  // non-negative duration equal to the gap, or rejects it because it is before the opening.

  static List<Arguments> instantPairs() {
    SplittableRandom random = new SplittableRandom(42L);
    long lo = Checks.MIN_INSTANT.getEpochSecond();
    long hi = Checks.MAX_INSTANT.getEpochSecond();
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of(Checks.MIN_INSTANT, Checks.MAX_INSTANT));
    cases.add(Arguments.of(Checks.MAX_INSTANT, Checks.MAX_INSTANT));
    cases.add(Arguments.of(Checks.MAX_INSTANT, Checks.MIN_INSTANT));
    for (int i = 0; i < 150; i++) {
      Instant opened = Instant.ofEpochSecond(random.nextLong(lo, hi), random.nextInt(1_000_000_000));
      // gaps of any sign from nanoseconds to decades, kept inside the sane range
      long gapNanos = (random.nextBoolean() ? 1 : -1)
          * (long) Math.scalb(random.nextDouble(), random.nextInt(0, 60));
      Instant other = opened.plusNanos(gapNanos);
      if (other.isAfter(Checks.MAX_INSTANT) || other.isBefore(Checks.MIN_INSTANT)) {
        other = opened;
      }
      cases.add(Arguments.of(opened, other));
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("instantPairs")
  void durationsAreNonNegativeOrTheTicketIsRejected(Instant opened, Instant other) {
    ServiceTicket t = ServiceTicket.of("C9", opened, "phone", "outage", Severity.HIGH);
    if (other.isBefore(opened)) {
      assertRejected(() -> t.withFirstResponse(other), "customer 'C9'", "firstResponse "
          + other + " is before opened " + opened);
      assertRejected(() -> t.withResolved(other), "customer 'C9'", "resolved "
          + other + " is before opened " + opened);
    } else {
      ServiceTicket done = t.withFirstResponse(other).withResolved(other);
      Duration gap = Duration.between(opened, other);
      assertFalse(gap.isNegative());
      assertEquals(Optional.of(gap), done.firstResponseTime());
      assertEquals(Optional.of(gap), done.resolutionTime());
      assertEquals(other, opened.plus(done.resolutionTime().orElseThrow()));
    }
  }
}
