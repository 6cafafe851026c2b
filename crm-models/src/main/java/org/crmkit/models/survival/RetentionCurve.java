package org.crmkit.models.survival;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.TimeUnits;

/**
 * A customer retention curve: the Kaplan–Meier estimate of the probability that a customer is
 * still active a given tenure after joining, from tenures in an explicit time unit.
 *
 * <p>A churned customer is an event at its tenure; a customer still active when observation ends
 * is censored at the tenure reached so far, so recent customers count only for the tenures they
 * could have reached (rather than as churners or as retained forever).
 *
 * <p>Time units are DAYS, WEEKS, MONTHS or YEARS with the lengths of
 * {@link TimeUnits#days(ChronoUnit)}: a month is 30.436875 days, so the curve in months is the
 * curve in days with the time axis divided by 30.436875. Immutable and thread-safe.
 *
 * <pre>{@code
 * RetentionCurve c = RetentionCurve.fromDates(joined, left, LocalDate.of(2024, 12, 31),
 *     ChronoUnit.MONTHS);                        // left[i] == null: still a customer
 * double r12 = c.retentionAt(12, ChronoUnit.MONTHS);
 * }</pre>
 */
public final class RetentionCurve {

  private final KaplanMeier km;
  private final ChronoUnit unit;

  private RetentionCurve(KaplanMeier km, ChronoUnit unit) {
    this.km = km;
    this.unit = unit;
  }

  /**
   * The curve from tenures already measured in {@code unit}.
   *
   * @param tenures time from joining to churn, or to the end of observation for active
   *     customers; finite and &ge; 0
   * @param churned 1 if the customer churned at the tenure, 0 if still active
   * @param unit DAYS, WEEKS, MONTHS or YEARS
   * @throws IllegalArgumentException on bad input (see {@link SurvivalData#of(double[], int[])})
   *     or another unit
   */
  public static RetentionCurve fromTenures(double[] tenures, int[] churned, ChronoUnit unit) {
    TimeUnits.days(unit);
    return new RetentionCurve(KaplanMeier.fit(SurvivalData.of(tenures, churned)), unit);
  }

  /**
   * The curve from join and churn dates.
   *
   * <p>Customer i joined on {@code starts[i]} and churned on {@code ends[i]}; a null end means
   * still active. An end after {@code observationEnd} was not yet observed on that date: the
   * customer counts as active (censored) at {@code observationEnd}, which keeps the curve free of
   * information from after the observation date.
   *
   * @param starts join dates, none after {@code observationEnd}
   * @param ends churn dates (null = active), none before the join date
   * @param observationEnd the last day of observation
   * @param unit the time unit of the curve: DAYS, WEEKS, MONTHS or YEARS
   * @throws IllegalArgumentException on a null start, a start after the observation end, an end
   *     before its start (the message names the row and the dates), or lengths that differ
   */
  public static RetentionCurve fromDates(LocalDate[] starts, LocalDate[] ends,
      LocalDate observationEnd, ChronoUnit unit) {
    double unitDays = TimeUnits.days(unit);
    Checks.notNull("starts", starts);
    Checks.notNull("ends", ends);
    Checks.saneDate("observationEnd", observationEnd);
    if (ends.length != starts.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ends has %,d rows but starts has %,d", ends.length, starts.length));
    }
    int n = starts.length;
    double[] tenure = new double[n];
    int[] churned = new int[n];
    for (int i = 0; i < n; i++) {
      LocalDate s = starts[i];
      LocalDate e = ends[i];
      if (s == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: start date must not be null (starts[%d])", i + 1, i));
      }
      if (s.isAfter(observationEnd)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: start date %s is after the observation end %s", i + 1, s, observationEnd));
      }
      if (e != null && e.isBefore(s)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: end date %s is before the start date %s", i + 1, e, s));
      }
      boolean seen = e != null && !e.isAfter(observationEnd);
      LocalDate last = seen ? e : observationEnd;
      tenure[i] = (last.toEpochDay() - s.toEpochDay()) / unitDays;
      churned[i] = seen ? 1 : 0;
    }
    return new RetentionCurve(KaplanMeier.fit(SurvivalData.of(tenure, churned)), unit);
  }

  /** The time unit of the curve's tenures. */
  public ChronoUnit unit() {
    return unit;
  }

  /** The underlying Kaplan–Meier estimate, with tenures in {@link #unit()}. */
  public KaplanMeier kaplanMeier() {
    return km;
  }

  /**
   * The share of customers still active after a tenure of {@code amount} {@code unit}s, for
   * example {@code retentionAt(12, ChronoUnit.MONTHS)}; the tenure is converted to the curve's
   * unit first.
   *
   * @throws IllegalArgumentException if amount &lt; 0 or the unit is not DAYS, WEEKS, MONTHS or
   *     YEARS
   */
  public double retentionAt(long amount, ChronoUnit unit) {
    Checks.nonNegative("amount", amount);
    return km.survivalAt(amount * TimeUnits.days(unit) / TimeUnits.days(this.unit));
  }

  /** The median tenure in {@link #unit()}: +∞ if more than half never churn. */
  public double medianTenure() {
    return km.median().time();
  }

  /** The unit, the counts, the median tenure and the life table. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Retention curve in %s: %s customers, %s churned, %s active; median tenure %s\n",
        unit.name().toLowerCase(Locale.ROOT), Fmt.count(km.size()), Fmt.count(km.eventCount()),
        Fmt.count(km.size() - km.eventCount()), km.median()) + km.toString();
  }
}
