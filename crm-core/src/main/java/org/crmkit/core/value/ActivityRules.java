package org.crmkit.core.value;

import java.time.LocalDate;
import java.time.Period;
import org.crmkit.core.Checks;

/**
 * Activity-based lifecycle stages at an analysis date {@code asOf}, from the first and last
 * purchase days and the gaps between purchase days. With windows counted back from asOf
 * (a window W covers the days (asOf − W, asOf], as in
 * {@link org.crmkit.core.metrics.ActivityStatus}), the first rule that applies wins:
 *
 * <ol>
 *   <li>{@link ActivityStage#NEW}: the first purchase lies within {@code newWithin};
 *   <li>{@link ActivityStage#REACTIVATED}: the customer returned within
 *       {@code reactivatedWithin} after having lapsed — some purchase day R in that window
 *       follows the previous purchase day L by at least {@code lapsedAfter} (L &le; R −
 *       lapsedAfter);
 *   <li>{@link ActivityStage#ACTIVE}: the last purchase lies within {@code activeWithin};
 *   <li>{@link ActivityStage#AT_RISK}: the last purchase lies within {@code lapsedAfter} but not
 *       within {@code activeWithin};
 *   <li>{@link ActivityStage#LAPSED}: no purchase within {@code lapsedAfter}.
 * </ol>
 *
 * <p>At asOf the windows must nest: newWithin and reactivatedWithin no longer than
 * activeWithin, which is shorter than lapsedAfter. Defaults ({@link #defaults()}): new and
 * reactivated within 90 days, active within 90 days, lapsed after 180 days.
 *
 * <pre>{@code
 * LifecycleStages<ActivityStage> s = LifecycleStages.of(log, LocalDate.of(2024, 6, 30),
 *     ActivityRules.defaults().withLapsedAfter(Period.ofMonths(12)));
 * s.counts();   // {NEW=.., REACTIVATED=.., ACTIVE=.., AT_RISK=.., LAPSED=..}
 * }</pre>
 *
 * @param newWithin how recent a first purchase makes a customer new
 * @param reactivatedWithin how recent a return after a lapse makes a customer reactivated
 * @param activeWithin how recent the last purchase of an active customer is
 * @param lapsedAfter how long without a purchase makes a customer lapsed
 */
public record ActivityRules(Period newWithin, Period reactivatedWithin, Period activeWithin,
    Period lapsedAfter) implements LifecycleRules<ActivityStage> {

  /** Checks that every window is positive. */
  public ActivityRules {
    positive("newWithin", newWithin);
    positive("reactivatedWithin", reactivatedWithin);
    positive("activeWithin", activeWithin);
    positive("lapsedAfter", lapsedAfter);
  }

  static Period positive(String name, Period p) {
    Checks.notNull(name, p);
    if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0
        || p.getDays() < 0) {
      throw new IllegalArgumentException(name + " must be positive with no negative part: "
          + p);
    }
    return p;
  }

  /** New and reactivated within 90 days, active within 90 days, lapsed after 180 days. */
  public static ActivityRules defaults() {
    return new ActivityRules(Period.ofDays(90), Period.ofDays(90), Period.ofDays(90),
        Period.ofDays(180));
  }

  /** A copy with this new window. */
  public ActivityRules withNewWithin(Period p) {
    return new ActivityRules(p, reactivatedWithin, activeWithin, lapsedAfter);
  }

  /** A copy with this reactivation window. */
  public ActivityRules withReactivatedWithin(Period p) {
    return new ActivityRules(newWithin, p, activeWithin, lapsedAfter);
  }

  /** A copy with this activity window. */
  public ActivityRules withActiveWithin(Period p) {
    return new ActivityRules(newWithin, reactivatedWithin, p, lapsedAfter);
  }

  /** A copy with this lapse window. */
  public ActivityRules withLapsedAfter(Period p) {
    return new ActivityRules(newWithin, reactivatedWithin, activeWithin, p);
  }

  @Override
  public Class<ActivityStage> stageType() {
    return ActivityStage.class;
  }

  /** The first day inside a window W at asOf: asOf − W + 1 day. */
  static LocalDate since(LocalDate asOf, Period window) {
    return asOf.minus(window).plusDays(1);
  }

  /** Checks that the windows nest at asOf; see the class description. */
  @Override
  public void validate(LocalDate asOf) {
    Checks.notNull("asOf", asOf);
    LocalDate active = since(asOf, activeWithin);
    if (since(asOf, newWithin).isBefore(active)) {
      throw new IllegalArgumentException("newWithin " + newWithin
          + " must not be longer than activeWithin " + activeWithin);
    }
    if (since(asOf, reactivatedWithin).isBefore(active)) {
      throw new IllegalArgumentException("reactivatedWithin " + reactivatedWithin
          + " must not be longer than activeWithin " + activeWithin);
    }
    if (!since(asOf, lapsedAfter).isBefore(active)) {
      throw new IllegalArgumentException("lapsedAfter " + lapsedAfter
          + " must be longer than activeWithin " + activeWithin);
    }
  }

  @Override
  public ActivityStage stageOf(PurchaseHistory h) {
    LocalDate asOf = h.asOf();
    if (!h.firstPurchase().isBefore(since(asOf, newWithin))) {
      return ActivityStage.NEW;
    }
    long reactivatedSince = since(asOf, reactivatedWithin).toEpochDay();
    long[] days = h.epochDays();
    for (int i = days.length - 1; i >= 1 && days[i] >= reactivatedSince; i--) {
      LocalDate r = LocalDate.ofEpochDay(days[i]);
      if (days[i - 1] <= r.minus(lapsedAfter).toEpochDay()) {
        return ActivityStage.REACTIVATED;
      }
    }
    LocalDate last = h.lastPurchase();
    if (!last.isBefore(since(asOf, activeWithin))) {
      return ActivityStage.ACTIVE;
    }
    if (!last.isBefore(since(asOf, lapsedAfter))) {
      return ActivityStage.AT_RISK;
    }
    return ActivityStage.LAPSED;
  }

  /** {@code activity rules: new within P90D, reactivated within P90D, ...}. */
  @Override
  public String toString() {
    return "activity rules: new within " + newWithin + ", reactivated within "
        + reactivatedWithin + ", active within " + activeWithin + ", lapsed after "
        + lapsedAfter;
  }
}
