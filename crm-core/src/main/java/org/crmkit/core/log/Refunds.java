package org.crmkit.core.log;

/**
 * What {@link LogCleaner} does with refunds: rows with a negative amount ({@code amount < 0};
 * zero is a purchase). Refunds are never dropped silently: every policy counts them in
 * {@link CleaningReport#refundRows()}, or rejects the log.
 */
public enum Refunds {

  /**
   * Leave every refund row as it is. With same-day merging on, refunds take no part in it: the
   * customer's purchases of the day ({@code amount >= 0}) are summed into one row, and each refund
   * keeps its own row, time and amount. The log's total amount is unchanged by this policy.
   */
  KEEP,

  /**
   * Sum each refund into the same customer's total of the same day, with that day's purchases;
   * the day becomes one row holding the net amount. A day that holds at least one refund and
   * whose net is &le; 0 is removed, and counted in
   * {@link CleaningReport#nonPositiveDaysRemoved()}. "&le; 0" allows for the rounding of decimal
   * amounts in binary floating point: a net of at most {@code 1e-9} times the day's gross
   * (the sum of the absolute amounts) counts as zero, so purchases of 0.10 and 0.20 refunded as
   * 0.30, whose doubles sum to 2.8e-17, remove the day. A day without refunds is never removed,
   * even when its total is 0.
   *
   * <p>Refunds on a day without purchases (a return of an earlier purchase) therefore disappear
   * with their day, and the earlier purchase stays: netting works within a day only.
   *
   * <p>Needs same-day merging: {@link LogCleaner.Builder#build()} rejects this policy without
   * {@link LogCleaner.Builder#mergeSameDay(boolean) mergeSameDay(true)}.
   */
  NET_AGAINST_DAY,

  /**
   * Reject a log holding any refund: {@link LogCleaner#clean(TransactionLog)} throws an
   * {@link IllegalArgumentException} naming the first refund in log order (its log row, customer,
   * date and amount) and the number of refund rows.
   */
  REJECT
}
