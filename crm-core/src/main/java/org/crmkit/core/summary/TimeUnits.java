package org.crmkit.core.summary;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The model time units crmkit accepts and their length in days.
 *
 * <p>Days and weeks are exact (1 and 7 days). Months and years are the mean Gregorian lengths
 * that {@link ChronoUnit#getDuration()} states: a year is 365.2425 days and a month a twelfth of
 * it, 30.436875 days. A summary "in months" is therefore a summary in days divided by 30.436875;
 * calendar months of 28 to 31 days are not used, so that a time unit is a plain scale factor and
 * every result is the same whichever unit the caller chooses.
 */
public final class TimeUnits {

  private TimeUnits() {}

  /**
   * The length of {@code unit} in days: DAYS 1, WEEKS 7, MONTHS 30.436875, YEARS 365.2425.
   *
   * @throws IllegalArgumentException for any other unit
   */
  public static double days(ChronoUnit unit) {
    if (unit == null) {
      throw new IllegalArgumentException("time unit must not be null");
    }
    return switch (unit) {
      case DAYS -> 1.0;
      case WEEKS -> 7.0;
      case MONTHS -> 365.2425 / 12.0;
      case YEARS -> 365.2425;
      default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
          "time unit must be DAYS, WEEKS, MONTHS or YEARS: %s", unit));
    };
  }
}
