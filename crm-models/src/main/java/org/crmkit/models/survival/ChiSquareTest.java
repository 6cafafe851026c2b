package org.crmkit.models.survival;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * A chi-square test result: the statistic, its degrees of freedom and the upper-tail p-value
 * P(χ²_df &gt; statistic), computed as the regularized incomplete gamma function Q(df/2, x/2).
 *
 * @param statistic the χ² statistic, &ge; 0
 * @param degreesOfFreedom the degrees of freedom, &ge; 1
 * @param pValue the p-value
 */
public record ChiSquareTest(double statistic, int degreesOfFreedom, double pValue) {

  /** Checks the components. */
  public ChiSquareTest {
    Checks.nonNegative("statistic", statistic);
    Checks.positive("degrees of freedom", degreesOfFreedom);
    Checks.inRange("p-value", pValue, 0.0, 1.0);
  }

  /** The test of {@code statistic} on {@code df} degrees of freedom (negative rounding → 0). */
  public static ChiSquareTest of(double statistic, int df) {
    double x = Math.max(0.0, Checks.finite("statistic", statistic));
    return new ChiSquareTest(x, df, SurvivalMath.chiSquareSf(x, df));
  }

  /** E.g. {@code 33.27 on 7 df, p 1.33e-05}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s on %d df, p %s", Fmt.num(statistic), degreesOfFreedom,
        Fmt.pValue(pValue));
  }
}
