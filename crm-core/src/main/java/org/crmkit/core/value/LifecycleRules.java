package org.crmkit.core.value;

import java.time.LocalDate;

/**
 * Rules that give a customer a lifecycle stage from the purchase history at an analysis date.
 * crmkit ships {@link ActivityRules} (new / active / at risk / lapsed / reactivated) and
 * {@link RelationshipRules} (attract / establish / maintain / develop / churn); callers may
 * write their own. Implementations must be immutable and thread-safe.
 *
 * @param <S> the stages, an enum
 */
public interface LifecycleRules<S extends Enum<S>> {

  /** The enum of the stages, in the order results list them. */
  Class<S> stageType();

  /**
   * The stage of one customer. Never null.
   *
   * @param history the customer's purchases up to {@code history.asOf()}, at least one
   */
  S stageOf(PurchaseHistory history);

  /**
   * Checks that the rules make sense at this analysis date (for example that windows nest);
   * called once before any {@link #stageOf}. The default accepts every date.
   *
   * @throws IllegalArgumentException if they do not
   */
  default void validate(LocalDate asOf) {}
}
