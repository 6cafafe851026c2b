package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Monthly acquisition cohorts from a transaction log: rows are the months of the customers'
 * first purchases, columns the months since (0, 1, 2, ...), cells the number of cohort customers
 * who purchased in that month, and the cohort's revenue in it.
 *
 * <p>A purchase is a row with amount &ge; 0; dates are read in the log's zone; rows after the
 * observation end ({@code through}) are ignored. A customer's cohort is the month of the first
 * purchase; customers with refunds only have no cohort and are counted in
 * {@code customersWithoutPurchase}. Revenue cells are net: every row of the cohort's customers
 * dated in the month, refunds included; refunds dated before a customer's first purchase fit no
 * cell and are counted in {@code unassignedRows}.
 *
 * <p>Cohort c has {@code months since} 0..K_c, K_c = months from its month to the month of
 * {@code through}: the matrix is triangular (jagged arrays), and the last column of each cohort
 * is partial when {@code through} is not a month end. Rates: active(c, k) / size(c); revenue
 * retention: revenue(c, k) / revenue(c, 0).
 *
 * @param cohorts the cohort months, ascending
 * @param sizes customers per cohort
 * @param active active[c][k]: cohort c customers with a purchase k months after the cohort's
 *     month (active[c][0] = sizes[c])
 * @param revenue revenue[c][k]: net amounts of cohort c's customers in that month
 * @param through the observation end
 * @param customersWithoutPurchase customers of the log with no purchase up to {@code through}
 * @param unassignedRows rows up to {@code through} that fit no cell (refunds before a first
 *     purchase, rows of customers without purchase)
 */
public record CohortMatrix(List<YearMonth> cohorts, long[] sizes, long[][] active,
    double[][] revenue, LocalDate through, long customersWithoutPurchase, long unassignedRows) {

  /** Checks shapes (one row per cohort, K_c + 1 columns) and copies the arrays. */
  public CohortMatrix {
    cohorts = List.copyOf(Checks.notNull("cohorts", cohorts));
    Checks.notNull("through", through);
    Checks.notNull("sizes", sizes);
    Checks.notNull("active", active);
    Checks.notNull("revenue", revenue);
    int n = cohorts.size();
    if (sizes.length != n || active.length != n || revenue.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shapes differ: %d cohorts, %d sizes, %d active rows, %d revenue rows", n,
          sizes.length, active.length, revenue.length));
    }
    YearMonth last = YearMonth.from(through);
    sizes = sizes.clone();
    active = deepCopy(active);
    revenue = deepCopy(revenue);
    for (int c = 0; c < n; c++) {
      int k = (int) cohorts.get(c).until(last, ChronoUnit.MONTHS) + 1;
      if (k < 1 || active[c].length != k || revenue[c].length != k) {
        throw new IllegalArgumentException("cohort " + cohorts.get(c) + " must have " + k
            + " columns up to " + last);
      }
      if (sizes[c] <= 0 || active[c][0] != sizes[c]) {
        throw new IllegalArgumentException("cohort " + cohorts.get(c) + ": size " + sizes[c]
            + " must be > 0 and equal active in month 0 (" + active[c][0] + ")");
      }
      for (int j = 0; j < k; j++) {
        Checks.inRange("active[" + c + "][" + j + "]", active[c][j], 0, sizes[c]);
        Checks.finite("revenue[" + c + "][" + j + "]", revenue[c][j]);
      }
    }
    Checks.nonNegative("customersWithoutPurchase", customersWithoutPurchase);
    Checks.nonNegative("unassignedRows", unassignedRows);
  }

  private static long[][] deepCopy(long[][] a) {
    long[][] out = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = Checks.notNull("row " + i, a[i]).clone();
    }
    return out;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = Checks.notNull("row " + i, a[i]).clone();
    }
    return out;
  }

  /** Monthly cohorts of {@code log} observed up to its last date. */
  public static CohortMatrix of(TransactionLog log) {
    Checks.notNull("log", log);
    if (log.isEmpty()) {
      throw new IllegalArgumentException("the transaction log is empty: no cohort");
    }
    return of(log, log.lastDate());
  }

  /**
   * Monthly cohorts of {@code log} observed up to {@code through} (inclusive).
   *
   * @throws IllegalArgumentException if no customer purchased up to {@code through}
   */
  public static CohortMatrix of(TransactionLog log, LocalDate through) {
    Checks.notNull("log", log);
    Checks.notNull("through", through);
    long end = through.toEpochDay();
    YearMonth last = YearMonth.from(through);
    // cohort month -> per-customer rows; first pass finds each customer's cohort
    TreeMap<YearMonth, List<Integer>> byCohort = new TreeMap<>();
    long without = 0;
    long unassigned = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      long first = Long.MAX_VALUE;
      for (int row = log.start(c); row < log.end(c); row++) {
        long d = log.epochDay(row);
        if (d <= end && log.amount(row) >= 0) {
          first = Math.min(first, d);
        }
      }
      if (first == Long.MAX_VALUE) {
        without++;
        for (int row = log.start(c); row < log.end(c); row++) {
          unassigned += log.epochDay(row) <= end ? 1 : 0;
        }
        continue;
      }
      byCohort.computeIfAbsent(YearMonth.from(LocalDate.ofEpochDay(first)),
          k -> new ArrayList<>()).add(c);
    }
    if (byCohort.isEmpty()) {
      throw new IllegalArgumentException("no purchase up to " + through + ": no cohort");
    }
    List<YearMonth> cohorts = new ArrayList<>(byCohort.keySet());
    int n = cohorts.size();
    long[] sizes = new long[n];
    long[][] active = new long[n][];
    double[][] revenue = new double[n][];
    for (int i = 0; i < n; i++) {
      YearMonth m = cohorts.get(i);
      int k = (int) m.until(last, ChronoUnit.MONTHS) + 1;
      active[i] = new long[k];
      revenue[i] = new double[k];
      List<Integer> members = byCohort.get(m);
      sizes[i] = members.size();
      for (int c : members) {
        int lastActive = -1;
        for (int row = log.start(c); row < log.end(c); row++) {
          long d = log.epochDay(row);
          if (d > end) {
            continue;
          }
          int j = (int) m.until(YearMonth.from(LocalDate.ofEpochDay(d)), ChronoUnit.MONTHS);
          if (j < 0) {
            unassigned++;
            continue;
          }
          revenue[i][j] += log.amount(row);
          if (log.amount(row) >= 0 && j != lastActive) {
            active[i][j]++;
            lastActive = j;   // rows are in time order: a month's rows are adjacent
          }
        }
      }
    }
    return new CohortMatrix(cohorts, sizes, active, revenue, through, without, unassigned);
  }

  /** The number of cohorts. */
  public int size() {
    return cohorts.size();
  }

  /** Customers with a cohort: the sum of the sizes. */
  public long customers() {
    return Arrays.stream(sizes).sum();
  }

  /** A copy of the cohort sizes. */
  @Override
  public long[] sizes() {
    return sizes.clone();
  }

  /** A copy of the active counts. */
  @Override
  public long[][] active() {
    return deepCopy(active);
  }

  /** A copy of the revenue cells. */
  @Override
  public double[][] revenue() {
    return deepCopy(revenue);
  }

  /** active[c][k] / sizes[c]: the share of cohort c purchasing k months after its month. */
  public double retentionRate(int cohort, int monthsSince) {
    check(cohort, monthsSince);
    return (double) active[cohort][monthsSince] / sizes[cohort];
  }

  /** The retention rate as a proportion, with its Wilson interval. */
  public Proportion retention(int cohort, int monthsSince) {
    check(cohort, monthsSince);
    return Proportion.of(active[cohort][monthsSince], sizes[cohort]);
  }

  /** All retention rates, same jagged shape as {@link #active()}. */
  public double[][] retentionRates() {
    double[][] out = new double[active.length][];
    for (int c = 0; c < active.length; c++) {
      out[c] = new double[active[c].length];
      for (int k = 0; k < active[c].length; k++) {
        out[c][k] = (double) active[c][k] / sizes[c];
      }
    }
    return out;
  }

  /**
   * Revenue retention revenue[c][k] / revenue[c][0] (can exceed 1 when customers spend more).
   *
   * @throws IllegalStateException if the cohort's month-0 revenue is not &gt; 0
   */
  public double revenueRetention(int cohort, int monthsSince) {
    check(cohort, monthsSince);
    double base = revenue[cohort][0];
    if (!(base > 0)) {
      throw new IllegalStateException("cohort " + cohorts.get(cohort)
          + " has month-0 revenue " + base + ": revenue retention is undefined");
    }
    return revenue[cohort][monthsSince] / base;
  }

  private void check(int cohort, int monthsSince) {
    Checks.inRange("cohort", cohort, 0, cohorts.size() - 1);
    Checks.inRange("monthsSince", monthsSince, 0, active[cohort].length - 1);
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof CohortMatrix m && cohorts.equals(m.cohorts) && through.equals(m.through)
        && customersWithoutPurchase == m.customersWithoutPurchase
        && unassignedRows == m.unassignedRows && Arrays.equals(sizes, m.sizes)
        && Arrays.deepEquals(active, m.active) && Arrays.deepEquals(revenue, m.revenue);
  }

  @Override
  public int hashCode() {
    return cohorts.hashCode() * 31 + Arrays.deepHashCode(active);
  }

  /** Retention rates in percent: one line per cohort (at most 20), at most 12 months shown. */
  @Override
  public String toString() {
    int cols = 0;
    for (long[] row : active) {
      cols = Math.max(cols, Math.min(12, row.length));
    }
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "cohorts: %,d customers in %d monthly cohorts through %s; retention %%%n", customers(),
        cohorts.size(), through));
    sb.append(String.format(Locale.ROOT, "  %-7s  %7s", "cohort", "size"));
    for (int k = 0; k < cols; k++) {
      sb.append(String.format(Locale.ROOT, "  %5s", "+" + k));
    }
    int shown = Math.min(20, cohorts.size());
    for (int c = 0; c < shown; c++) {
      sb.append(String.format(Locale.ROOT, "%n  %-7s  %,7d", cohorts.get(c), sizes[c]));
      for (int k = 0; k < Math.min(cols, active[c].length); k++) {
        sb.append(String.format(Locale.ROOT, "  %5.1f", 100.0 * active[c][k] / sizes[c]));
      }
    }
    if (cohorts.size() > shown) {
      sb.append(String.format(Locale.ROOT, "%n  … %,d more", cohorts.size() - shown));
    }
    return sb.toString();
  }
}
