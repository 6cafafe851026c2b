package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.Checks;

/**
 * An inclusive range of calendar dates [from, to].
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

  /** Checks that both are given and to is not before from. */
  public DateRange {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
  }

  /** The range [from, to]. */
  public static DateRange of(LocalDate from, LocalDate to) {
    return new DateRange(from, to);
  }

  /** The days of one calendar month. */
  public static DateRange month(YearMonth month) {
    Checks.notNull("month", month);
    return new DateRange(month.atDay(1), month.atEndOfMonth());
  }

  /** The number of days, to − from + 1. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** True when the date lies in the range. */
  public boolean contains(LocalDate date) {
    Checks.notNull("date", date);
    return !date.isBefore(from) && !date.isAfter(to);
  }

  boolean containsEpochDay(long day) {
    return day >= from.toEpochDay() && day <= to.toEpochDay();
  }

  /** {@code 2024-01-01 .. 2024-01-31}. */
  @Override
  public String toString() {
    return from + " .. " + to;
  }
}
