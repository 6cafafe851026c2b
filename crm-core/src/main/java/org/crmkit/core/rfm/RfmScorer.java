package org.crmkit.core.rfm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Scores customers on recency, frequency and monetary value (RFM; Hughes 1994).
 *
 * <pre>{@code
 * RfmScorer scorer = RfmScorer.builder().bins(5).ties(Ties.KEEP_TOGETHER)
 *     .monetary(Monetary.TOTAL).build();
 * RfmTable table = scorer.score(log, LocalDate.of(2006, 12, 31));
 * Segmentation s = table.segment(SegmentMap.rfmVignette());
 * }</pre>
 *
 * <p>Per customer, at the analysis date: <b>recency days</b> = analysis date − date of the last
 * purchase (0 for a purchase on the analysis date); <b>orders</b> = the number of transactions;
 * <b>revenue</b> = their total amount; <b>monetary</b> = revenue or revenue / orders
 * ({@link Monetary}). Each dimension is scored 1..n ({@link Ties} for the quantile rules, or
 * explicit cuts); recency is reversed, so the most recent customers get n. The defaults reproduce
 * the R rfm package 0.3.0 ({@code rfm_table_order}): 5 bins, ties kept together, total revenue.
 *
 * <p>Immutable and thread-safe; one scorer can score many logs.
 */
public final class RfmScorer {

  /** The fewest bins a scorer accepts. */
  public static final int MIN_BINS = 2;

  /** The most bins a scorer accepts. */
  public static final int MAX_BINS = 100;

  private static final RfmScorer DEFAULTS = builder().build();

  private final int bins;
  private final Ties ties;
  private final Monetary monetary;
  private final double[][] cuts;

  private RfmScorer(int bins, Ties ties, Monetary monetary, double[][] cuts) {
    this.bins = bins;
    this.ties = ties;
    this.monetary = monetary;
    this.cuts = cuts;
  }

  /** A builder; its defaults are those of {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** 5 bins, ties kept together, total revenue: the R rfm 0.3.0 defaults. */
  public static RfmScorer defaults() {
    return DEFAULTS;
  }

  /** The number of bins n; scores run 1..n. */
  public int bins() {
    return bins;
  }

  /** How quantile scoring treats ties (dimensions with explicit cuts ignore it). */
  public Ties ties() {
    return ties;
  }

  /** Which monetary value is scored. */
  public Monetary monetary() {
    return monetary;
  }

  /** A copy of the explicit cuts of a dimension, or an empty array when it uses quantiles. */
  public double[] cuts(Dimension dimension) {
    double[] c = cuts[Checks.notNull("dimension", dimension).ordinal()];
    return c == null ? new double[0] : c.clone();
  }

  /**
   * Scores every customer of {@code log} at {@code analysisDate}.
   *
   * <p>Transactions dated after the analysis date are left out (the R rfm package takes every
   * row; its example data end the day before its analysis date, so both agree there), and so are
   * customers with no transaction on or before it; {@link RfmTable#excludedTransactions()} and
   * {@link RfmTable#excludedCustomers()} count them. Every remaining row counts as one order,
   * refunds (negative amounts) and zero amounts included; refunds lower the revenue. Same-day
   * transactions are separate orders. One pass over the log's columns; no per-row allocation.
   *
   * @throws IllegalArgumentException if the analysis date is null or outside the dates a log
   *     accepts, or no customer has a transaction on or before it
   */
  public RfmTable score(TransactionLog log, LocalDate analysisDate) {
    Checks.notNull("log", log);
    Checks.saneDate("analysisDate", analysisDate);
    long day = analysisDate.toEpochDay();
    int customers = log.customerCount();
    String[] ids = new String[customers];
    int[] recency = new int[customers];
    int[] orders = new int[customers];
    double[] revenue = new double[customers];
    int kept = 0;
    long excludedRows = 0;
    for (int c = 0; c < customers; c++) {
      int start = log.start(c);
      int end = log.end(c);
      int row = start;
      double sum = 0;
      // rows are sorted by time, so the rows up to the analysis date form a prefix
      while (row < end && log.epochDay(row) <= day) {
        sum += log.amount(row);
        row++;
      }
      excludedRows += end - row;
      if (row == start) {
        continue;
      }
      ids[kept] = log.customerId(c);
      recency[kept] = (int) (day - log.epochDay(row - 1));
      orders[kept] = row - start;
      revenue[kept] = sum + 0.0;
      kept++;
    }
    if (kept == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "analysisDate %s: no customer has a transaction on or before it (log of %,d"
              + " transactions)", analysisDate, log.size()));
    }
    if (kept < customers) {
      ids = Arrays.copyOf(ids, kept);
      recency = Arrays.copyOf(recency, kept);
      orders = Arrays.copyOf(orders, kept);
      revenue = Arrays.copyOf(revenue, kept);
    }
    return table(ids, recency, orders, revenue, analysisDate, excludedRows, customers - kept);
  }

  /**
   * Scores pre-aggregated customers (as R rfm's {@code rfm_table_customer}). Row i describes
   * customer {@code customerIds[i]}: days since the last purchase, number of orders and
   * <em>total</em> revenue (with {@link Monetary#MEAN_PER_ORDER} the scorer divides by orders).
   * The rows may come in any order: the table holds customers in ascending id order, and the
   * result does not depend on the input order. The arrays are not kept.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty, an id is null,
   *     blank or repeated, recency days are negative, orders are &lt; 1 or revenue is not finite;
   *     the message names the row (1-based), the customer and the value
   */
  public RfmTable score(String[] customerIds, int[] recencyDays, int[] orders,
      double[] revenue) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("recencyDays", recencyDays);
    Checks.notNull("orders", orders);
    Checks.notNull("revenue", revenue);
    int n = customerIds.length;
    if (recencyDays.length != n || orders.length != n || revenue.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "arrays differ in length: customerIds %d, recencyDays %d, orders %d, revenue %d", n,
          recencyDays.length, orders.length, revenue.length));
    }
    if (n == 0) {
      throw new IllegalArgumentException("customerIds must not be empty");
    }
    for (int i = 0; i < n; i++) {
      String id = customerIds[i];
      if (id == null) {
        throw Checks.badRow(i + 1L, null, "customer id", "is null");
      }
      if (id.isBlank()) {
        throw Checks.badRow(i + 1L, id, "customer id", "is blank");
      }
      if (recencyDays[i] < 0) {
        throw Checks.badRow(i + 1L, id, "recencyDays", "is " + recencyDays[i] + ", must be >= 0");
      }
      if (orders[i] < 1) {
        throw Checks.badRow(i + 1L, id, "orders", "is " + orders[i] + ", must be >= 1");
      }
      if (!Double.isFinite(revenue[i])) {
        throw Checks.badRow(i + 1L, id, "revenue", "is " + revenue[i] + ", must be finite");
      }
    }
    String[] sorted = customerIds.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < n; i++) {
      if (sorted[i].equals(sorted[i - 1])) {
        throw duplicate(customerIds, sorted[i]);
      }
    }
    int[] r = new int[n];
    int[] o = new int[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int pos = Arrays.binarySearch(sorted, customerIds[i]);
      r[pos] = recencyDays[i];
      o[pos] = orders[i];
      v[pos] = revenue[i] + 0.0;
    }
    return table(sorted, r, o, v, null, 0, 0);
  }

  private static IllegalArgumentException duplicate(String[] ids, String id) {
    int first = -1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(id)) {
        if (first >= 0) {
          return Checks.badRow(i + 1L, id, "customer id",
              "repeats row " + (first + 1) + ": each customer must appear once");
        }
        first = i;
      }
    }
    throw new AssertionError(id);
  }

  /** Scores aggregated columns in ascending id order; takes ownership of the arrays. */
  private RfmTable table(String[] ids, int[] recency, int[] orders, double[] revenue,
      LocalDate analysisDate, long excludedRows, int excludedCustomers) {
    int size = ids.length;
    double[] r = new double[size];
    double[] f = new double[size];
    double[] m = new double[size];
    for (int i = 0; i < size; i++) {
      r[i] = recency[i];
      f[i] = orders[i];
      m[i] = monetary == Monetary.TOTAL ? revenue[i] : revenue[i] / orders[i] + 0.0;
    }
    byte[] rs = new byte[size];
    byte[] fs = new byte[size];
    byte[] ms = new byte[size];
    ScoreBins rb = Binner.score(Dimension.RECENCY, r, bins, ties, cuts[0], rs);
    ScoreBins fb = Binner.score(Dimension.FREQUENCY, f, bins, ties, cuts[1], fs);
    ScoreBins mb = Binner.score(Dimension.MONETARY, m, bins, ties, cuts[2], ms);
    return new RfmTable(this, ids, recency, orders, revenue, rs, fs, ms, rb, fb, mb,
        analysisDate, excludedRows, excludedCustomers);
  }

  /** The settings, e.g. {@code RfmScorer[5 bins, ties KEEP_TOGETHER, monetary TOTAL]}. */
  @Override
  public String toString() {
    var sb = new StringBuilder("RfmScorer[").append(bins).append(" bins, ties ").append(ties)
        .append(", monetary ").append(monetary);
    for (Dimension d : Dimension.values()) {
      if (cuts[d.ordinal()] != null) {
        sb.append(", ").append(d.label()).append(" cuts ");
        for (int i = 0; i < cuts[d.ordinal()].length; i++) {
          sb.append(i == 0 ? "" : " ").append(Fmt.num(cuts[d.ordinal()][i]));
        }
      }
    }
    return sb.append(']').toString();
  }

  /**
   * Collects the options of a scorer. Defaults: 5 bins (or one more than the number of explicit
   * cuts), ties kept together, total revenue. {@link #build()} rejects cuts whose count disagrees
   * with the number of bins. Not thread-safe.
   */
  public static final class Builder {
    private int bins = -1;
    private Ties ties = Ties.KEEP_TOGETHER;
    private Monetary monetary = Monetary.TOTAL;
    private final double[][] cuts = new double[3][];

    private Builder() {}

    /**
     * The number of bins n, in [{@value RfmScorer#MIN_BINS}, {@value RfmScorer#MAX_BINS}];
     * default 5.
     */
    public Builder bins(int n) {
      this.bins = Checks.inRange("bins", n, MIN_BINS, MAX_BINS);
      return this;
    }

    /** How quantile scoring treats ties; default {@link Ties#KEEP_TOGETHER}. */
    public Builder ties(Ties policy) {
      this.ties = Checks.notNull("ties", policy);
      return this;
    }

    /** Which monetary value is scored; default {@link Monetary#TOTAL}. */
    public Builder monetary(Monetary basis) {
      this.monetary = Checks.notNull("monetary", basis);
      return this;
    }

    /**
     * Explicit recency thresholds in days, strictly increasing: n−1 values t<sub>1</sub> &lt; …
     * &lt; t<sub>n−1</sub> make the bins (−∞, t<sub>1</sub>), [t<sub>1</sub>, t<sub>2</sub>), …,
     * [t<sub>n−1</sub>, ∞); fewer days score higher, so days &lt; t<sub>1</sub> score n. As R
     * rfm's {@code recency_bins = c(115, 181, 297, 482)}.
     */
    public Builder recencyCuts(double... thresholds) {
      cuts[0] = checkCuts("recencyCuts", thresholds);
      return this;
    }

    /**
     * Explicit order-count thresholds, strictly increasing; bins [t<sub>j−1</sub>,
     * t<sub>j</sub>) as for {@link #recencyCuts(double...)}, orders &lt; t<sub>1</sub> score 1.
     */
    public Builder frequencyCuts(double... thresholds) {
      cuts[1] = checkCuts("frequencyCuts", thresholds);
      return this;
    }

    /**
     * Explicit monetary thresholds, strictly increasing; bins [t<sub>j−1</sub>,
     * t<sub>j</sub>) as for {@link #recencyCuts(double...)}, values &lt; t<sub>1</sub> score 1.
     */
    public Builder monetaryCuts(double... thresholds) {
      cuts[2] = checkCuts("monetaryCuts", thresholds);
      return this;
    }

    private static double[] checkCuts(String name, double[] t) {
      Checks.notNull(name, t);
      if (t.length < MIN_BINS - 1 || t.length > MAX_BINS - 1) {
        throw new IllegalArgumentException(name + " must hold 1 to " + (MAX_BINS - 1)
            + " thresholds: " + t.length);
      }
      for (int i = 0; i < t.length; i++) {
        Checks.finite(name + "[" + i + "]", t[i]);
        if (i > 0 && !(t[i] > t[i - 1])) {
          throw new IllegalArgumentException(name + " must be strictly increasing: " + name + "["
              + i + "] = " + Fmt.num(t[i]) + " after " + Fmt.num(t[i - 1]));
        }
      }
      return t.clone();
    }

    /**
     * The scorer.
     *
     * @throws IllegalArgumentException if explicit cuts imply a number of bins other than
     *     {@link #bins(int)}, or other than each other
     */
    public RfmScorer build() {
      int n = bins;
      String from = "bins";
      for (Dimension d : Dimension.values()) {
        double[] c = cuts[d.ordinal()];
        if (c == null) {
          continue;
        }
        String name = d.name().toLowerCase(Locale.ROOT) + "Cuts";
        if (n < 0) {
          n = c.length + 1;
          from = name;
        } else if (c.length + 1 != n) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s has %d thresholds, so %d bins, but %s makes %d bins", name, c.length,
              c.length + 1, from, n));
        }
      }
      if (n < 0) {
        n = 5;
      }
      double[][] copy = new double[3][];
      for (int i = 0; i < 3; i++) {
        copy[i] = cuts[i] == null ? null : cuts[i].clone();
      }
      return new RfmScorer(n, ties, monetary, copy);
    }
  }
}
