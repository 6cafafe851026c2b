package org.crmkit.core.summary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Buy-till-you-die customer summaries: for every customer, the repeat frequency x, the recency
 * t_x and the age T at an observation end, in an explicit time unit, plus the mean repeat spend,
 * the first and last purchase dates, the number of orders and the total spend.
 *
 * <p>Conventions (Fader, Hardie &amp; Lee 2005; the CDNOW analyses of Fader &amp; Hardie):
 *
 * <ul>
 *   <li>A purchase period is a calendar day: all transactions of a customer on one day count as one
 *       purchase, their amounts summed. For a timestamped log the day is read in the log's zone.
 *   <li>x = number of distinct purchase days up to and including the observation end, minus one.
 *   <li>t_x = (last purchase day − first purchase day) / days per unit.
 *   <li>T = (observation end − first purchase day) / days per unit.
 *   <li>monetary = mean of the amounts of the repeat purchase days (the first day excluded);
 *       0 when x = 0.
 *   <li>orders = transactions (rows) up to the observation end; totalSpend = their sum.
 * </ul>
 *
 * <p>Days per unit: see {@link TimeUnits#days(ChronoUnit)}. Transactions after the observation
 * end are not part of the summary; customers whose first purchase is after it are left out. Both
 * are counted ({@link #transactionsAfterEnd()}, {@link #customersAfterEnd()}), never dropped
 * silently. A log with negative amounts (refunds) is rejected: clean it first with
 * {@link org.crmkit.core.log.LogCleaner}, whose policies say what a refund means.
 *
 * <p>Storage is columnar; customers are in the log's order (ascending id). Instances are
 * immutable and thread-safe.
 */
public final class CustomerSummaries {

  private final String[] ids;
  private final int[] x;
  private final double[] tx;
  private final double[] bigT;
  private final ChronoUnit unit;
  private final LocalDate observationEnd;
  private final double[] monetary;
  private final long[] firstDay;
  private final long[] lastDay;
  private final int[] orders;
  private final double[] spend;
  private final int customersAfterEnd;
  private final long transactionsAfterEnd;

  private CustomerSummaries(String[] ids, int[] x, double[] tx, double[] bigT, ChronoUnit unit,
      LocalDate observationEnd, double[] monetary, long[] firstDay, long[] lastDay, int[] orders,
      double[] spend, int customersAfterEnd, long transactionsAfterEnd) {
    this.ids = ids;
    this.x = x;
    this.tx = tx;
    this.bigT = bigT;
    this.unit = unit;
    this.observationEnd = observationEnd;
    this.monetary = monetary;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.orders = orders;
    this.spend = spend;
    this.customersAfterEnd = customersAfterEnd;
    this.transactionsAfterEnd = transactionsAfterEnd;
  }

  /**
   * Summarises every customer of {@code log} whose first purchase is on or before
   * {@code observationEnd}.
   *
   * @param log the transactions; no negative amounts
   * @param observationEnd the last day of observation (inclusive)
   * @param unit DAYS, WEEKS, MONTHS or YEARS
   * @throws IllegalArgumentException if the log holds a refund, or an argument is null or invalid
   */
  public static CustomerSummaries of(TransactionLog log, LocalDate observationEnd,
      ChronoUnit unit) {
    Checks.notNull("log", log);
    Checks.notNull("observationEnd", observationEnd);
    double daysPerUnit = TimeUnits.days(unit);
    long end = observationEnd.toEpochDay();
    int n = log.customerCount();
    String[] ids = new String[n];
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] bigT = new double[n];
    double[] monetary = new double[n];
    long[] first = new long[n];
    long[] last = new long[n];
    int[] orders = new int[n];
    double[] spend = new double[n];
    int k = 0;
    int customersAfter = 0;
    long rowsAfter = 0;
    for (int c = 0; c < n; c++) {
      int from = log.start(c);
      int to = log.end(c);
      long firstD = log.epochDay(from);
      if (firstD > end) {
        customersAfter++;
        rowsAfter += to - from;
        continue;
      }
      int periods = 0;
      long day = Long.MIN_VALUE;
      double dayAmount = 0;
      double repeatSum = 0;
      double total = 0;
      int rows = 0;
      for (int row = from; row < to; row++) {
        double a = log.amount(row);
        if (a < 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "customer '%s', %s: amount %s is a refund; clean the log first with LogCleaner "
                  + "(refunds KEEP, NET_AGAINST_DAY or REJECT) and summarise only purchases",
              log.customerId(c), log.date(row), Checks.format(a)));
        }
        long d = log.epochDay(row);
        if (d > end) {
          rowsAfter += to - row;
          break;
        }
        rows++;
        total += a;
        if (d != day) {
          if (periods > 1) {
            repeatSum += dayAmount;
          }
          periods++;
          day = d;
          dayAmount = 0;
        }
        dayAmount += a;
      }
      if (periods > 1) {
        repeatSum += dayAmount;
      }
      ids[k] = log.customerId(c);
      x[k] = periods - 1;
      first[k] = firstD;
      last[k] = day;
      tx[k] = (day - firstD) / daysPerUnit;
      bigT[k] = (end - firstD) / daysPerUnit;
      monetary[k] = periods > 1 ? repeatSum / (periods - 1) : 0.0;
      orders[k] = rows;
      spend[k] = total;
      k++;
    }
    return new CustomerSummaries(Arrays.copyOf(ids, k), Arrays.copyOf(x, k),
        Arrays.copyOf(tx, k), Arrays.copyOf(bigT, k), unit, observationEnd,
        Arrays.copyOf(monetary, k), Arrays.copyOf(first, k), Arrays.copyOf(last, k),
        Arrays.copyOf(orders, k), Arrays.copyOf(spend, k), customersAfter, rowsAfter);
  }

  /**
   * Summaries given as columns (for example read from a file of x, t_x and T), without monetary
   * values or purchase dates.
   *
   * @throws IllegalArgumentException naming the customer and the value when x is negative, a time
   *     is negative or not finite, t_x &gt; T, an id is blank or repeated, or lengths differ
   */
  public static CustomerSummaries ofColumns(String[] ids, int[] x, double[] tx, double[] T,
      ChronoUnit unit) {
    return ofColumns(ids, x, tx, T, null, unit);
  }

  /**
   * Summaries given as columns, with the mean repeat spend ({@code monetary}, may be null).
   *
   * @throws IllegalArgumentException naming the customer and the value when x is negative, a time
   *     is negative or not finite, t_x &gt; T, monetary is negative or not finite, an id is blank
   *     or repeated, or lengths differ
   */
  public static CustomerSummaries ofColumns(String[] ids, int[] x, double[] tx, double[] T,
      double[] monetary, ChronoUnit unit) {
    Checks.notNull("ids", ids);
    Checks.notNull("x", x);
    Checks.notNull("tx", tx);
    Checks.notNull("T", T);
    TimeUnits.days(unit);
    int n = ids.length;
    if (x.length != n || tx.length != n || T.length != n
        || (monetary != null && monetary.length != n)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "columns differ in length: ids %d, x %d, tx %d, T %d%s", n, x.length, tx.length,
          T.length, monetary == null ? "" : ", monetary " + monetary.length));
    }
    var seen = new java.util.HashSet<String>(n * 2);
    for (int i = 0; i < n; i++) {
      String id = ids[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: customer id is %s", i + 1, id == null ? "null" : "blank"));
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': customer id appears twice", i + 1, id));
      }
      String who = String.format(Locale.ROOT, "row %d, customer '%s': ", i + 1, id);
      checkRow(who, x[i], tx[i], T[i]);
      if (monetary != null && !(monetary[i] >= 0 && monetary[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(who + "monetary must be finite and >= 0: "
            + monetary[i]);
      }
    }
    return new CustomerSummaries(ids.clone(), x.clone(), tx.clone(), T.clone(), unit, null,
        monetary == null ? null : monetary.clone(), null, null, null, null, 0, 0);
  }

  /**
   * Checks one (x, t_x, T) row: x &ge; 0, t_x and T finite and &ge; 0, t_x &le; T, t_x = 0 when
   * x = 0; the message starts with {@code who} (the row and customer).
   */
  static void checkRow(String who, int x, double tx, double T) {
    if (x < 0) {
      throw new IllegalArgumentException(who + "x must be >= 0: " + x);
    }
    if (!(tx >= 0 && tx < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(who + "t_x must be finite and >= 0: " + tx);
    }
    if (!(T >= 0 && T < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(who + "T must be finite and >= 0: " + T);
    }
    if (tx > T) {
      throw new IllegalArgumentException(who + "t_x (" + tx + ") must not exceed T (" + T + ")");
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException(who + "t_x must be 0 when x = 0: " + tx);
    }
  }

  /** The number of customers. */
  public int size() {
    return ids.length;
  }

  /** The time unit of t_x and T. */
  public ChronoUnit unit() {
    return unit;
  }

  /** The observation end, or null for summaries given as columns. */
  public LocalDate observationEnd() {
    return observationEnd;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** The index of this customer, or -1. Linear in the number of customers for column input. */
  public int indexOf(String customerId) {
    if (observationEnd != null) {
      int i = Arrays.binarySearch(ids, customerId);
      return i >= 0 ? i : -1;
    }
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(customerId)) {
        return i;
      }
    }
    return -1;
  }

  /** x: repeat purchase periods of customer {@code i}. */
  public int x(int i) {
    return x[i];
  }

  /** t_x: time from first to last purchase of customer {@code i}, in {@link #unit()}. */
  public double tx(int i) {
    return tx[i];
  }

  /** T: time from first purchase to the observation end of customer {@code i}, in the unit. */
  public double T(int i) {
    return bigT[i];
  }

  /** True when mean repeat spend is known. */
  public boolean hasMonetary() {
    return monetary != null;
  }

  /** True when purchase dates, orders and total spend are known (summaries of a log). */
  public boolean hasPurchaseHistory() {
    return firstDay != null;
  }

  /**
   * Mean amount of the repeat purchase days of customer {@code i}; 0 when x = 0.
   *
   * @throws IllegalStateException when monetary values are not known
   */
  public double monetary(int i) {
    if (monetary == null) {
      throw new IllegalStateException("these summaries were given without monetary values");
    }
    return monetary[i];
  }

  /** The first purchase date of customer {@code i}. */
  public LocalDate firstPurchase(int i) {
    requireHistory();
    return LocalDate.ofEpochDay(firstDay[i]);
  }

  /** The last purchase date of customer {@code i} up to the observation end. */
  public LocalDate lastPurchase(int i) {
    requireHistory();
    return LocalDate.ofEpochDay(lastDay[i]);
  }

  /** Transactions (rows) of customer {@code i} up to the observation end. */
  public int orders(int i) {
    requireHistory();
    return orders[i];
  }

  /** Total spend of customer {@code i} up to the observation end. */
  public double totalSpend(int i) {
    requireHistory();
    return spend[i];
  }

  /** Customers left out because their first purchase is after the observation end. */
  public int customersAfterEnd() {
    return customersAfterEnd;
  }

  /** Transactions left out because they are after the observation end. */
  public long transactionsAfterEnd() {
    return transactionsAfterEnd;
  }

  /** Customer {@code i} as a record. */
  public CustomerSummary get(int i) {
    boolean h = firstDay != null;
    return new CustomerSummary(ids[i], x[i], tx[i], bigT[i], unit,
        monetary == null ? null : monetary[i],
        h ? LocalDate.ofEpochDay(firstDay[i]) : null, h ? LocalDate.ofEpochDay(lastDay[i]) : null,
        h ? orders[i] : null, h ? spend[i] : null);
  }

  /** This customer as a record. */
  public CustomerSummary get(String customerId) {
    int i = indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("no customer '" + customerId + "' in these summaries");
    }
    return get(i);
  }

  /** A copy of the customer ids. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** A copy of the x column. */
  public int[] xs() {
    return x.clone();
  }

  /** A copy of the t_x column. */
  public double[] txs() {
    return tx.clone();
  }

  /** A copy of the T column. */
  public double[] Ts() {
    return bigT.clone();
  }

  /**
   * A copy of the monetary column.
   *
   * @throws IllegalStateException when monetary values are not known
   */
  public double[] monetaries() {
    if (monetary == null) {
      throw new IllegalStateException("these summaries were given without monetary values");
    }
    return monetary.clone();
  }

  /** Σx over all customers. */
  public long totalRepeatPurchases() {
    long s = 0;
    for (int v : x) {
      s += v;
    }
    return s;
  }

  /** The number of customers with x &gt; 0. */
  public int repeatBuyers() {
    int n = 0;
    for (int v : x) {
      if (v > 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * These summaries in another time unit: t_x and T rescaled, everything else unchanged.
   */
  public CustomerSummaries inUnit(ChronoUnit newUnit) {
    double f = TimeUnits.days(unit) / TimeUnits.days(newUnit);
    double[] tx2 = new double[tx.length];
    double[] t2 = new double[tx.length];
    for (int i = 0; i < tx.length; i++) {
      tx2[i] = tx[i] * f;
      t2[i] = bigT[i] * f;
    }
    return new CustomerSummaries(ids, x, tx2, t2, newUnit, observationEnd, monetary, firstDay,
        lastDay, orders, spend, customersAfterEnd, transactionsAfterEnd);
  }

  /** Compresses identical (x, t_x, T) rows into weighted rows; see {@link WeightedSummaries}. */
  public WeightedSummaries compress() {
    return WeightedSummaries.of(this);
  }

  /**
   * These summaries as a table: customer, x, t_x, T (and monetary, first and last purchase,
   * orders and total spend when known), for writing with crm-io.
   */
  public org.crmkit.core.table.Table toTable() {
    var b = org.crmkit.core.table.ColumnTable.builder(size())
        .strings("customer", ids)
        .longs("x", x)
        .doubles("t_x", tx)
        .doubles("T", bigT);
    if (monetary != null) {
      b.doubles("monetary", monetary);
    }
    if (firstDay != null) {
      b.dates("first_purchase", i -> LocalDate.ofEpochDay(firstDay[i]))
          .dates("last_purchase", i -> LocalDate.ofEpochDay(lastDay[i]))
          .longs("orders", orders)
          .doubles("total_spend", spend);
    }
    return b.build();
  }

  private void requireHistory() {
    if (firstDay == null) {
      throw new IllegalStateException(
          "these summaries were given as columns: they carry no purchase dates, orders or spend");
    }
  }

  /** A short description and the first rows, for JShell. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "CustomerSummaries: %,d customers, unit %s%s, %,d repeat buyers, Σx = %,d%n", size(),
        unit, observationEnd == null ? "" : ", observation end " + observationEnd,
        repeatBuyers(), totalRepeatPurchases()));
    int w = 8;
    int shown = Math.min(size(), 20);
    for (int i = 0; i < shown; i++) {
      w = Math.max(w, ids[i].length());
    }
    sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %5s  %9s  %9s  %10s%n", "customer",
        "x", "t_x", "T", "monetary"));
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %5d  %9.4f  %9.4f  %10s%n", ids[i],
          x[i], tx[i], bigT[i],
          monetary == null ? "-" : String.format(Locale.ROOT, "%.2f", monetary[i])));
    }
    if (size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", size() - shown));
    }
    return sb.toString().stripTrailing();
  }
}
