package org.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void saneInstantBoundsAreTheDateBoundsInUtc() {
    assertEquals(Instant.parse("1900-01-01T00:00:00Z"), Checks.MIN_INSTANT);
    assertEquals(Instant.parse("2199-12-31T23:59:59.999999999Z"), Checks.MAX_INSTANT);
    assertSame(Checks.MIN_INSTANT, Checks.saneInstant("t", Checks.MIN_INSTANT));
    assertSame(Checks.MAX_INSTANT, Checks.saneInstant("t", Checks.MAX_INSTANT));
  }

  @Test
  void saneInstantRejectsOneNanosecondOutside() {
    Instant early = Checks.MIN_INSTANT.minusNanos(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.saneInstant("opened", early));
    assertEquals("opened must fall on a UTC date between 1900-01-01 and 2199-12-31: "
        + "1899-12-31T23:59:59.999999999Z", e.getMessage());
    Instant late = Checks.MAX_INSTANT.plusNanos(1);
    e = assertThrows(IllegalArgumentException.class, () -> Checks.saneInstant("opened", late));
    assertEquals("opened must fall on a UTC date between 1900-01-01 and 2199-12-31: "
        + "2200-01-01T00:00:00Z", e.getMessage());
  }

  @Test
  void saneInstantRejectsNullAndTheExtremes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.saneInstant("opened", null));
    assertEquals("opened must not be null", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.saneInstant("t", Instant.MIN));
    assertThrows(IllegalArgumentException.class, () -> Checks.saneInstant("t", Instant.MAX));
  }
}
