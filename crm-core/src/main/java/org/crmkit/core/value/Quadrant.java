package org.crmkit.core.value;

/**
 * A quadrant of the customer value matrix: current value (what the customer brings now) ×
 * potential value (what the customer could bring: share of wallet not yet won, growth of need).
 * The default labels follow Peppers, Rogers &amp; Dorf's (1999) most valuable and most growable
 * customers.
 */
public enum Quadrant {

  /** High current, high potential: the most valuable customers; retain and invest. */
  MOST_VALUABLE("most valuable: retain and invest"),

  /** Low current, high potential: the most growable customers; develop. */
  MOST_GROWABLE("most growable: develop"),

  /** High current, low potential: keep them, at a controlled cost to serve. */
  MAINTAIN("maintain: keep at a controlled cost"),

  /** Low current, low potential: serve efficiently, do not invest. */
  LOW_VALUE("low value: serve efficiently");

  private final String label;

  Quadrant(String label) {
    this.label = label;
  }

  /** The default label, for example {@code most growable: develop}. */
  public String defaultLabel() {
    return label;
  }

  /** The quadrant of a customer whose current and potential value are high or not. */
  public static Quadrant of(boolean highCurrent, boolean highPotential) {
    return highCurrent ? (highPotential ? MOST_VALUABLE : MAINTAIN)
        : (highPotential ? MOST_GROWABLE : LOW_VALUE);
  }
}
