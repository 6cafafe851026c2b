package org.crmkit.models.churn;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Churn labels: for each customer, churned (1) or retained (0).
 *
 * <ul>
 *   <li>{@link #nonContractual}: a customer who bought on or before the cutoff has churned when
 *       they make no purchase in the window after it.
 *   <li>{@link #contractual}: a subscriber active at the cutoff has churned when the subscription
 *       ends before a date.
 *   <li>{@link #of}: labels from elsewhere.
 * </ul>
 *
 * <p>{@link #alignTo(FeatureTable)} returns the labels in a feature table's row order. Instances
 * are immutable and thread-safe.
 */
public final class ChurnLabels {

  private final String[] ids;
  private final boolean[] churned;
  private final int excluded;
  private final String definition;
  private final Map<String, Integer> rowOf;

  private ChurnLabels(String[] ids, boolean[] churned, int excluded, String definition) {
    this.ids = ids;
    this.churned = churned;
    this.excluded = excluded;
    this.definition = definition;
    this.rowOf = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null || ids[i].isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "row %d: customer id is %s",
            i + 1, ids[i] == null ? "null" : "blank"));
      }
      if (rowOf.put(ids[i], i) != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s': customer id appears twice", i + 1, ids[i]));
      }
    }
  }

  /**
   * Labels given directly.
   *
   * @throws IllegalArgumentException if lengths differ or an id is null, blank or repeated
   */
  public static ChurnLabels of(String[] customerIds, boolean[] churned) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("churned", churned);
    if (customerIds.length != churned.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "customerIds has %d entries, churned %d", customerIds.length, churned.length));
    }
    return new ChurnLabels(customerIds.clone(), churned.clone(), 0, "given");
  }

  /**
   * Non-contractual churn: every customer with a purchase (a row with amount &ge; 0) on or before
   * {@code cutoff} is labelled; churned = no purchase dated in (cutoff, cutoff + window]. Rows
   * after cutoff + window are not read. Customers in the log's order, like {@link ChurnFeatures}.
   *
   * @throws IllegalArgumentException if an argument is null, the window is not positive, or no
   *     customer bought on or before the cutoff
   */
  public static ChurnLabels nonContractual(TransactionLog log, LocalDate cutoff, Period window) {
    Checks.notNull("log", log);
    Checks.saneDate("cutoff", cutoff);
    Checks.notNull("window", window);
    LocalDate end = cutoff.plus(window);
    if (!end.isAfter(cutoff)) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    long c = cutoff.toEpochDay();
    long e = end.toEpochDay();
    int n = log.customerCount();
    String[] ids = new String[n];
    boolean[] y = new boolean[n];
    int k = 0;
    for (int cust = 0; cust < n; cust++) {
      boolean before = false;
      boolean inWindow = false;
      for (int row = log.start(cust); row < log.end(cust); row++) {
        long d = log.epochDay(row);
        if (d > e) {
          break;
        }
        if (log.amount(row) >= 0) {
          if (d <= c) {
            before = true;
          } else {
            inWindow = true;
          }
        }
      }
      if (before) {
        ids[k] = log.customerId(cust);
        y[k] = !inWindow;
        k++;
      }
    }
    if (k == 0) {
      throw new IllegalArgumentException(
          "the transaction log has no purchase on or before the cutoff " + cutoff);
    }
    return new ChurnLabels(java.util.Arrays.copyOf(ids, k), java.util.Arrays.copyOf(y, k), 0,
        String.format(Locale.ROOT, "no purchase in (%s, %s]", cutoff, end));
  }

  /**
   * Contractual churn at a cutoff: subscribers whose subscription has not ended on or before
   * {@code cutoff} (end date null = still running) are labelled, churned = the subscription ends
   * before {@code before}. Subscribers already gone at the cutoff are left out and counted
   * ({@link #excluded()}).
   *
   * @param customerIds the subscribers
   * @param endDates the last day of each subscription, or null while it runs
   * @param cutoff the date at which features are built
   * @param before churned means an end date strictly before this date; after {@code cutoff}
   * @throws IllegalArgumentException if lengths differ, an id repeats, {@code before} is not after
   *     {@code cutoff}, or no subscriber is active at the cutoff
   */
  public static ChurnLabels contractual(String[] customerIds, LocalDate[] endDates,
      LocalDate cutoff, LocalDate before) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("endDates", endDates);
    Checks.saneDate("cutoff", cutoff);
    Checks.saneDate("before", before);
    if (!before.isAfter(cutoff)) {
      throw new IllegalArgumentException(
          "before (" + before + ") must be after the cutoff (" + cutoff + ")");
    }
    if (customerIds.length != endDates.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "customerIds has %d entries, endDates %d", customerIds.length, endDates.length));
    }
    int n = customerIds.length;
    String[] ids = new String[n];
    boolean[] y = new boolean[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      LocalDate end = endDates[i];
      if (end != null && !end.isAfter(cutoff)) {
        continue;
      }
      ids[k] = customerIds[i];
      y[k] = end != null && end.isBefore(before);
      k++;
    }
    if (k == 0) {
      throw new IllegalArgumentException("no subscription is active at the cutoff " + cutoff);
    }
    return new ChurnLabels(java.util.Arrays.copyOf(ids, k), java.util.Arrays.copyOf(y, k), n - k,
        String.format(Locale.ROOT, "subscription ends in (%s, %s)", cutoff, before));
  }

  /**
   * Contractual churn without a cutoff: churned = the subscription ends before {@code before}.
   *
   * @throws IllegalArgumentException if lengths differ or an id repeats
   */
  public static ChurnLabels contractual(String[] customerIds, LocalDate[] endDates,
      LocalDate before) {
    Checks.notNull("customerIds", customerIds);
    Checks.notNull("endDates", endDates);
    Checks.saneDate("before", before);
    if (customerIds.length != endDates.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "customerIds has %d entries, endDates %d", customerIds.length, endDates.length));
    }
    boolean[] y = new boolean[customerIds.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = endDates[i] != null && endDates[i].isBefore(before);
    }
    return new ChurnLabels(customerIds.clone(), y, 0, "subscription ends before " + before);
  }

  /** The number of labelled customers. */
  public int size() {
    return ids.length;
  }

  /** The id of customer {@code i}. */
  public String customerId(int i) {
    return ids[i];
  }

  /** A copy of the ids. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** Whether customer {@code i} churned. */
  public boolean churned(int i) {
    return churned[i];
  }

  /** Whether this customer churned. @throws IllegalArgumentException if not labelled */
  public boolean churned(String customerId) {
    Integer i = rowOf.get(customerId);
    if (i == null) {
      throw new IllegalArgumentException("customer '" + customerId + "' has no label");
    }
    return churned[i];
  }

  /** The number of churned customers. */
  public int churnedCount() {
    int k = 0;
    for (boolean b : churned) {
      if (b) {
        k++;
      }
    }
    return k;
  }

  /** The share of churned customers (0 for no customers). */
  public double churnRate() {
    return ids.length == 0 ? 0 : (double) churnedCount() / ids.length;
  }

  /** Subscribers left out of contractual labels because they had ended by the cutoff. */
  public int excluded() {
    return excluded;
  }

  /** What churned means here, e.g. {@code no purchase in (1997-09-30, 1998-06-30]}. */
  public String definition() {
    return definition;
  }

  /** The labels as 0/1 in this table's row order (1 = churned). */
  public int[] alignTo(FeatureTable features) {
    Checks.notNull("features", features);
    int[] y = new int[features.size()];
    for (int i = 0; i < y.length; i++) {
      Integer j = rowOf.get(features.customerId(i));
      if (j == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d, customer '%s' of the feature table has no label", i + 1,
            features.customerId(i)));
      }
      y[i] = churned[j] ? 1 : 0;
    }
    return y;
  }

  /** The labels for writing: customer, churned. */
  public Table toTable() {
    return ColumnTable.builder(ids.length).strings("customer", ids).booleans("churned", churned)
        .build();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ChurnLabels: %s customers, %s churned (%.1f%%); %s%s",
        Fmt.count(ids.length), Fmt.count(churnedCount()), 100 * churnRate(), definition,
        excluded > 0 ? "; " + Fmt.count(excluded) + " ended by the cutoff, left out" : "");
  }
}
