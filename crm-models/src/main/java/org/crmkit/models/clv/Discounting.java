package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.TimeUnits;

/**
 * A discount rate, stated per year and converted to the model's time unit inside (DESIGN.md:
 * "discount rates are stated per year and converted inside").
 *
 * <p>An effective annual rate d (money grows by 1 + d in a year) is the continuous rate
 * (force of interest) ln(1 + d) per year, and per model unit
 *
 * <pre>
 *   δ = ln(1 + d) / (periods per year),   periods per year = 365.2425 / (days per unit),
 * </pre>
 *
 * so 52.1775 weeks, 365.2425 days or 12 months per year (mean Gregorian lengths, as
 * {@link TimeUnits} defines them). A cash flow at time t (in units) is worth e^(−δ t) now. The
 * equivalent effective monthly rate is m = (1 + d)^(1/12) − 1, and a month is 1/12 year:
 * discounting a flow at the end of month i by (1 + m)^−i equals e^(−δ t) at t = i months, so
 * the continuous and the monthly forms of {@link Clv} differ only in <em>when</em> within the
 * month a purchase is discounted, not in the rate.
 *
 * <p>Note the conventions of the sources: Fader, Hardie &amp; Lee (2005, JMR 42(4)) discount at
 * 15% a year with δ = ln(1.15)/52 per week (a 52-week year, 0.34% more per week than
 * ln(1.15)/52.1775 here); to reproduce such numbers exactly use
 * {@link #continuous(double, ChronoUnit)}. Python's lifetimes takes a monthly rate m directly
 * in {@code customer_lifetime_value(..., discount_rate=m)}: use {@link #monthlyRate(double)}. A
 * nominal rate "d/12 a month" is not the same as an effective annual d ((1 + d/12)^12 − 1 &gt; d).
 *
 * <p>Immutable; rates are ≥ 0 (DERT needs a rate &gt; 0).
 */
public final class Discounting {

  private static final double DAYS_PER_YEAR = 365.2425;

  /** ln(1 + d): the continuous rate per year. */
  private final double force;

  private Discounting(double force) {
    this.force = force;
  }

  /**
   * An effective annual rate: 0.10 means money grows by 10% a year.
   *
   * @throws IllegalArgumentException if d is not finite and ≥ 0
   */
  public static Discounting annualRate(double d) {
    Checks.nonNegative("annual discount rate", d);
    return new Discounting(Math.log1p(d));
  }

  /**
   * An effective monthly rate m, as lifetimes' {@code discount_rate}: the annual rate is
   * (1 + m)^12 − 1 (0.01 a month is 12.68% a year).
   *
   * @throws IllegalArgumentException if m is not finite and ≥ 0
   */
  public static Discounting monthlyRate(double m) {
    Checks.nonNegative("monthly discount rate", m);
    return new Discounting(12 * Math.log1p(m));
  }

  /**
   * A continuous rate δ per {@code unit} (force of interest): a flow at t units is worth
   * e^(−δ t). For example FHL's ln(1.15)/52 per week.
   *
   * @throws IllegalArgumentException if δ is not finite and ≥ 0, or the unit is not DAYS,
   *     WEEKS, MONTHS or YEARS
   */
  public static Discounting continuous(double delta, ChronoUnit unit) {
    Checks.nonNegative("continuous discount rate", delta);
    return new Discounting(delta * DAYS_PER_YEAR / TimeUnits.days(unit));
  }

  /** The effective annual rate d = e^(ln(1+d)) − 1. */
  public double annualRate() {
    return Math.expm1(force);
  }

  /** The effective monthly rate m = (1 + d)^(1/12) − 1. */
  public double monthlyRate() {
    return Math.expm1(force / 12);
  }

  /** The continuous rate per year, ln(1 + d). */
  public double continuousAnnualRate() {
    return force;
  }

  /**
   * The continuous rate per {@code unit}: δ = ln(1 + d) · (days per unit) / 365.2425.
   *
   * @throws IllegalArgumentException for a unit other than DAYS, WEEKS, MONTHS or YEARS
   */
  public double continuousRate(ChronoUnit unit) {
    return force * TimeUnits.days(unit) / DAYS_PER_YEAR;
  }

  /** e^(−δ t): the present value of 1 paid at t {@code unit}s from now. */
  public double factor(double t, ChronoUnit unit) {
    Checks.nonNegative("t", t);
    return Math.exp(-continuousRate(unit) * t);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Discounting d && Double.compare(d.force, force) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(force);
  }

  /** "Discounting: 10.00% a year (continuous 0.0953 a year, monthly 0.797%)". */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Discounting: %.4g%% a year (continuous %.4g a year, monthly %.4g%%)",
        100 * annualRate(), force, 100 * monthlyRate());
  }
}
