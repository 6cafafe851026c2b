package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RetentionCurveTest {

  private static final LocalDate END = LocalDate.of(2024, 12, 31);
  private static final LocalDate[] STARTS = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1),
      LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 11, 1)};
  private static final LocalDate[] ENDS = {LocalDate.of(2024, 2, 5), null,
      LocalDate.of(2024, 9, 1), LocalDate.of(2025, 3, 1), null};

  @Test
  void datesBecomeTenuresWithCensoringAtTheObservationEnd() {
    RetentionCurve days = RetentionCurve.fromDates(STARTS, ENDS, END, ChronoUnit.DAYS);
    KaplanMeier km = days.kaplanMeier();
    // tenures: 35 (churned), 365 (active), 184 (churned), 213 (churn in 2025 not yet seen), 60
    assertArrayEquals(new double[] {35, 60, 184, 213, 365}, km.times(), 0.0);
    assertArrayEquals(new int[] {1, 0, 1, 0, 0}, km.events());
    assertEquals(0.8, days.retentionAt(35, ChronoUnit.DAYS), 1e-15);
    assertEquals(0.8 * 2 / 3, days.retentionAt(1, ChronoUnit.YEARS), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, days.medianTenure(), 0.0);
  }

  @Test
  void theUnitOnlyRescalesTheTimeAxis() {
    RetentionCurve days = RetentionCurve.fromDates(STARTS, ENDS, END, ChronoUnit.DAYS);
    RetentionCurve months = RetentionCurve.fromDates(STARTS, ENDS, END, ChronoUnit.MONTHS);
    assertEquals(ChronoUnit.MONTHS, months.unit());
    for (int d = 0; d <= 400; d += 7) {
      assertEquals(days.retentionAt(d, ChronoUnit.DAYS), months.retentionAt(d, ChronoUnit.DAYS),
          1e-15, "day " + d);
    }
    assertArrayEquals(days.kaplanMeier().survival(), months.kaplanMeier().survival(), 0.0);
  }

  @Test
  void tenuresInAUnit() {
    RetentionCurve c = RetentionCurve.fromTenures(new double[] {1, 2, 3, 4},
        new int[] {1, 1, 0, 1}, ChronoUnit.MONTHS);
    assertEquals(0.5, c.retentionAt(2, ChronoUnit.MONTHS), 1e-15);
    assertEquals(2.0, c.medianTenure(), 0.0);
    assertTrue(c.toString().startsWith(
        "Retention curve in months: 4 customers, 3 churned, 1 active; median tenure 2"),
        c.toString());
  }

  @Test
  void badDatesAreNamed() {
    LocalDate[] s = {LocalDate.of(2024, 5, 1)};
    assertEquals("row 1: end date 2024-04-01 is before the start date 2024-05-01",
        assertThrows(IllegalArgumentException.class, () -> RetentionCurve.fromDates(s,
            new LocalDate[] {LocalDate.of(2024, 4, 1)}, END, ChronoUnit.DAYS)).getMessage());
    assertEquals("row 1: start date 2024-05-01 is after the observation end 2024-04-30",
        assertThrows(IllegalArgumentException.class, () -> RetentionCurve.fromDates(s,
            new LocalDate[] {null}, LocalDate.of(2024, 4, 30), ChronoUnit.DAYS)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.fromDates(s, new LocalDate[] {null}, END, ChronoUnit.HOURS));
    assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.fromDates(new LocalDate[] {null}, new LocalDate[] {null}, END,
            ChronoUnit.DAYS));
  }
}
