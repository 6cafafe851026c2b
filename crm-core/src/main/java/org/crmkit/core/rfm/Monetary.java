package org.crmkit.core.rfm;

/** Which monetary value is scored. */
public enum Monetary {
  /** The customer's total revenue up to the analysis date (R rfm's {@code amount}). */
  TOTAL,
  /** Revenue per order: total revenue / orders. */
  MEAN_PER_ORDER
}
