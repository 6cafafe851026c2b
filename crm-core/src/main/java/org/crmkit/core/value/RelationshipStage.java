package org.crmkit.core.value;

/**
 * The relationship stages of the CRM sources — attract, establish, maintain, develop, churn —
 * as {@link RelationshipRules} make them operational.
 */
public enum RelationshipStage {
  /** Acquired, not yet a repeat buyer: the relationship is being won. */
  ATTRACT,
  /** A repeat buyer whose relationship is still forming. */
  ESTABLISH,
  /** A mature relationship with stable or falling spending: maintain it. */
  MAINTAIN,
  /** A mature relationship with growing spending: develop it (cross- and up-selling). */
  DEVELOP,
  /** No purchase for longer than the churn window: the relationship has ended. */
  CHURN
}
