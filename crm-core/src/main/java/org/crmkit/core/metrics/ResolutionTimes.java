package org.crmkit.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * Resolution times (opening to last resolution) of the resolved tickets of a group, and the
 * number of open tickets, which have no resolution time and are left out of every statistic
 * here — counted in {@code open}, never silently.
 *
 * <p><b>Percentiles</b> use the linear interpolation between order statistics that R calls type
 * 7 (Hyndman &amp; Fan 1996, the default of R's {@code quantile}, NumPy's {@code percentile} and
 * Excel's {@code PERCENTILE.INC}): with the n times sorted, x₀ &le; … &le; x_{n−1}, and
 * h = (n − 1)·p, the p-th percentile is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋). So the median of
 * an even number of times is the mean of the middle two, and the 90th percentile of
 * 1, 2, 3, 4 and 10 hours is 4 h + 0.6·6 h = 7 h 36 min. Results are exact to the nanosecond.
 * Hyndman, R. J. &amp; Fan, Y. (1996), Sample quantiles in statistical packages, The American
 * Statistician 50(4), 361–365, doi:10.1080/00031305.1996.10473566.
 *
 * <p>Right-censoring: open tickets would, once resolved, add long times; leaving them out biases
 * the percentiles down when many tickets are open. Compare {@code open} with {@code resolved()}
 * before reading them, or use a survival estimate (crm-models) for heavily censored data.
 *
 * @param sorted the resolution times of the resolved tickets, ascending (copied)
 * @param open the number of open tickets of the group, left out
 */
public record ResolutionTimes(List<Duration> sorted, long open) {

  /** Checks the components: times non-null, non-negative, ascending; open &ge; 0. Copies. */
  public ResolutionTimes {
    Checks.notNull("sorted", sorted);
    Duration previous = Duration.ZERO;
    for (int i = 0; i < sorted.size(); i++) {
      Duration d = Checks.notNull("sorted[" + i + "]", sorted.get(i));
      if (d.compareTo(previous) < 0) {
        throw new IllegalArgumentException("sorted[" + i + "] = " + d
            + (d.isNegative() ? " is negative" : " is below the time before it, " + previous));
      }
      previous = d;
    }
    sorted = List.copyOf(sorted);
    Checks.nonNegative("open", open);
  }

  /** Sorts the times of the resolved tickets. */
  static ResolutionTimes of(List<Duration> times, long open) {
    List<Duration> s = new ArrayList<>(times);
    s.sort(null);
    return new ResolutionTimes(s, open);
  }

  /** The number of resolved tickets (with a resolution time). */
  public long resolved() {
    return sorted.size();
  }

  /** The median resolution time (type-7 percentile 0.5); empty when nothing is resolved. */
  public Optional<Duration> median() {
    return percentile(0.5);
  }

  /** The 90th percentile (type 7); empty when nothing is resolved. */
  public Optional<Duration> p90() {
    return percentile(0.9);
  }

  /**
   * The p-th percentile (type 7, see the class description) of the resolution times; empty when
   * nothing is resolved.
   *
   * @param p in [0, 1]
   */
  public Optional<Duration> percentile(double p) {
    Checks.inRange("p", p, 0, 1);
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(quantile7(sorted, p));
  }

  /** The type-7 quantile of sorted durations, exact to the nanosecond. */
  static Duration quantile7(List<Duration> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    double f = h - lo;
    Duration x = sorted.get(lo);
    if (f == 0 || lo + 1 >= sorted.size()) {
      return x;
    }
    Duration gap = sorted.get(lo + 1).minus(x);
    BigDecimal seconds = BigDecimal.valueOf(gap.getSeconds())
        .add(BigDecimal.valueOf(gap.getNano(), 9))
        .multiply(new BigDecimal(f))
        .setScale(9, RoundingMode.HALF_EVEN);
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
    return x.plusSeconds(whole.longValueExact()).plusNanos(nanos);
  }

  /** {@code median PT3H, p90 PT7H36M (5 resolved; 2 open excluded)}. */
  @Override
  public String toString() {
    if (sorted.isEmpty()) {
      return "no resolved ticket (" + Stats.count(open) + " open excluded)";
    }
    return "median " + median().orElseThrow() + ", p90 " + p90().orElseThrow() + " ("
        + Stats.count(resolved()) + " resolved; " + Stats.count(open) + " open excluded)";
  }
}
