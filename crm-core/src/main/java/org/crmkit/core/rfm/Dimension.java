package org.crmkit.core.rfm;

/** The three RFM dimensions. */
public enum Dimension {
  /**
   * Days since the last purchase at the analysis date (not the buy-till-you-die t<sub>x</sub>).
   * Scored in reverse: the most recent customers get the highest score.
   */
  RECENCY("recency days"),
  /** Orders: the number of transactions up to the analysis date. */
  FREQUENCY("orders"),
  /** Total revenue, or revenue per order (see {@link Monetary}). */
  MONETARY("monetary");

  private final String label;

  Dimension(String label) {
    this.label = label;
  }

  /** A short name for tables: "recency days", "orders", "monetary". */
  public String label() {
    return label;
  }

  /** True for recency, whose lowest values get the highest score. */
  public boolean reversed() {
    return this == RECENCY;
  }
}
