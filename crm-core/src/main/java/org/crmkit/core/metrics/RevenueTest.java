package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * An A/B test of revenue per user: control and treatment means and Welch's t comparison
 * treatment − control ({@link Mean#compare(Mean, Mean, double)}).
 *
 * @param control the control group's revenue per user (users without revenue count as 0)
 * @param treatment the treatment group's revenue per user
 * @param comparison treatment − control, Welch t
 */
public record RevenueTest(Mean control, Mean treatment, Comparison comparison) {

  /** Checks that no component is null. */
  public RevenueTest {
    Checks.notNull("control", control);
    Checks.notNull("treatment", treatment);
    Checks.notNull("comparison", comparison);
  }

  /** The absolute uplift m_T − m_C. */
  public double absoluteUplift() {
    return comparison.difference();
  }

  /**
   * The relative uplift (m_T − m_C)/m_C.
   *
   * @throws IllegalStateException if the control mean is 0 (undefined)
   */
  public double relativeUplift() {
    if (control.mean() == 0) {
      throw new IllegalStateException("relative uplift is undefined: the control mean is 0");
    }
    return comparison.difference() / control.mean();
  }

  /** Three lines: both groups, then the comparison. */
  @Override
  public String toString() {
    return "revenue per user A/B test\n  control   " + control + "\n  treatment " + treatment
        + "\n  treatment − control: " + comparison;
  }
}
