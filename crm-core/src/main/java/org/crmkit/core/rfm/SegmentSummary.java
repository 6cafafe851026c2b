package org.crmkit.core.rfm;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Customers, orders and revenue per segment; made by {@link Segmentation#summary()}. Rows follow
 * the map's precedence order with "Others" last, always present.
 *
 * <p>Per row: AOV = revenue / orders (0 for a segment without orders); customer share =
 * customers / all customers; revenue share = revenue / all revenue (0 when all revenue is 0).
 *
 * @param map the map's name
 * @param rows one row per segment, "Others" last
 * @param customers all customers
 * @param orders all orders
 * @param revenue all revenue
 */
public record SegmentSummary(String map, List<Row> rows, int customers, long orders,
    double revenue) {

  /** Copies the rows. */
  public SegmentSummary {
    Checks.notNull("map", map);
    rows = List.copyOf(rows);
  }

  /**
   * The row of a segment.
   *
   * @throws IllegalArgumentException if there is no segment of that name
   */
  public Row row(String segment) {
    for (Row r : rows) {
      if (r.segment().equals(segment)) {
        return r;
      }
    }
    throw new IllegalArgumentException("segment '" + segment + "' is not in map '" + map + "'");
  }

  /**
   * One segment's totals.
   *
   * @param segment the segment's name
   * @param label the segment's label
   * @param customers customers in the segment
   * @param orders their orders
   * @param revenue their revenue
   * @param averageOrderValue revenue / orders, 0 without orders
   * @param customerShare customers / all customers
   * @param revenueShare revenue / all revenue, 0 when all revenue is 0
   */
  public record Row(String segment, String label, int customers, long orders, double revenue,
      double averageOrderValue, double customerShare, double revenueShare) {}

  /** The summary for writing: one row per segment, including Others. */
  public org.crmkit.core.table.Table toTable() {
    return org.crmkit.core.table.ColumnTable.builder(rows.size())
        .strings("segment", i -> rows.get(i).segment())
        .strings("label", i -> rows.get(i).label())
        .longs("customers", rows.stream().mapToLong(Row::customers).toArray())
        .longs("orders", rows.stream().mapToLong(Row::orders).toArray())
        .doubles("revenue", i -> rows.get(i).revenue())
        .doubles("average_order_value", i -> rows.get(i).averageOrderValue())
        .doubles("customer_share", i -> rows.get(i).customerShare())
        .doubles("revenue_share", i -> rows.get(i).revenueShare())
        .build();
  }

  /** A fixed-width table: up to 20 segments, then "… N more", then "Others". */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Segments '%s': %s customers, %s orders, revenue %s%n",
        map, Fmt.count(customers), Fmt.count(orders), Fmt.money(revenue)));
    int w = 7;
    for (Row r : rows) {
      w = Math.max(w, Math.min(24, r.segment().length()));
    }
    String fmt = "  %-" + w + "s %9s %6s %9s %14s %6s %10s  %s";
    sb.append(String.format(Locale.ROOT, fmt, "segment", "customers", "share", "orders",
        "revenue", "share", "AOV", "label")).append('\n');
    // the map's segments, at most 20, then always the "Others" row
    int segments = rows.size() - 1;
    int shown = Math.min(segments, Fmt.MAX_ROWS);
    for (int i = 0; i < shown; i++) {
      appendRow(sb, fmt, rows.get(i));
    }
    if (segments > shown) {
      sb.append(Fmt.more(segments - shown));
    }
    if (segments >= 0) {
      appendRow(sb, fmt, rows.get(segments));
    }
    return sb.toString().stripTrailing();
  }

  private static void appendRow(StringBuilder sb, String fmt, Row r) {
    sb.append(String.format(Locale.ROOT, fmt, Fmt.clip(r.segment(), 24),
        Fmt.count(r.customers()), Fmt.percent(r.customerShare()), Fmt.count(r.orders()),
        Fmt.money(r.revenue()), Fmt.percent(r.revenueShare()),
        Fmt.money(r.averageOrderValue()), r.label().equals(r.segment()) ? "" : r.label())
        .stripTrailing()).append('\n');
  }
}
