package org.crmkit.models.survival;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * A survival curve as a right-continuous step function: S(t) = 1 before the first time, the value
 * at the last time t_j &le; t otherwise. Used for the Cox model's predicted curves.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class SurvivalCurve {

  private final double[] times;
  private final double[] survival;

  /**
   * A curve through (times[j], survival[j]).
   *
   * @param times strictly increasing, finite
   * @param survival non-increasing values in [0, 1]
   * @throws IllegalArgumentException if the arrays differ in length or break these rules
   */
  public static SurvivalCurve of(double[] times, double[] survival) {
    Checks.notNull("times", times);
    Checks.notNull("survival", survival);
    return new SurvivalCurve(times.clone(), survival.clone());
  }

  SurvivalCurve(double[] times, double[] survival) {
    if (times.length != survival.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "survival has %d values but times has %d", survival.length, times.length));
    }
    double prevS = 1.0;
    for (int j = 0; j < times.length; j++) {
      if (!Double.isFinite(times[j]) || (j > 0 && !(times[j] > times[j - 1]))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "times must be finite and strictly increasing: times[%d] = %s", j, times[j]));
      }
      if (!(survival[j] >= 0 && survival[j] <= prevS)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "survival must be non-increasing in [0, 1]: survival[%d] = %s", j, survival[j]));
      }
      prevS = survival[j];
    }
    this.times = times;
    this.survival = survival;
  }

  /** The step times, increasing. */
  public double[] times() {
    return times.clone();
  }

  /** S at each of {@link #times()}. */
  public double[] survival() {
    return survival.clone();
  }

  /**
   * S(t): 1 before the first time.
   *
   * @throws IllegalArgumentException if t is NaN
   */
  public double at(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("time must not be NaN");
    }
    int j = RiskTable.indexAtOrBefore(times, t);
    return j < 0 ? 1.0 : survival[j];
  }

  /** The smallest time with S(t) &le; 0.5, or +∞ if the curve stays above 0.5. */
  public double median() {
    for (int j = 0; j < times.length; j++) {
      if (survival[j] <= 0.5) {
        return times[j];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** A two-column table (time, survival); past 20 rows, "… n more". */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Survival curve: %s steps, median %s\n", Fmt.count(times.length), Fmt.num(median())));
    String[][] cells = new String[Math.min(times.length, Fmt.MAX_ROWS)][];
    for (int j = 0; j < cells.length; j++) {
      cells[j] = new String[] {Fmt.num(times[j]), Fmt.p4(survival[j])};
    }
    Tables.append(sb, new String[] {"time", "survival"}, cells);
    if (times.length > cells.length) {
      sb.append(String.format(Locale.ROOT, "  … %s more\n", Fmt.count(times.length - cells.length)));
    }
    return sb.toString().stripTrailing();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalCurve c && Arrays.equals(times, c.times)
        && Arrays.equals(survival, c.survival);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(times) + Arrays.hashCode(survival);
  }
}
