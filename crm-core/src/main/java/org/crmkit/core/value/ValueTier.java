package org.crmkit.core.value;

/** A customer value tier, from {@link #HIGH} to {@link #LOW}. */
public enum ValueTier {
  /** The most valuable customers. */
  HIGH,
  /** Customers between the two cut points. */
  MEDIUM,
  /** The least valuable customers. */
  LOW
}
