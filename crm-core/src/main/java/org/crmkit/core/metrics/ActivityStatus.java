package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Active and inactive customers at a date by an inactivity window: a customer is active when the
 * last purchase on or before {@code asOf} lies in the window (asOf − window, asOf] — with a
 * 90-day window, a purchase 89 days ago is active, one 90 days ago is not.
 *
 * <p>A purchase is a row with amount &ge; 0; rows after {@code asOf} are ignored. Customers
 * with no purchase up to {@code asOf} (later first purchases, refunds only) are not customers
 * yet: they are counted in {@code withoutPurchase} and have no status.
 *
 * @param asOf the date of the status
 * @param window the inactivity window, for example {@code Period.ofDays(90)} or
 *     {@code Period.ofMonths(6)}
 * @param customerIds the customers with a purchase up to asOf, strictly ascending
 * @param lastPurchases their last purchase dates, same order
 * @param withoutPurchase customers of the log with no purchase up to asOf
 */
public record ActivityStatus(LocalDate asOf, Period window, List<String> customerIds,
    List<LocalDate> lastPurchases, long withoutPurchase) {

  /** Checks the components; copies the lists. */
  public ActivityStatus {
    Checks.notNull("asOf", asOf);
    Checks.notNull("window", window);
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("lastPurchases", lastPurchases);
    if (customerIds.size() != lastPurchases.size()) {
      throw new IllegalArgumentException("customerIds and lastPurchases differ in length: "
          + customerIds.size() + " and " + lastPurchases.size());
    }
    String previous = null;
    for (int i = 0; i < customerIds.size(); i++) {
      String id = Checks.notNull("customerIds[" + i + "]", customerIds.get(i));
      LocalDate last = Checks.notNull("lastPurchases[" + i + "]", lastPurchases.get(i));
      if (previous != null && previous.compareTo(id) >= 0) {
        throw new IllegalArgumentException("customerIds must be strictly ascending: '"
            + previous + "' then '" + id + "'");
      }
      if (last.isAfter(asOf)) {
        throw new IllegalArgumentException(
            "customer '" + id + "': last purchase " + last + " is after asOf " + asOf);
      }
      previous = id;
    }
    customerIds = List.copyOf(customerIds);
    lastPurchases = List.copyOf(lastPurchases);
    Checks.nonNegative("withoutPurchase", withoutPurchase);
  }

  /** The status of every customer of {@code log} at {@code asOf}. */
  public static ActivityStatus of(TransactionLog log, LocalDate asOf, Period window) {
    Checks.notNull("log", log);
    Checks.notNull("asOf", asOf);
    long end = asOf.toEpochDay();
    List<String> ids = new ArrayList<>();
    List<LocalDate> last = new ArrayList<>();
    long without = 0;
    for (int c = 0; c < log.customerCount(); c++) {
      long lastDay = Long.MIN_VALUE;
      for (int row = log.start(c); row < log.end(c); row++) {
        long d = log.epochDay(row);
        if (d <= end && log.amount(row) >= 0) {
          lastDay = Math.max(lastDay, d);
        }
      }
      if (lastDay == Long.MIN_VALUE) {
        without++;
      } else {
        ids.add(log.customerId(c));
        last.add(LocalDate.ofEpochDay(lastDay));
      }
    }
    return new ActivityStatus(asOf, window, ids, last, without);
  }

  /** The first date that still counts as active: asOf − window + 1 day. */
  public LocalDate activeSince() {
    return asOf.minus(window).plusDays(1);
  }

  /** True when customer {@code i}'s last purchase is on or after {@link #activeSince()}. */
  public boolean isActive(int i) {
    return !lastPurchases.get(i).isBefore(activeSince());
  }

  /**
   * The status of one customer.
   *
   * @throws IllegalArgumentException if the customer has no purchase up to asOf
   */
  public boolean isActive(String customerId) {
    int i = java.util.Collections.binarySearch(customerIds, customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId
          + "' has no purchase up to " + asOf);
    }
    return isActive(i);
  }

  /** The number of customers with a status. */
  public int customers() {
    return customerIds.size();
  }

  /** The number of active customers. */
  public long activeCount() {
    long n = 0;
    for (int i = 0; i < customerIds.size(); i++) {
      n += isActive(i) ? 1 : 0;
    }
    return n;
  }

  /** The number of inactive customers. */
  public long inactiveCount() {
    return customers() - activeCount();
  }

  /** The active share as a proportion (Wilson interval); needs at least one customer. */
  public Proportion active() {
    if (customerIds.isEmpty()) {
      throw new IllegalStateException("no customer has a purchase up to " + asOf);
    }
    return Proportion.of(activeCount(), customers());
  }

  /** The ids of the active customers, ascending. */
  public List<String> activeIds() {
    return select(true);
  }

  /** The ids of the inactive customers, ascending. */
  public List<String> inactiveIds() {
    return select(false);
  }

  private List<String> select(boolean active) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < customerIds.size(); i++) {
      if (isActive(i) == active) {
        out.add(customerIds.get(i));
      }
    }
    return List.copyOf(out);
  }

  /** One line of counts. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "activity at %s, window %s (active since %s): %,d active, %,d inactive, %,d without "
            + "purchase yet", asOf, window, activeSince(), activeCount(), inactiveCount(),
        withoutPurchase);
  }
}
