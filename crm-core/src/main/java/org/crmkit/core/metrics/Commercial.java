package org.crmkit.core.metrics;

import org.crmkit.core.Checks;

/**
 * Simple commercial ratios, each with its formula. Amounts are in one currency and one period
 * chosen by the caller (for example a month or a year); the ratios do not convert either.
 * Ratios are fractions (0.25), not percentages, except where a method name says
 * {@code Percent}. For the same figures from a transaction log, see {@link PeriodSales}; for
 * conversion funnels, {@link Funnel}.
 */
public final class Commercial {

  private Commercial() {}

  /**
   * Average order value: revenue ÷ orders.
   *
   * @param revenue the revenue of those orders, finite
   * @param orders the number of orders, &gt; 0
   */
  public static double averageOrderValue(double revenue, long orders) {
    Checks.finite("revenue", revenue);
    positive("orders", orders);
    return revenue / orders;
  }

  /**
   * Purchase frequency: orders ÷ customers who ordered, over the same period.
   *
   * @param orders the number of orders, &ge; 0
   * @param customers the number of customers, &gt; 0
   */
  public static double purchaseFrequency(long orders, long customers) {
    Checks.nonNegative("orders", orders);
    positive("customers", customers);
    return (double) orders / customers;
  }

  /**
   * Average revenue per user: revenue ÷ users, where users is the whole base in the period (not
   * only the buyers).
   */
  public static double arpu(double revenue, long users) {
    Checks.finite("revenue", revenue);
    positive("users", users);
    return revenue / users;
  }

  /**
   * Customer acquisition cost: acquisition spending (marketing and sales for acquisition) ÷ new
   * customers won in the same period.
   */
  public static double cac(double acquisitionCost, long newCustomers) {
    Checks.nonNegative("acquisitionCost", acquisitionCost);
    positive("newCustomers", newCustomers);
    return acquisitionCost / newCustomers;
  }

  /**
   * LTV:CAC, the customer lifetime value over the acquisition cost (3 is a common rule of thumb
   * for a healthy business; below 1 each customer loses money). Both on the same basis (margin,
   * not revenue, for the LTV).
   */
  public static double ltvToCac(double ltv, double cac) {
    Checks.finite("ltv", ltv);
    Checks.positive("cac", cac);
    return ltv / cac;
  }

  /**
   * CAC payback in months: CAC ÷ monthly gross margin per customer (monthly revenue per customer
   * × gross margin rate). Ignores churn and discounting: customers who leave before then never
   * pay their CAC back.
   *
   * @param monthlyMarginPerCustomer &gt; 0: with no margin the CAC is never paid back
   */
  public static double paybackMonths(double cac, double monthlyMarginPerCustomer) {
    Checks.nonNegative("cac", cac);
    Checks.positive("monthlyMarginPerCustomer", monthlyMarginPerCustomer);
    return cac / monthlyMarginPerCustomer;
  }

  /**
   * Profit contribution rate as a fraction: profit from the customer ÷ cost to serve the
   * customer; {@link #profitContributionPercent} gives it ×100 %, as the source documents quote
   * it.
   *
   * @param profit the profit from the customer, finite (negative for a loss)
   * @param costToServe the cost to serve the customer, &gt; 0
   */
  public static double profitContributionRate(double profit, double costToServe) {
    Checks.finite("profit", profit);
    Checks.positive("costToServe", costToServe);
    return profit / costToServe;
  }

  /** Profit contribution rate in percent: profit ÷ cost to serve × 100 %. */
  public static double profitContributionPercent(double profit, double costToServe) {
    return 100 * profitContributionRate(profit, costToServe);
  }

  /**
   * Campaign return on investment as a fraction: (attributed gain − cost) ÷ cost, where the gain
   * is the revenue (or, better, the margin) attributed to the campaign. 0 means break-even.
   */
  public static double campaignRoi(double attributedGain, double cost) {
    Checks.finite("attributedGain", attributedGain);
    Checks.positive("cost", cost);
    return (attributedGain - cost) / cost;
  }

  /** Campaign ROI in percent: (gain − cost) ÷ cost × 100 %. */
  public static double campaignRoiPercent(double attributedGain, double cost) {
    return 100 * campaignRoi(attributedGain, cost);
  }

  private static void positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + v);
    }
  }
}
