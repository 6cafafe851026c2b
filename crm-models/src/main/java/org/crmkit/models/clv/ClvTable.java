package org.crmkit.models.clv;

import java.util.Arrays;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Per-customer CLV values from {@link Clv#forCustomers(CustomerSummaries)}, in the summaries'
 * order: P(alive), expected purchases over the horizon, expected spend per purchase, DERT, the
 * discounted purchases and CLV under continuous discounting and as monthly cash flows, and the
 * residual value (see {@link Clv} for the formulas). Immutable; accessors return copies;
 * {@link #toTable()} is what crm-io writes.
 */
public final class ClvTable {

  private static final String[] COLUMNS = {"p_alive", "expected_purchases", "expected_spend",
      "dert", "discounted_purchases", "clv", "discounted_purchases_monthly", "clv_monthly",
      "residual_value"};

  private final String[] ids;
  private final int[] x;
  private final double[] tx;
  private final double[] bigT;
  private final String unit;
  private final double[][] cols;
  private final String settings;

  ClvTable(CustomerSummaries s, double[][] cols, String settings) {
    this(s.customerIds(), s.xs(), s.txs(), s.Ts(), s.unit().name(), cols, settings);
  }

  private ClvTable(String[] ids, int[] x, double[] tx, double[] bigT, String unit,
      double[][] cols, String settings) {
    this.ids = ids;
    this.x = x;
    this.tx = tx;
    this.bigT = bigT;
    this.unit = unit;
    this.cols = cols;
    this.settings = settings;
  }

  /** The number of customers. */
  public int size() {
    return ids.length;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** The customer ids. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** P(alive | x, t_x, T). */
  public double[] probabilityAlive() {
    return cols[0].clone();
  }

  /** Expected purchases over the horizon, undiscounted: CET(H). */
  public double[] expectedPurchases() {
    return cols[1].clone();
  }

  /** Gamma-Gamma expected spend per purchase, E[Z | x, z̄]. */
  public double[] expectedSpend() {
    return cols[2].clone();
  }

  /** Discounted expected residual purchases (infinite horizon, continuous discounting). */
  public double[] dert() {
    return cols[3].clone();
  }

  /** Discounted expected purchases over the horizon, continuous discounting: D(H). */
  public double[] discountedPurchases() {
    return cols[4].clone();
  }

  /** CLV over the horizon, continuous discounting: margin × E[Z] × D(H). */
  public double[] clv() {
    return cols[5].clone();
  }

  /** Discounted expected purchases over the horizon as monthly cash flows: D_m(H). */
  public double[] discountedPurchasesMonthly() {
    return cols[6].clone();
  }

  /** CLV over the horizon as monthly cash flows (lifetimes' form): margin × E[Z] × D_m(H). */
  public double[] clvMonthly() {
    return cols[7].clone();
  }

  /** Residual value over the customer's remaining life: margin × E[Z] × DERT. */
  public double[] residualValue() {
    return cols[8].clone();
  }

  /**
   * The {@code n} customers with the highest CLV (continuous, over the horizon), highest first;
   * ties keep the table's order.
   *
   * @throws IllegalArgumentException if n &lt; 0
   */
  public ClvTable top(int n) {
    Checks.nonNegative("n", n);
    Integer[] order = new Integer[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] v = cols[5];
    Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
    int m = Math.min(n, order.length);
    String[] ids2 = new String[m];
    int[] x2 = new int[m];
    double[] tx2 = new double[m];
    double[] t2 = new double[m];
    double[][] c2 = new double[cols.length][m];
    for (int j = 0; j < m; j++) {
      int i = order[j];
      ids2[j] = ids[i];
      x2[j] = x[i];
      tx2[j] = tx[i];
      t2[j] = bigT[i];
      for (int c = 0; c < cols.length; c++) {
        c2[c][j] = cols[c][i];
      }
    }
    return new ClvTable(ids2, x2, tx2, t2, unit, c2, settings);
  }

  /**
   * customer, x, t_x, T (in the summaries' unit), then p_alive, expected_purchases,
   * expected_spend, dert, discounted_purchases, clv, discounted_purchases_monthly, clv_monthly,
   * residual_value.
   */
  public Table toTable() {
    var b = ColumnTable.builder(size())
        .strings("customer", ids)
        .longs("x", x)
        .doubles("t_x", tx)
        .doubles("T", bigT);
    for (int c = 0; c < COLUMNS.length; c++) {
      b.doubles(COLUMNS[c], cols[c]);
    }
    return b.build();
  }

  /** The settings and the first 20 customers. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT, "ClvTable: %,d customers (t_x, T in %s); %s%n",
        size(), unit, settings));
    int w = 8;
    int shown = Math.min(size(), 20);
    for (int i = 0; i < shown; i++) {
      w = Math.max(w, ids[i].length());
    }
    String head = "  %-" + w + "s  %5s  %8s  %9s  %9s  %9s  %10s  %10s  %10s%n";
    sb.append(String.format(Locale.ROOT, head, "customer", "x", "p_alive", "purchases", "spend",
        "dert", "clv", "clv_month", "residual"));
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, head, ids[i], x[i], Tables.number(cols[0][i]),
          Tables.number(cols[1][i]), Tables.number(cols[2][i]), Tables.number(cols[3][i]),
          Tables.number(cols[5][i]), Tables.number(cols[7][i]), Tables.number(cols[8][i])));
    }
    if (size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", size() - shown));
    }
    return sb.toString().stripTrailing();
  }
}
