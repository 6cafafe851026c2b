package org.crmkit.core.rfm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * RFM values and scores of every customer, with the bins that made the scores. Made by
 * {@link RfmScorer}.
 *
 * <p>Columnar: customers are held in ascending id order; index {@code i} runs over
 * 0..{@link #size()}−1 and {@link #indexOf(String)} finds a customer by id. Per customer:
 * recency days (days since the last purchase at the analysis date), orders (transactions up to
 * the analysis date; named so to keep it apart from the buy-till-you-die frequency of repeat
 * purchases), revenue (their total), monetary (revenue or revenue per order, see
 * {@link #monetaryBasis()}), and the three scores 1..n. Immutable and thread-safe; column
 * accessors return copies.
 */
public final class RfmTable {

  private final RfmScorer scorer;
  private final String[] ids;
  private final int[] recency;
  private final int[] orders;
  private final double[] revenue;
  private final byte[] rScore;
  private final byte[] fScore;
  private final byte[] mScore;
  private final ScoreBins[] bins;
  private final LocalDate analysisDate;
  private final long excludedTransactions;
  private final int excludedCustomers;
  private final long totalOrders;
  private final double totalRevenue;

  /** Takes ownership of the arrays; {@code ids} are unique and ascending. */
  RfmTable(RfmScorer scorer, String[] ids, int[] recency, int[] orders, double[] revenue,
      byte[] rScore, byte[] fScore, byte[] mScore, ScoreBins rBins, ScoreBins fBins,
      ScoreBins mBins, LocalDate analysisDate, long excludedTransactions,
      int excludedCustomers) {
    this.scorer = scorer;
    this.ids = ids;
    this.recency = recency;
    this.orders = orders;
    this.revenue = revenue;
    this.rScore = rScore;
    this.fScore = fScore;
    this.mScore = mScore;
    this.bins = new ScoreBins[] {rBins, fBins, mBins};
    this.analysisDate = analysisDate;
    this.excludedTransactions = excludedTransactions;
    this.excludedCustomers = excludedCustomers;
    long o = 0;
    double v = 0;
    for (int i = 0; i < ids.length; i++) {
      o += orders[i];
      v += revenue[i];
    }
    this.totalOrders = o;
    this.totalRevenue = v;
  }

  /** The scorer that made this table (bins, ties, monetary basis, cuts). */
  public RfmScorer scorer() {
    return scorer;
  }

  /** The number of customers. */
  public int size() {
    return ids.length;
  }

  /** The number of bins n; every score lies in 1..n. */
  public int bins() {
    return scorer.bins();
  }

  /** Whether monetary is total revenue or revenue per order. */
  public Monetary monetaryBasis() {
    return scorer.monetary();
  }

  /** The analysis date; empty for a table scored from pre-aggregated arrays. */
  public Optional<LocalDate> analysisDate() {
    return Optional.ofNullable(analysisDate);
  }

  /** Transactions of the log dated after the analysis date, which were left out. */
  public long excludedTransactions() {
    return excludedTransactions;
  }

  /** Customers of the log whose every transaction is after the analysis date (left out). */
  public int excludedCustomers() {
    return excludedCustomers;
  }

  /** The sum of orders over all customers. */
  public long totalOrders() {
    return totalOrders;
  }

  /** The sum of revenue over all customers. */
  public double totalRevenue() {
    return totalRevenue;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** A copy of the customer ids, ascending. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** The index of a customer, or −1 when the table does not hold it. */
  public int indexOf(String customerId) {
    Checks.notNull("customerId", customerId);
    int i = Arrays.binarySearch(ids, customerId);
    return i >= 0 ? i : -1;
  }

  /** Days from customer {@code i}'s last purchase to the analysis date (≥ 0). */
  public int recencyDays(int i) {
    return recency[i];
  }

  /** Customer {@code i}'s orders (≥ 1). */
  public int orders(int i) {
    return orders[i];
  }

  /** Customer {@code i}'s total revenue (negative when refunds exceed purchases). */
  public double revenue(int i) {
    return revenue[i];
  }

  /** Customer {@code i}'s scored monetary value: revenue, or revenue / orders. */
  public double monetary(int i) {
    return scorer.monetary() == Monetary.TOTAL ? revenue[i] : revenue[i] / orders[i] + 0.0;
  }

  /** Customer {@code i}'s recency score: n for the most recent customers. */
  public int recencyScore(int i) {
    return rScore[i];
  }

  /** Customer {@code i}'s frequency (orders) score. */
  public int frequencyScore(int i) {
    return fScore[i];
  }

  /** Customer {@code i}'s monetary score. */
  public int monetaryScore(int i) {
    return mScore[i];
  }

  /** Customer {@code i}'s score in {@code dimension}. */
  public int score(int i, Dimension dimension) {
    return switch (Checks.notNull("dimension", dimension)) {
      case RECENCY -> rScore[i];
      case FREQUENCY -> fScore[i];
      case MONETARY -> mScore[i];
    };
  }

  /**
   * The R rfm package's combined score 100·R + 10·F + M, e.g. 345.
   *
   * @throws IllegalStateException if the table has more than 9 bins (the digits would clash)
   */
  public int rfmScore(int i) {
    if (bins() > 9) {
      throw new IllegalStateException("rfmScore needs at most 9 bins; this table has " + bins());
    }
    return 100 * rScore[i] + 10 * fScore[i] + mScore[i];
  }

  /** All values of customer {@code i}. */
  public Row row(int i) {
    return new Row(ids[i], recency[i], orders[i], revenue[i], monetary(i), rScore[i], fScore[i],
        mScore[i]);
  }

  /**
   * All values of a customer, by id.
   *
   * @throws IllegalArgumentException if the table does not hold the customer
   */
  public Row row(String customerId) {
    int i = indexOf(customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' is not in the table");
    }
    return row(i);
  }

  /** A copy of the recency days column. */
  public int[] recencyDays() {
    return recency.clone();
  }

  /** A copy of the orders column. */
  public int[] orders() {
    return orders.clone();
  }

  /** A copy of the revenue column. */
  public double[] revenue() {
    return revenue.clone();
  }

  /** The scored monetary values (revenue, or revenue per order). */
  public double[] monetary() {
    double[] m = new double[ids.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = monetary(i);
    }
    return m;
  }

  /** The scores of {@code dimension}, one per customer. */
  public int[] scores(Dimension dimension) {
    byte[] s = switch (Checks.notNull("dimension", dimension)) {
      case RECENCY -> rScore;
      case FREQUENCY -> fScore;
      case MONETARY -> mScore;
    };
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i];
    }
    return out;
  }

  /** The bins (thresholds and counts) of {@code dimension}. */
  public ScoreBins bins(Dimension dimension) {
    return bins[Checks.notNull("dimension", dimension).ordinal()];
  }

  /** The recency bins. */
  public ScoreBins recencyBins() {
    return bins[0];
  }

  /** The frequency (orders) bins. */
  public ScoreBins frequencyBins() {
    return bins[1];
  }

  /** The monetary bins. */
  public ScoreBins monetaryBins() {
    return bins[2];
  }

  /**
   * Assigns every customer to a segment of {@code map}, first match wins; customers matching no
   * segment go to the map's "Others" segment.
   *
   * @throws IllegalArgumentException if the map is made for another number of bins
   */
  public Segmentation segment(SegmentMap map) {
    return Segmentation.of(this, Checks.notNull("map", map));
  }

  /**
   * The table for writing: customer, recency_days, orders, revenue, monetary, r, f, m. With a
   * segmentation, add its segment column with {@link Segmentation#toTable()}.
   */
  public org.crmkit.core.table.Table toTable() {
    return tableBuilder().build();
  }

  /** The columns of {@link #toTable()}, for tables that add their own. */
  org.crmkit.core.table.ColumnTable.Builder tableBuilder() {
    return org.crmkit.core.table.ColumnTable.builder(size())
        .strings("customer", this::customerId)
        .longs("recency_days", recencyDays())
        .longs("orders", orders())
        .doubles("revenue", revenue())
        .doubles("monetary", monetary())
        .longs("r", scores(Dimension.RECENCY))
        .longs("f", scores(Dimension.FREQUENCY))
        .longs("m", scores(Dimension.MONETARY));
  }

  /** A summary, the bins and the first 20 customers. */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "RFM table: %s customers, %s orders, revenue %s",
        Fmt.count(size()), Fmt.count(totalOrders), Fmt.money(totalRevenue)));
    if (analysisDate != null) {
      sb.append(", analysis date ").append(analysisDate);
    }
    var given = new StringBuilder();
    for (ScoreBins b : bins) {
      if (b.method() == ScoreBins.Method.GIVEN) {
        given.append(given.length() == 0 ? ", given cuts for " : " and ")
            .append(b.dimension().label());
      }
    }
    sb.append(String.format(Locale.ROOT, "%n  %d bins, ties %s, monetary %s%s%n", bins(),
        scorer.ties() == Ties.SPLIT ? "split" : "kept together",
        scorer.monetary().name().toLowerCase(Locale.ROOT).replace('_', ' '), given));
    if (excludedTransactions > 0) {
      sb.append(String.format(Locale.ROOT,
          "  left out: %s transactions after the analysis date (%s customers had none before)%n",
          Fmt.count(excludedTransactions), Fmt.count(excludedCustomers)));
    }
    int w = 12;
    for (ScoreBins b : bins) {
      for (int s = 1; s <= bins(); s++) {
        w = Math.max(w, b.describe(s).length());
      }
    }
    String binFmt = "  %5s  %-" + w + "s %7s  %-" + w + "s %7s  %-" + w + "s %7s%n";
    sb.append(String.format(Locale.ROOT, binFmt, "score", "recency days", "n", "orders", "n",
        "monetary", "n"));
    for (int s = bins(); s >= 1; s--) {
      sb.append(String.format(Locale.ROOT, binFmt, s, bins[0].describe(s),
          Fmt.count(bins[0].count(s)), bins[1].describe(s), Fmt.count(bins[1].count(s)),
          bins[2].describe(s), Fmt.count(bins[2].count(s))));
    }
    int shown = Math.min(size(), Fmt.MAX_ROWS);
    int idw = 8;
    for (int i = 0; i < shown; i++) {
      idw = Math.max(idw, Math.min(24, ids[i].length()));
    }
    String rowFmt = "  %-" + idw + "s %12s %7s %14s %3s %3s %3s%n";
    sb.append(String.format(Locale.ROOT, rowFmt, "customer", "recency days", "orders",
        "monetary", "R", "F", "M"));
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, rowFmt, Fmt.clip(ids[i], 24), recency[i], orders[i],
          Fmt.money(monetary(i)), rScore[i], fScore[i], mScore[i]));
    }
    if (size() > shown) {
      sb.append(Fmt.more(size() - shown));
    }
    return sb.toString().stripTrailing();
  }

  /**
   * One customer's RFM values and scores.
   *
   * @param customerId the customer's id
   * @param recencyDays days since the last purchase at the analysis date
   * @param orders the number of orders
   * @param revenue the total revenue
   * @param monetary the scored monetary value (revenue or revenue per order)
   * @param recencyScore the recency score (n = most recent)
   * @param frequencyScore the frequency score
   * @param monetaryScore the monetary score
   */
  public record Row(String customerId, int recencyDays, int orders, double revenue,
      double monetary, int recencyScore, int frequencyScore, int monetaryScore) {}
}
