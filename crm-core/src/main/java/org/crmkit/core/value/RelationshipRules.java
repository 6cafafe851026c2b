package org.crmkit.core.value;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * The CRM sources' relationship stages — attract, establish, maintain, develop, churn — made
 * operational from the purchase history at an analysis date {@code asOf}. The sources name the
 * stages without measurable rules; these are crmkit's, every threshold configurable. The first
 * rule that applies wins:
 *
 * <ol>
 *   <li>{@link RelationshipStage#CHURN}: no purchase within {@code churnAfter} (the days
 *       (asOf − churnAfter, asOf]);
 *   <li>{@link RelationshipStage#ATTRACT}: fewer than {@code establishAt} purchase days (by
 *       default: a first-time buyer);
 *   <li>{@link RelationshipStage#ESTABLISH}: fewer than {@code matureAt} purchase days;
 *   <li>{@link RelationshipStage#DEVELOP}: spending is growing — the amount bought in the last
 *       {@code trendWindow} is at least (1 + growth) × the amount bought in the trend window
 *       before it, and positive;
 *   <li>{@link RelationshipStage#MAINTAIN}: otherwise (a mature, current relationship with
 *       stable or falling spending).
 * </ol>
 *
 * <p>Defaults ({@link #defaults()}): churn after 180 days, established at 2 purchase days,
 * mature at 4, trend window 180 days, growth 0.2 (20 %). Purchase days count days with at least
 * one purchase; refunds do not move a customer between stages.
 *
 * @param churnAfter how long without a purchase ends the relationship
 * @param establishAt the purchase days from which a customer is establishing, &ge; 2
 * @param matureAt the purchase days from which the relationship is mature, &ge; establishAt
 * @param trendWindow the length of each of the two windows whose spending is compared
 * @param growth the relative growth that counts as developing, finite and &ge; 0
 */
public record RelationshipRules(Period churnAfter, int establishAt, int matureAt,
    Period trendWindow, double growth) implements LifecycleRules<RelationshipStage> {

  /** Checks the thresholds. */
  public RelationshipRules {
    ActivityRules.positive("churnAfter", churnAfter);
    ActivityRules.positive("trendWindow", trendWindow);
    if (establishAt < 2) {
      throw new IllegalArgumentException("establishAt must be >= 2 (one purchase day is "
          + "always attract): " + establishAt);
    }
    if (matureAt < establishAt) {
      throw new IllegalArgumentException("matureAt (" + matureAt
          + ") must not be below establishAt (" + establishAt + ")");
    }
    Checks.nonNegative("growth", growth);
  }

  /** Churn after 180 days, establish at 2, mature at 4, trend window 180 days, growth 0.2. */
  public static RelationshipRules defaults() {
    return new RelationshipRules(Period.ofDays(180), 2, 4, Period.ofDays(180), 0.2);
  }

  /** A copy with this churn window. */
  public RelationshipRules withChurnAfter(Period p) {
    return new RelationshipRules(p, establishAt, matureAt, trendWindow, growth);
  }

  /** A copy with these purchase-day thresholds. */
  public RelationshipRules withPurchaseDays(int establish, int mature) {
    return new RelationshipRules(churnAfter, establish, mature, trendWindow, growth);
  }

  /** A copy with this trend window and growth threshold. */
  public RelationshipRules withTrend(Period window, double minGrowth) {
    return new RelationshipRules(churnAfter, establishAt, matureAt, window, minGrowth);
  }

  @Override
  public Class<RelationshipStage> stageType() {
    return RelationshipStage.class;
  }

  @Override
  public RelationshipStage stageOf(PurchaseHistory h) {
    LocalDate asOf = h.asOf();
    if (h.lastPurchase().isBefore(ActivityRules.since(asOf, churnAfter))) {
      return RelationshipStage.CHURN;
    }
    if (h.purchaseDays() < establishAt) {
      return RelationshipStage.ATTRACT;
    }
    if (h.purchaseDays() < matureAt) {
      return RelationshipStage.ESTABLISH;
    }
    LocalDate recentFrom = ActivityRules.since(asOf, trendWindow);
    LocalDate previousTo = recentFrom.minusDays(1);
    LocalDate previousFrom = ActivityRules.since(previousTo, trendWindow);
    double recent = h.spendBetween(recentFrom, asOf);
    double previous = h.spendBetween(previousFrom, previousTo);
    return recent > 0 && recent >= (1 + growth) * previous ? RelationshipStage.DEVELOP
        : RelationshipStage.MAINTAIN;
  }

  /** {@code relationship rules: churn after P180D, establish at 2, ...}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "relationship rules: churn after %s, establish at %d "
        + "purchase days, mature at %d, develop when spending in the last %s grew by >= %.0f%%",
        churnAfter, establishAt, matureAt, trendWindow, 100 * growth);
  }
}
