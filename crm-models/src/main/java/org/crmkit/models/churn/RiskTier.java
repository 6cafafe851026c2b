package org.crmkit.models.churn;

/** A churn-risk tier, from {@link #LOW} to {@link #HIGH}; see {@link RiskTiers}. */
public enum RiskTier {
  /** Below the medium threshold. */
  LOW,
  /** At or above the medium threshold, below the high one. */
  MEDIUM,
  /** At or above the high threshold. */
  HIGH
}
