package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * An A/B test of conversion rates: control and treatment shares and their comparison
 * treatment − control (pooled two-proportion z test, Newcombe hybrid score interval; see
 * {@link Proportion#compare(Proportion, Proportion, double)}).
 *
 * @param control the control group's conversions and users
 * @param treatment the treatment group's conversions and users
 * @param comparison treatment − control
 */
public record ConversionTest(Proportion control, Proportion treatment, Comparison comparison) {

  /** Checks that no component is null. */
  public ConversionTest {
    Checks.notNull("control", control);
    Checks.notNull("treatment", treatment);
    Checks.notNull("comparison", comparison);
  }

  /** The absolute uplift p_T − p_C. */
  public double absoluteUplift() {
    return comparison.difference();
  }

  /**
   * The relative uplift (p_T − p_C)/p_C.
   *
   * @throws IllegalStateException if the control group has no conversion (undefined)
   */
  public double relativeUplift() {
    if (control.successes() == 0) {
      throw new IllegalStateException(
          "relative uplift is undefined: the control group has no conversion");
    }
    return treatment.estimate() / control.estimate() - 1;
  }

  /** The 95% interval of the relative uplift; see {@link #relativeUpliftInterval(double)}. */
  public Interval relativeUpliftInterval() {
    return relativeUpliftInterval(comparison.interval().level());
  }

  /**
   * The interval of the relative uplift from Katz's log interval of the rate ratio
   * RR = p_T/p_C: exp(ln RR ± z·sqrt(1/x_T − 1/n_T + 1/x_C − 1/n_C)) − 1. Katz, D., Baptista,
   * J., Azen, S. P. &amp; Pike, M. C. (1978), Biometrics 34(3), 469–474, doi:10.2307/2530610.
   *
   * @throws IllegalStateException if a group has no conversion (the log interval is undefined)
   */
  public Interval relativeUpliftInterval(double level) {
    if (control.successes() == 0 || treatment.successes() == 0) {
      throw new IllegalStateException("the relative uplift interval needs a conversion in each"
          + " group: control " + control.successes() + ", treatment " + treatment.successes());
    }
    double logRr = Math.log(treatment.estimate() / control.estimate());
    double se = Math.sqrt(1.0 / treatment.successes() - 1.0 / treatment.trials()
        + 1.0 / control.successes() - 1.0 / control.trials());
    double half = Stats.zCritical(level) * se;
    return new Interval(Math.expm1(logRr - half), Math.expm1(logRr + half), level);
  }

  /** Three lines: both groups, then the comparison and the relative uplift. */
  @Override
  public String toString() {
    String rel = control.successes() > 0 ? ", relative uplift " + Stats.num(relativeUplift())
        : "";
    return "conversion A/B test\n  control   " + control + "\n  treatment " + treatment
        + "\n  treatment − control: " + comparison + rel;
  }
}
