package org.crmkit.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.Checks;

/**
 * One purchase (or, with a negative amount, a refund) of one customer.
 *
 * <p>A transaction carries either a calendar {@code date} or an {@code instant}, never both: the
 * other component is null. Use {@link #of(String, LocalDate, double)} or
 * {@link #at(String, Instant, double)}, then the {@code with…} methods for the optional order id,
 * channel, product and quantity. Amounts are in one currency per log; zero is allowed, negative
 * amounts are refunds.
 *
 * @param customerId the customer's id; not blank
 * @param date the purchase date, or null when {@code instant} is given
 * @param instant the purchase instant, or null when {@code date} is given
 * @param amount the amount; finite
 * @param orderId the order id, or null
 * @param channel the sales channel, or null
 * @param product the product, or null
 * @param quantity the quantity, or null; finite when given
 */
public record Transaction(String customerId, LocalDate date, Instant instant, double amount,
    String orderId, String channel, String product, Double quantity) {

  /** Validates the components; see the class description. */
  public Transaction {
    Checks.notBlank("customerId", customerId);
    if ((date == null) == (instant == null)) {
      throw new IllegalArgumentException("customer '" + customerId
          + "': a transaction needs exactly one of date and instant, got date=" + date
          + ", instant=" + instant);
    }
    if (date != null) {
      try {
        Checks.saneDate("date", date);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("customer '" + customerId + "': " + e.getMessage(), e);
      }
    }
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException(
          "customer '" + customerId + "': amount must be finite: " + amount);
    }
    if (quantity != null && !Double.isFinite(quantity)) {
      throw new IllegalArgumentException(
          "customer '" + customerId + "': quantity must be finite: " + quantity);
    }
  }

  /** A dated transaction with no optional fields. */
  public static Transaction of(String customerId, LocalDate date, double amount) {
    return new Transaction(customerId, date, null, amount, null, null, null, null);
  }

  /** A timestamped transaction with no optional fields. */
  public static Transaction at(String customerId, Instant instant, double amount) {
    return new Transaction(customerId, null, instant, amount, null, null, null, null);
  }

  /** The calendar date: {@code date}, or {@code instant} seen in {@code zone}. */
  public LocalDate dateIn(ZoneId zone) {
    return date != null ? date : instant.atZone(zone).toLocalDate();
  }

  /** True when the amount is negative. */
  public boolean isRefund() {
    return amount < 0;
  }

  /** A copy with this order id. */
  public Transaction withOrderId(String id) {
    return new Transaction(customerId, date, instant, amount, id, channel, product, quantity);
  }

  /** A copy with this channel. */
  public Transaction withChannel(String c) {
    return new Transaction(customerId, date, instant, amount, orderId, c, product, quantity);
  }

  /** A copy with this product. */
  public Transaction withProduct(String p) {
    return new Transaction(customerId, date, instant, amount, orderId, channel, p, quantity);
  }

  /** A copy with this quantity. */
  public Transaction withQuantity(double q) {
    return new Transaction(customerId, date, instant, amount, orderId, channel, product, q);
  }

  /** The order id, if given. */
  public Optional<String> order() {
    return Optional.ofNullable(orderId);
  }

  /** The quantity, if given. */
  public OptionalDouble optionalQuantity() {
    return quantity == null ? OptionalDouble.empty() : OptionalDouble.of(quantity);
  }
}
