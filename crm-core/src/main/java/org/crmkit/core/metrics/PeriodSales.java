package org.crmkit.core.metrics;

import java.time.LocalDate;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Sales of a period from a transaction log: orders, refunds, revenue, buyers, and the ratios
 * built on them.
 *
 * <p>Each row of the log dated in [from, to] (inclusive) counts: a row with amount &ge; 0 is an
 * order (the log has no order ids: one row, one order), a row with amount &lt; 0 a refund.
 * Refunds are kept apart, never dropped: {@link #netRevenue()} includes them,
 * {@link #averageOrderValue()} does not.
 *
 * @param from the first day of the period
 * @param to the last day of the period
 * @param orders rows with amount &ge; 0
 * @param orderRevenue the sum of those rows
 * @param refunds rows with amount &lt; 0
 * @param refundAmount the sum of those rows (&le; 0)
 * @param buyers distinct customers with at least one order in the period
 * @param customers distinct customers with any row in the period
 */
public record PeriodSales(LocalDate from, LocalDate to, long orders, double orderRevenue,
    long refunds, double refundAmount, long buyers, long customers) {

  /** Checks the components. */
  public PeriodSales {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    Checks.nonNegative("orders", orders);
    Checks.nonNegative("orderRevenue", orderRevenue);
    Checks.nonNegative("refunds", refunds);
    Checks.finite("refundAmount", refundAmount);
    if (refundAmount > 0) {
      throw new IllegalArgumentException("refundAmount must be <= 0: " + refundAmount);
    }
    Checks.nonNegative("buyers", buyers);
    if (buyers > customers || buyers > orders) {
      throw new IllegalArgumentException("buyers (" + buyers + ") exceed customers (" + customers
          + ") or orders (" + orders + ")");
    }
  }

  /**
   * The sales of the rows of {@code log} dated in [from, to] (dates read in the log's zone).
   */
  public static PeriodSales of(TransactionLog log, LocalDate from, LocalDate to) {
    Checks.notNull("log", log);
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    long lo = from.toEpochDay();
    long hi = to.toEpochDay();
    long orders = 0;
    long refunds = 0;
    double revenue = 0;
    double refunded = 0;
    long buyers = 0;
    long customers = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      boolean any = false;
      boolean bought = false;
      for (int row = log.start(c); row < log.end(c); row++) {
        long d = log.epochDay(row);
        if (d < lo || d > hi) {
          continue;
        }
        any = true;
        double a = log.amount(row);
        if (a >= 0) {
          orders++;
          revenue += a;
          bought = true;
        } else {
          refunds++;
          refunded += a;
        }
      }
      customers += any ? 1 : 0;
      buyers += bought ? 1 : 0;
    }
    return new PeriodSales(from, to, orders, revenue, refunds, refunded, buyers, customers);
  }

  /** orderRevenue + refundAmount. */
  public double netRevenue() {
    return orderRevenue + refundAmount;
  }

  /**
   * Average order value: orderRevenue ÷ orders (refunds excluded).
   *
   * @throws IllegalStateException if the period has no order
   */
  public double averageOrderValue() {
    requireOrders();
    return orderRevenue / orders;
  }

  /**
   * Purchase frequency: orders ÷ buyers, the mean number of orders per customer who ordered in
   * the period.
   *
   * @throws IllegalStateException if the period has no order
   */
  public double purchaseFrequency() {
    requireOrders();
    return (double) orders / buyers;
  }

  /**
   * ARPU: net revenue ÷ the size of the whole user base (which the log cannot know: customers
   * who did not buy are not in it).
   */
  public double arpu(long users) {
    if (users < customers) {
      throw new IllegalArgumentException("users (" + users + ") must be at least the "
          + customers + " customers with rows in the period");
    }
    return Commercial.arpu(netRevenue(), users);
  }

  private void requireOrders() {
    if (orders == 0) {
      throw new IllegalStateException("no order between " + from + " and " + to);
    }
  }

  /** One line per figure. */
  @Override
  public String toString() {
    String aov = orders > 0 ? ", AOV " + Stats.num(averageOrderValue()) + ", frequency "
        + Stats.num(purchaseFrequency()) : "";
    return String.format(java.util.Locale.ROOT,
        "sales %s .. %s: %,d orders, revenue %,.2f, %,d refunds %,.2f, net %,.2f; %,d buyers%s",
        from, to, orders, orderRevenue, refunds, refundAmount, netRevenue(), buyers, aov);
  }
}
