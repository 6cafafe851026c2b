package org.crmkit.models.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.TimeUnits;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Model diagnostics as data: the checks of Fader, Hardie &amp; Lee (2005, "Counting your
 * customers the easy way", Marketing Science 24(2), doi:10.1287/mksc.1040.0098, figures 2–5) and
 * Fader, Hardie &amp; Shang (2010, doi:10.1287/mksc.1100.0580), each returned as an immutable
 * result with {@code toTable()} (which crm-io writes as CSV or JSON) and a {@code toString()}
 * table for JShell. No plotting dependency.
 *
 * <ul>
 *   <li>{@link #frequencyHistogram}: customers by calibration repeat frequency, actual against
 *       Σ_i P(X(T_i) = x) over the customers' own ages T_i, with a χ² statistic;
 *   <li>{@link #conditionalExpectation}: mean holdout purchases by calibration frequency, actual
 *       against the model's conditional expectation;
 *   <li>{@link #tracking}: repeat purchases per period over calibration and holdout, actual
 *       against Σ E[X(t − s_i)] over the customers' first-purchase times s_i, incremental and
 *       cumulative;
 *   <li>{@link #probabilityAliveMatrix} and {@link #expectedTransactionsMatrix}: a
 *       frequency × recency grid at a given age;
 *   <li>{@link #informationCriteria}: log-likelihood, AIC and BIC of fitted models.
 * </ul>
 *
 * <p>A {@code Diagnostics} wraps one model ({@link #of(BgNbd)}, {@link #of(MbgNbd)},
 * {@link #of(BgBb)}); it holds no data and is immutable and thread-safe. Summaries in another
 * time unit than the model's are converted.
 */
public final class Diagnostics {

  private final DiagnosticsModel model;

  private Diagnostics(DiagnosticsModel model) {
    this.model = model;
  }

  /** Diagnostics of a BG/NBD model. */
  public static Diagnostics of(BgNbd m) {
    return bgFamily(m);
  }

  /** Diagnostics of an MBG/NBD model. */
  public static Diagnostics of(MbgNbd m) {
    return bgFamily(m);
  }

  private static Diagnostics bgFamily(BgFamilyModel m) {
    Checks.notNull("model", m);
    return new Diagnostics(continuous(m.name(), m.unit(), m::probabilityOfPurchases,
        m::expectedPurchases, m::conditionalExpectedPurchases, m::probabilityAlive));
  }

  /**
   * Diagnostics of a BG/BB model: times (t_x, T, horizons) must be whole numbers of
   * opportunities; P(alive) is at the next opportunity (n+1); {@link #tracking} is not
   * available (it needs calendar time).
   */
  public static Diagnostics of(BgBb m) {
    Checks.notNull("model", m);
    return new Diagnostics(DiagnosticsModel.of(m));
  }

  @FunctionalInterface
  interface Pmf {
    double apply(int n, double t);
  }

  @FunctionalInterface
  interface Conditional {
    double apply(int x, double tx, double bigT, double t);
  }

  @FunctionalInterface
  interface Alive {
    double apply(int x, double tx, double bigT);
  }

  /**
   * Adapts a continuous-time model with four parameters from its public methods (used for
   * BG/NBD and MBG/NBD, and for Pareto/NBD when it is added).
   */
  static DiagnosticsModel continuous(String name, ChronoUnit unit, Pmf pmf,
      java.util.function.DoubleUnaryOperator expected, Conditional conditional, Alive alive) {
    return new DiagnosticsModel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ChronoUnit unit() {
        return unit;
      }

      @Override
      public int parameterCount() {
        return 4;
      }

      @Override
      public double pmf(int n, double t) {
        return pmf.apply(n, t);
      }

      @Override
      public double expected(double t) {
        return expected.applyAsDouble(t);
      }

      @Override
      public double conditionalExpected(int x, double tx, double bigT, double t) {
        return conditional.apply(x, tx, bigT, t);
      }

      @Override
      public double probabilityAlive(int x, double tx, double bigT) {
        return alive.apply(x, tx, bigT);
      }
    };
  }

  /** The wrapped model's name. */
  public String model() {
    return model.name();
  }

  /** The factor from {@code unit} to the model's unit (1 for a discrete model). */
  private double factor(ChronoUnit unit) {
    return model.unit() == null ? 1 : Horizons.factor(unit, model.unit());
  }

  private static String label(int bin, int top) {
    return bin == top ? top + "+" : Integer.toString(bin);
  }

  // ------------------------------------------------------------------ frequency histogram

  /** {@link #frequencyHistogram(WeightedSummaries, int)} of every customer. */
  public FrequencyHistogram frequencyHistogram(CustomerSummaries summaries, int topBin) {
    Checks.notNull("summaries", summaries);
    return frequencyHistogram(summaries.compress(), topBin);
  }

  /**
   * Customers by calibration repeat frequency x = 0, 1, ..., topBin−1 and "topBin+", actual
   * against expected = Σ_i w_i P(X(T_i) = x) over the rows' own ages T_i (FHL 2005, figure 2);
   * the last bin's expectation is the total minus the others. The χ² statistic Σ (O − E)²/E has
   * topBin − parameters degrees of freedom (bins − 1 − parameters), meaningful when the model
   * was fitted to these summaries.
   *
   * @param topBin the first frequency pooled into the last bin, ≥ 1 (7 gives 0..6, 7+)
   */
  public FrequencyHistogram frequencyHistogram(WeightedSummaries summaries, int topBin) {
    Checks.notNull("summaries", summaries);
    Checks.positive("topBin", topBin);
    double f = factor(summaries.unit());
    double[] actual = new double[topBin + 1];
    TreeMap<Double, Double> byAge = new TreeMap<>();
    double total = 0;
    for (int i = 0; i < summaries.size(); i++) {
      double w = summaries.weight(i);
      actual[Math.min(summaries.x(i), topBin)] += w;
      byAge.merge(summaries.T(i) * f, w, Double::sum);
      total += w;
    }
    double[] ages = new double[byAge.size()];
    double[] weights = new double[byAge.size()];
    int k = 0;
    for (Map.Entry<Double, Double> e : byAge.entrySet()) {
      ages[k] = e.getKey();
      weights[k++] = e.getValue();
    }
    double[][] p = new double[ages.length][];
    RowSums.forEach(ages.length, i -> {
      double[] row = new double[topBin];
      for (int n = 0; n < topBin; n++) {
        row[n] = model.pmf(n, ages[i]);
      }
      p[i] = row;
    });
    double[] expected = new double[topBin + 1];
    for (int i = 0; i < ages.length; i++) {
      for (int n = 0; n < topBin; n++) {
        expected[n] += weights[i] * p[i][n];
      }
    }
    double rest = total;
    for (int n = 0; n < topBin; n++) {
      rest -= expected[n];
    }
    expected[topBin] = Math.max(0, rest);
    return new FrequencyHistogram(model.name(), actual, expected, model.parameterCount());
  }

  /**
   * Calibration frequency histogram, actual against model. Immutable.
   */
  public static final class FrequencyHistogram {
    private final String model;
    private final double[] actual;
    private final double[] expected;
    private final double chiSquare;
    private final int degreesOfFreedom;

    FrequencyHistogram(String model, double[] actual, double[] expected, int parameters) {
      this.model = model;
      this.actual = actual;
      this.expected = expected;
      double c = 0;
      for (int i = 0; i < actual.length; i++) {
        double d = actual[i] - expected[i];
        if (d != 0) {
          c += expected[i] > 0 ? d * d / expected[i] : Double.POSITIVE_INFINITY;
        }
      }
      this.chiSquare = c;
      this.degreesOfFreedom = actual.length - 1 - parameters;
    }

    /** The number of bins, topBin + 1. */
    public int bins() {
      return actual.length;
    }

    /** "0", "1", ..., "7+". */
    public String label(int bin) {
      return Diagnostics.label(Checks.inRange("bin", bin, 0, actual.length - 1),
          actual.length - 1);
    }

    /** Customers in each bin (sum of weights); a copy. */
    public double[] actual() {
      return actual.clone();
    }

    /** The model's expected customers in each bin; a copy. */
    public double[] expected() {
      return expected.clone();
    }

    /**
     * Pearson's Σ (O − E)²/E over the bins; +∞ when a bin with customers has expectation 0.
     */
    public double chiSquare() {
      return chiSquare;
    }

    /** bins − 1 − parameters (may be ≤ 0 with few bins). */
    public int degreesOfFreedom() {
      return degreesOfFreedom;
    }

    /**
     * P(χ²_df ≥ statistic).
     *
     * @throws IllegalStateException when the degrees of freedom are below 1 (use more bins)
     */
    public double pValue() {
      if (degreesOfFreedom < 1) {
        throw new IllegalStateException("no χ² test with " + degreesOfFreedom
            + " degrees of freedom: use a higher topBin");
      }
      if (chiSquare == Double.POSITIVE_INFINITY) {
        return 0;
      }
      return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, chiSquare / 2);
    }

    /** Columns frequency (label), actual, expected. */
    public Table toTable() {
      int n = actual.length;
      return ColumnTable.builder(n)
          .strings("frequency", i -> label(i))
          .doubles("actual", actual.clone())
          .doubles("expected", expected.clone())
          .build();
    }

    @Override
    public String toString() {
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "%s calibration frequency: chi-square %.2f, %d df%n", model, chiSquare,
          degreesOfFreedom));
      sb.append(String.format(Locale.ROOT, "  %9s  %10s  %10s%n", "frequency", "actual",
          "expected"));
      for (int i = 0; i < actual.length; i++) {
        sb.append(String.format(Locale.ROOT, "  %9s  %10.1f  %10.1f%n", label(i), actual[i],
            expected[i]));
      }
      return sb.toString().stripTrailing();
    }
  }

  // ------------------------------------------------------------------ conditional expectation

  /**
   * {@link #conditionalExpectation(CustomerSummaries, int[], double, int)} of a calibration /
   * holdout split.
   */
  public ConditionalExpectation conditionalExpectation(CalibrationHoldout split, int topBin) {
    Checks.notNull("split", split);
    return conditionalExpectation(split.calibration(), split.holdoutPurchases(),
        split.holdoutLength(), topBin);
  }

  /**
   * Mean holdout purchases by calibration frequency x = 0, ..., topBin−1, "topBin+": actual
   * against the model's E[Y(t) | x, t_x, T] for the holdout length t (FHL 2005, figure 4).
   *
   * @param calibration the calibration summaries
   * @param holdout purchases of each customer in the holdout period, indexed like calibration
   * @param holdoutLength the holdout length in the summaries' unit
   * @param topBin the first frequency pooled into the last bin, ≥ 1
   * @throws IllegalArgumentException if lengths differ or a holdout count is negative (naming
   *     the customer)
   */
  public ConditionalExpectation conditionalExpectation(CustomerSummaries calibration,
      int[] holdout, double holdoutLength, int topBin) {
    Checks.notNull("calibration", calibration);
    Checks.notNull("holdout", holdout);
    Checks.nonNegative("holdoutLength", holdoutLength);
    Checks.positive("topBin", topBin);
    int n = calibration.size();
    if (holdout.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "holdout has %d values, the calibration summaries %d customers", holdout.length, n));
    }
    for (int i = 0; i < n; i++) {
      if (holdout[i] < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': holdout purchases must be >= 0: %d", i + 1,
            calibration.customerId(i), holdout[i]));
      }
    }
    double f = factor(calibration.unit());
    double t = holdoutLength * f;
    double[] cet = new double[n];
    RowSums.forEach(n, i -> cet[i] = model.conditionalExpected(calibration.x(i),
        calibration.tx(i) * f, calibration.T(i) * f, t));
    long[] size = new long[topBin + 1];
    double[] actual = new double[topBin + 1];
    double[] expected = new double[topBin + 1];
    for (int i = 0; i < n; i++) {
      int b = Math.min(calibration.x(i), topBin);
      size[b]++;
      actual[b] += holdout[i];
      expected[b] += cet[i];
    }
    return new ConditionalExpectation(model.name(), holdoutLength, size, actual, expected);
  }

  /**
   * Holdout purchases by calibration frequency: per bin the number of customers and the totals
   * of actual and expected holdout purchases. Immutable.
   */
  public static final class ConditionalExpectation {
    private final String model;
    private final double holdoutLength;
    private final long[] customers;
    private final double[] actual;
    private final double[] expected;

    ConditionalExpectation(String model, double holdoutLength, long[] customers,
        double[] actual, double[] expected) {
      this.model = model;
      this.holdoutLength = holdoutLength;
      this.customers = customers;
      this.actual = actual;
      this.expected = expected;
    }

    /** The number of bins, topBin + 1. */
    public int bins() {
      return customers.length;
    }

    /** "0", "1", ..., "7+". */
    public String label(int bin) {
      return Diagnostics.label(Checks.inRange("bin", bin, 0, customers.length - 1),
          customers.length - 1);
    }

    /** The holdout length, in the calibration summaries' unit. */
    public double holdoutLength() {
      return holdoutLength;
    }

    /** Customers per bin (a copy). */
    public long[] customers() {
      return customers.clone();
    }

    /** Mean actual holdout purchases of bin {@code b}; 0 for an empty bin. */
    public double actualMean(int b) {
      return customers[b] == 0 ? 0 : actual[b] / customers[b];
    }

    /** Mean expected holdout purchases of bin {@code b}; 0 for an empty bin. */
    public double expectedMean(int b) {
      return customers[b] == 0 ? 0 : expected[b] / customers[b];
    }

    /** Σ actual holdout purchases over all customers. */
    public double actualTotal() {
      double s = 0;
      for (double v : actual) {
        s += v;
      }
      return s;
    }

    /** Σ expected holdout purchases over all customers. */
    public double expectedTotal() {
      double s = 0;
      for (double v : expected) {
        s += v;
      }
      return s;
    }

    /** Columns frequency, customers, actual (mean), expected (mean). */
    public Table toTable() {
      return ColumnTable.builder(customers.length)
          .strings("frequency", this::label)
          .longs("customers", customers.clone())
          .doubles("actual", this::actualMean)
          .doubles("expected", this::expectedMean)
          .build();
    }

    @Override
    public String toString() {
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "%s holdout purchases by calibration frequency (holdout %s): actual %.1f, "
              + "expected %.1f%n", model, Tables.number(holdoutLength), actualTotal(),
          expectedTotal()));
      sb.append(String.format(Locale.ROOT, "  %9s  %9s  %8s  %8s%n", "frequency", "customers",
          "actual", "expected"));
      for (int b = 0; b < customers.length; b++) {
        sb.append(String.format(Locale.ROOT, "  %9s  %,9d  %8.4f  %8.4f%n", label(b),
            customers[b], actualMean(b), expectedMean(b)));
      }
      return sb.toString().stripTrailing();
    }
  }

  // ------------------------------------------------------------------ tracking

  /**
   * {@link #tracking(TransactionLog, LocalDate, LocalDate, LocalDate, ChronoUnit)} with the
   * periods starting at the earliest first purchase of the customers.
   */
  public Tracking tracking(TransactionLog log, LocalDate calibrationEnd, LocalDate end,
      ChronoUnit period) {
    Checks.notNull("log", log);
    Checks.notNull("calibrationEnd", calibrationEnd);
    long first = Long.MAX_VALUE;
    long calEnd = calibrationEnd.toEpochDay();
    for (int c = 0; c < log.customerCount(); c++) {
      long d = log.epochDay(log.start(c));
      if (d <= calEnd) {
        first = Math.min(first, d);
      }
    }
    if (first == Long.MAX_VALUE) {
      throw new IllegalArgumentException("no customer made a first purchase on or before the "
          + "calibration end " + calibrationEnd);
    }
    return tracking(log, LocalDate.ofEpochDay(first), calibrationEnd, end, period);
  }

  /**
   * Repeat purchases per period, actual against the model (FHL 2005, figure 3): the customers
   * are those whose first purchase is on or before {@code calibrationEnd}; their repeat
   * purchases (purchase days after the first, several transactions on one day counting once,
   * as in {@link CustomerSummaries}) are counted in the period of their day. Period k (1-based)
   * holds the days d with k−1 ≤ (d − start)/(days per period) &lt; k, the last one ending at
   * {@code end}. The model's cumulative expectation at the last day e_k of period k is
   * Σ_i E[X((e_k − s_i)/u)] over the customers with first purchase day s_i ≤ e_k (u the days
   * per model unit, the same convention as T = (calibration end − first purchase)/u), computed
   * once per distinct first-purchase day.
   *
   * @param log purchases (no refunds; clean the log first)
   * @param start the first day of period 1, on or before every first purchase that counts
   * @param calibrationEnd the last day of the calibration period (inclusive)
   * @param end the last day tracked (inclusive), on or after calibrationEnd
   * @param period the period length: DAYS, WEEKS, MONTHS or YEARS (mean Gregorian lengths)
   * @throws IllegalArgumentException if the model is discrete (BG/BB), the dates are out of
   *     order, or the log holds a refund (naming the customer and date)
   */
  public Tracking tracking(TransactionLog log, LocalDate start, LocalDate calibrationEnd,
      LocalDate end, ChronoUnit period) {
    Checks.notNull("log", log);
    Checks.notNull("start", start);
    Checks.notNull("calibrationEnd", calibrationEnd);
    Checks.notNull("end", end);
    if (model.unit() == null) {
      throw new IllegalArgumentException(model.name() + " is a discrete-time model: tracking "
          + "by calendar period needs a continuous-time model");
    }
    double dpp = TimeUnits.days(period);
    double dpu = TimeUnits.days(model.unit());
    long s0 = start.toEpochDay();
    long calEnd = calibrationEnd.toEpochDay();
    long last = end.toEpochDay();
    if (calEnd < s0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "calibrationEnd (%s) must not be before start (%s)", calibrationEnd, start));
    }
    if (last < calEnd) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "end (%s) must not be before calibrationEnd (%s)", end, calibrationEnd));
    }
    int periods = index(last, s0, dpp) + 1;
    long[] actual = new long[periods];
    TreeMap<Long, Long> cohort = new TreeMap<>();
    for (int c = 0; c < log.customerCount(); c++) {
      int from = log.start(c);
      long firstDay = log.epochDay(from);
      if (firstDay > calEnd) {
        continue;
      }
      if (firstDay < s0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "customer '%s': first purchase %s is before the start %s", log.customerId(c),
            LocalDate.ofEpochDay(firstDay), start));
      }
      cohort.merge(firstDay, 1L, Long::sum);
      long day = firstDay;
      for (int row = from; row < log.end(c); row++) {
        if (log.amount(row) < 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "customer '%s', %s: amount %s is a refund; clean the log first with LogCleaner",
              log.customerId(c), log.date(row), Checks.format(log.amount(row))));
        }
        long d = log.epochDay(row);
        if (d > last) {
          break;
        }
        if (d != day) {
          actual[index(d, s0, dpp)]++;
          day = d;
        }
      }
    }
    long[] endDay = new long[periods];
    for (int k = 0; k < periods; k++) {
      long e = s0 + (long) Math.ceil((k + 1) * dpp) - 1;
      while (index(e + 1, s0, dpp) <= k) {
        e++;
      }
      while (e > s0 && index(e, s0, dpp) > k) {
        e--;
      }
      endDay[k] = Math.min(e, last);
    }
    long[] days = new long[cohort.size()];
    long[] counts = new long[cohort.size()];
    int j = 0;
    for (Map.Entry<Long, Long> e : cohort.entrySet()) {
      days[j] = e.getKey();
      counts[j++] = e.getValue();
    }
    double[] cumulative = new double[periods];
    RowSums.forEach(periods, k -> {
      double s = 0;
      for (int i = 0; i < days.length && days[i] <= endDay[k]; i++) {
        s += counts[i] * model.expected((endDay[k] - days[i]) / dpu);
      }
      cumulative[k] = s;
    });
    LocalDate[] ends = new LocalDate[periods];
    boolean[] holdout = new boolean[periods];
    for (int k = 0; k < periods; k++) {
      ends[k] = LocalDate.ofEpochDay(endDay[k]);
      holdout[k] = endDay[k] > calEnd;
    }
    return new Tracking(model.name(), period, start, ends, holdout, actual, cumulative);
  }

  private static int index(long day, long start, double daysPerPeriod) {
    return (int) Math.floor((day - start) / daysPerPeriod);
  }

  /**
   * Repeat purchases per period, actual and expected, incremental and cumulative. Immutable.
   */
  public static final class Tracking {
    private final String model;
    private final ChronoUnit period;
    private final LocalDate start;
    private final LocalDate[] ends;
    private final boolean[] holdout;
    private final long[] actual;
    private final double[] cumulativeExpected;

    Tracking(String model, ChronoUnit period, LocalDate start, LocalDate[] ends,
        boolean[] holdout, long[] actual, double[] cumulativeExpected) {
      this.model = model;
      this.period = period;
      this.start = start;
      this.ends = ends;
      this.holdout = holdout;
      this.actual = actual;
      this.cumulativeExpected = cumulativeExpected;
    }

    /** The number of periods. */
    public int periods() {
      return actual.length;
    }

    /** The period length. */
    public ChronoUnit period() {
      return period;
    }

    /** The first day of period 1. */
    public LocalDate start() {
      return start;
    }

    /** The last day of period k (1-based). */
    public LocalDate periodEnd(int k) {
      return ends[at(k)];
    }

    /** Whether period k (1-based) ends after the calibration end. */
    public boolean isHoldout(int k) {
      return holdout[at(k)];
    }

    /** Actual repeat purchases in period k (1-based). */
    public long actual(int k) {
      return actual[at(k)];
    }

    /** Expected repeat purchases in period k (1-based). */
    public double expected(int k) {
      int i = at(k);
      return cumulativeExpected[i] - (i == 0 ? 0 : cumulativeExpected[i - 1]);
    }

    /** Actual repeat purchases in periods 1..k. */
    public long actualCumulative(int k) {
      int i = at(k);
      long s = 0;
      for (int j = 0; j <= i; j++) {
        s += actual[j];
      }
      return s;
    }

    /** Expected repeat purchases in periods 1..k. */
    public double expectedCumulative(int k) {
      return cumulativeExpected[at(k)];
    }

    private int at(int k) {
      return Checks.inRange("period", k, 1, actual.length) - 1;
    }

    /**
     * Columns period, period_end, holdout, actual, expected, actual_cumulative,
     * expected_cumulative.
     */
    public Table toTable() {
      int n = actual.length;
      return ColumnTable.builder(n)
          .longs("period", java.util.stream.IntStream.rangeClosed(1, n).toArray())
          .dates("period_end", i -> ends[i])
          .booleans("holdout", holdout.clone())
          .longs("actual", actual.clone())
          .doubles("expected", i -> expected(i + 1))
          .longs("actual_cumulative", java.util.stream.IntStream.rangeClosed(1, n)
              .mapToLong(this::actualCumulative).toArray())
          .doubles("expected_cumulative", cumulativeExpected.clone())
          .build();
    }

    @Override
    public String toString() {
      int n = actual.length;
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "%s tracking: %d %s from %s; cumulative actual %,d, expected %.1f%n", model, n,
          period.name().toLowerCase(Locale.ROOT), start, actualCumulative(n),
          expectedCumulative(n)));
      sb.append(String.format(Locale.ROOT, "  %6s  %10s  %7s  %6s  %8s  %10s  %10s%n", "period",
          "end", "holdout", "actual", "expected", "cum.actual", "cum.expect"));
      int shown = Math.min(n, 20);
      for (int k = 1; k <= shown; k++) {
        sb.append(String.format(Locale.ROOT, "  %6d  %10s  %7s  %6d  %8.2f  %10d  %10.2f%n", k,
            periodEnd(k), isHoldout(k) ? "yes" : "", actual(k), expected(k),
            actualCumulative(k), expectedCumulative(k)));
      }
      if (n > shown) {
        sb.append(String.format(Locale.ROOT, "  … %,d more%n", n - shown));
      }
      return sb.toString().stripTrailing();
    }
  }

  // ------------------------------------------------------------------ matrices

  /**
   * P(alive | x, t_x, T) for x = 0..maxFrequency and t_x = T·j/recencySteps, j = 0..steps, at
   * age T in the model's unit (for BG/BB: opportunities, P(alive) at the next one, and a
   * recency grid that must fall on whole opportunities). Cells that are not possible histories
   * (x = 0 with t_x &gt; 0; for BG/BB also x &gt; t_x) are absent.
   *
   * @throws IllegalArgumentException if T is negative or not finite, maxFrequency &lt; 0 or
   *     recencySteps &lt; 1
   */
  public RecencyFrequencyMatrix probabilityAliveMatrix(double bigT, int maxFrequency,
      int recencySteps) {
    return matrix("p_alive", bigT, maxFrequency, recencySteps, model::probabilityAlive);
  }

  /**
   * E[Y(t) | x, t_x, T], the expected purchases in the next {@code horizon} (model unit) on the
   * same grid as {@link #probabilityAliveMatrix}.
   */
  public RecencyFrequencyMatrix expectedTransactionsMatrix(double bigT, int maxFrequency,
      int recencySteps, double horizon) {
    Checks.nonNegative("horizon", horizon);
    return matrix("expected_transactions", bigT, maxFrequency, recencySteps,
        (x, tx, t) -> model.conditionalExpected(x, tx, t, horizon));
  }

  private RecencyFrequencyMatrix matrix(String quantity, double bigT, int maxFrequency,
      int steps, Alive f) {
    Checks.nonNegative("T", bigT);
    Checks.nonNegative("maxFrequency", maxFrequency);
    Checks.positive("recencySteps", steps);
    double[] recency = new double[steps + 1];
    for (int j = 0; j <= steps; j++) {
      recency[j] = j == steps ? bigT : bigT * j / steps;
    }
    double[][] v = new double[maxFrequency + 1][steps + 1];
    RowSums.forEach(maxFrequency + 1, x -> {
      for (int j = 0; j <= steps; j++) {
        v[x][j] = model.possible(x, recency[j], bigT) ? f.apply(x, recency[j], bigT)
            : Double.NaN;
      }
    });
    return new RecencyFrequencyMatrix(model.name(), quantity, bigT, recency, v);
  }

  /**
   * A frequency × recency grid of one quantity at a fixed age T. Cells that are not possible
   * histories are absent: {@link #isPresent} is false, {@link #value} throws, and the table has
   * a missing cell. Immutable.
   */
  public static final class RecencyFrequencyMatrix {
    private final String model;
    private final String quantity;
    private final double bigT;
    private final double[] recency;
    private final double[][] values;

    RecencyFrequencyMatrix(String model, String quantity, double bigT, double[] recency,
        double[][] values) {
      this.model = model;
      this.quantity = quantity;
      this.bigT = bigT;
      this.recency = recency;
      this.values = values;
    }

    /** What the cells hold: "p_alive" or "expected_transactions". */
    public String quantity() {
      return quantity;
    }

    /** The age T of every cell. */
    public double age() {
      return bigT;
    }

    /** The largest frequency (rows are x = 0..maxFrequency). */
    public int maxFrequency() {
      return values.length - 1;
    }

    /** The recency grid (a copy). */
    public double[] recency() {
      return recency.clone();
    }

    /** Whether the cell (x, recency index j) is a possible history. */
    public boolean isPresent(int x, int j) {
      return !Double.isNaN(values[Checks.inRange("x", x, 0, values.length - 1)]
          [Checks.inRange("j", j, 0, recency.length - 1)]);
    }

    /**
     * The value at frequency x and recency index j.
     *
     * @throws IllegalArgumentException if the cell is absent or out of range
     */
    public double value(int x, int j) {
      if (!isPresent(x, j)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "x = %d with t_x = %s is not a possible history at T = %s", x,
            Checks.format(recency[j]), Checks.format(bigT)));
      }
      return values[x][j];
    }

    /** Long format: columns frequency, recency, and the quantity (missing where absent). */
    public Table toTable() {
      int cols = recency.length;
      int n = values.length * cols;
      return ColumnTable.builder(n)
          .longs("frequency", java.util.stream.IntStream.range(0, n).map(i -> i / cols)
              .toArray())
          .doubles("recency", i -> recency[i % cols])
          .doubles(quantity, i -> values[i / cols][i % cols])
          .build();
    }

    @Override
    public String toString() {
      var sb = new StringBuilder(String.format(Locale.ROOT,
          "%s %s by frequency (rows) and recency (columns), T = %s%n", model, quantity,
          Tables.number(bigT)));
      sb.append(String.format(Locale.ROOT, "  %5s", "x"));
      for (double r : recency) {
        sb.append(String.format(Locale.ROOT, " %7.2f", r));
      }
      sb.append(System.lineSeparator());
      int shown = Math.min(values.length, 21);
      for (int x = 0; x < shown; x++) {
        sb.append(String.format(Locale.ROOT, "  %5d", x));
        for (double v : values[x]) {
          sb.append(Double.isNaN(v) ? String.format(Locale.ROOT, " %7s", "-")
              : String.format(Locale.ROOT, " %7.4f", v));
        }
        sb.append(System.lineSeparator());
      }
      if (values.length > shown) {
        sb.append(String.format(Locale.ROOT, "  … %,d more%n", values.length - shown));
      }
      return sb.toString().stripTrailing();
    }
  }

  // ------------------------------------------------------------------ information criteria

  /**
   * Log-likelihood, AIC = 2k − 2 LL and BIC = k ln N − 2 LL of fitted models, from their states
   * (k parameters, N customers of the fit). Compare only models fitted to the same data.
   *
   * @throws IllegalArgumentException if the list is empty or a state has no fit report (its
   *     parameters were given, not fitted)
   */
  public static InformationCriteria informationCriteria(List<ModelState> states) {
    Checks.notNull("states", states);
    if (states.isEmpty()) {
      throw new IllegalArgumentException("no models to compare");
    }
    List<InformationCriteria.Row> rows = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      ModelState s = Checks.notNull("states[" + i + "]", states.get(i));
      if (s.report() == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "states[%d] (%s) was built from given parameters, not fitted: no log-likelihood",
            i, s.model()));
      }
      int k = s.parameters().size();
      double ll = s.report().logLikelihood();
      double n = s.report().customers();
      rows.add(new InformationCriteria.Row(s.model(), k, n, ll, 2 * k - 2 * ll,
          k * Math.log(n) - 2 * ll, s.report().converged()));
    }
    return new InformationCriteria(rows);
  }

  /**
   * Log-likelihood, AIC and BIC of fitted models, one row each.
   *
   * @param rows the models in the order given
   */
  public record InformationCriteria(List<Row> rows) {

    /**
     * One model.
     *
     * @param model the model's name
     * @param parameters k
     * @param customers N, the customers of the fit
     * @param logLikelihood LL at the estimates
     * @param aic 2k − 2 LL
     * @param bic k ln N − 2 LL
     * @param converged the fit report's flag
     */
    public record Row(String model, int parameters, double customers, double logLikelihood,
        double aic, double bic, boolean converged) {}

    /** Copies the rows. */
    public InformationCriteria {
      rows = List.copyOf(rows);
    }

    /** Columns model, parameters, customers, log_likelihood, aic, bic, converged. */
    public Table toTable() {
      int n = rows.size();
      return ColumnTable.builder(n)
          .strings("model", i -> rows.get(i).model())
          .longs("parameters", rows.stream().mapToInt(Row::parameters).toArray())
          .doubles("customers", i -> rows.get(i).customers())
          .doubles("log_likelihood", i -> rows.get(i).logLikelihood())
          .doubles("aic", i -> rows.get(i).aic())
          .doubles("bic", i -> rows.get(i).bic())
          .booleans("converged", toBooleans())
          .build();
    }

    private boolean[] toBooleans() {
      boolean[] b = new boolean[rows.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = rows.get(i).converged();
      }
      return b;
    }

    @Override
    public String toString() {
      int w = 5;
      for (Row r : rows) {
        w = Math.max(w, r.model().length());
      }
      var sb = new StringBuilder("Information criteria" + System.lineSeparator());
      String head = "  %-" + w + "s  %2s  %10s  %12s  %12s  %12s%s%n";
      sb.append(String.format(Locale.ROOT, head, "model", "k", "customers", "log-lik", "AIC",
          "BIC", ""));
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %2d  %,10.0f  %12.2f  %12.2f  "
                + "%12.2f%s%n", r.model(), r.parameters(), r.customers(), r.logLikelihood(),
            r.aic(), r.bic(), r.converged() ? "" : "  NOT CONVERGED"));
      }
      return sb.toString().stripTrailing();
    }
  }
}
