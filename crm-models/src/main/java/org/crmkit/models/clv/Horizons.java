package org.crmkit.models.clv;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.TimeUnits;

/**
 * Converts explicit horizons ({@link Period}, {@link Duration}) to a number of model units. A
 * period's years and months count as mean Gregorian lengths, as {@link TimeUnits} does (a year is
 * 365.2425 days), so {@code Period.ofYears(1)} in weeks is 52.1775 and {@code Period.ofWeeks(52)}
 * is exactly 52.
 */
final class Horizons {

  private Horizons() {}

  /** {@code p} in {@code unit}s. */
  static double of(Period p, ChronoUnit unit) {
    Checks.notNull("horizon", p);
    if (p.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative: " + p);
    }
    double days = p.toTotalMonths() * (365.2425 / 12.0) + p.getDays();
    if (days < 0) {
      throw new IllegalArgumentException("horizon must not be negative: " + p);
    }
    return days / TimeUnits.days(unit);
  }

  /** {@code d} in {@code unit}s (a day is 86,400 seconds). */
  static double of(Duration d, ChronoUnit unit) {
    Checks.notNull("horizon", d);
    if (d.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative: " + d);
    }
    double days = (d.getSeconds() + d.getNano() * 1e-9) / 86_400.0;
    return days / TimeUnits.days(unit);
  }

  /** The factor that converts times in {@code from} to times in {@code to}. */
  static double factor(ChronoUnit from, ChronoUnit to) {
    return TimeUnits.days(from) / TimeUnits.days(to);
  }
}
