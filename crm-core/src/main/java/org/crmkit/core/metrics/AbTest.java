package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * A/B tests of a treatment against a control. Every difference is treatment − control (the
 * treatment is group a of the {@link Comparison}). Sample sizes and detectable effects are in
 * {@link PowerAnalysis}.
 *
 * <pre>{@code
 * ConversionTest t = AbTest.conversion(200, 4000, 248, 4000);   // control, then treatment
 * t.absoluteUplift();      // 0.012
 * t.relativeUplift();      // 0.24
 * RevenueTest r = AbTest.revenuePerUser(controlRevenue, treatmentRevenue);
 * }</pre>
 */
public final class AbTest {

  private AbTest() {}

  /** {@link #conversion(Proportion, Proportion, double)} at 95%. */
  public static ConversionTest conversion(long controlConversions, long controlUsers,
      long treatmentConversions, long treatmentUsers) {
    return conversion(Proportion.of(controlConversions, controlUsers),
        Proportion.of(treatmentConversions, treatmentUsers), 0.95);
  }

  /**
   * Compares conversion rates, treatment − control: pooled two-proportion z test, Newcombe
   * hybrid score interval, relative uplift with Katz's log interval.
   */
  public static ConversionTest conversion(Proportion control, Proportion treatment,
      double level) {
    Checks.notNull("control", control);
    Checks.notNull("treatment", treatment);
    return new ConversionTest(control, treatment, Proportion.compare(treatment, control, level));
  }

  /** {@link #revenuePerUser(double[], double[], double)} at 95%. */
  public static RevenueTest revenuePerUser(double[] control, double[] treatment) {
    return revenuePerUser(control, treatment, 0.95);
  }

  /**
   * Compares revenue per user, treatment − control, by Welch's t test. Give one value per user
   * assigned, 0 for users who bought nothing, so that the mean is revenue per user.
   *
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value is not
   *     finite (naming the sample and position)
   */
  public static RevenueTest revenuePerUser(double[] control, double[] treatment, double level) {
    Mean c = Mean.of("control", control);
    Mean t = Mean.of("treatment", treatment);
    return new RevenueTest(c, t, Mean.compare(t, c, level));
  }
}
