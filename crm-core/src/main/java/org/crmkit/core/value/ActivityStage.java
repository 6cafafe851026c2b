package org.crmkit.core.value;

/** Activity-based lifecycle stages; see {@link ActivityRules}. */
public enum ActivityStage {
  /** First purchase recently. */
  NEW,
  /** Came back recently after having lapsed. */
  REACTIVATED,
  /** Purchased recently, neither new nor reactivated. */
  ACTIVE,
  /** No recent purchase, not yet lapsed. */
  AT_RISK,
  /** No purchase for longer than the lapse window. */
  LAPSED
}
