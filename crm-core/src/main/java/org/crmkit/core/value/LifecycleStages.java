package org.crmkit.core.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Lifecycle stages of the customers of a transaction log at an analysis date, by
 * {@link LifecycleRules} ({@link ActivityRules}, {@link RelationshipRules} or the caller's).
 *
 * <pre>{@code
 * LifecycleStages<ActivityStage> a = LifecycleStages.of(log, asOf, ActivityRules.defaults());
 * LifecycleStages<RelationshipStage> r = LifecycleStages.of(log, asOf, RelationshipRules.defaults());
 * a.counts();          // customers per stage, every stage listed
 * a.stage("C042");     // AT_RISK
 * }</pre>
 *
 * <p>A purchase is a row with amount &ge; 0 dated on or before asOf (dates read in the log's
 * zone); rows after asOf are ignored, and refunds (negative rows) define no stage — both are
 * counted ({@code rowsAfterAsOf}, {@code refundRows}). Customers without a purchase up to asOf
 * are not customers yet: they get no stage and are counted in {@code withoutPurchase}. Every
 * other customer of the log gets exactly one stage, so the stages partition them.
 *
 * @param asOf the analysis date
 * @param rules the rules used
 * @param customerIds the customers with a stage, in the log's (ascending) order
 * @param stages their stages
 * @param firstPurchases their first purchase days
 * @param lastPurchases their last purchase days
 * @param purchaseDays their numbers of purchase days (copied)
 * @param withoutPurchase customers of the log without a purchase up to asOf
 * @param refundRows rows with a negative amount up to asOf, not used
 * @param rowsAfterAsOf rows dated after asOf, not used
 * @param <S> the stages
 */
public record LifecycleStages<S extends Enum<S>>(LocalDate asOf, LifecycleRules<S> rules,
    List<String> customerIds, List<S> stages, List<LocalDate> firstPurchases,
    List<LocalDate> lastPurchases, int[] purchaseDays, long withoutPurchase, long refundRows,
    long rowsAfterAsOf) {

  /** Checks shapes and counts; copies. */
  public LifecycleStages {
    Checks.notNull("asOf", asOf);
    Checks.notNull("rules", rules);
    customerIds = List.copyOf(Checks.notNull("customerIds", customerIds));
    stages = List.copyOf(Checks.notNull("stages", stages));
    firstPurchases = List.copyOf(Checks.notNull("firstPurchases", firstPurchases));
    lastPurchases = List.copyOf(Checks.notNull("lastPurchases", lastPurchases));
    purchaseDays = Checks.notNull("purchaseDays", purchaseDays).clone();
    int n = customerIds.size();
    if (stages.size() != n || firstPurchases.size() != n || lastPurchases.size() != n
        || purchaseDays.length != n) {
      throw new IllegalArgumentException(n + " customers, " + stages.size() + " stages, "
          + firstPurchases.size() + " first and " + lastPurchases.size()
          + " last purchases, " + purchaseDays.length + " purchase-day counts");
    }
    for (int i = 0; i < n; i++) {
      if (!rules.stageType().isInstance(stages.get(i))) {
        throw new IllegalArgumentException("customer '" + customerIds.get(i) + "': stage "
            + stages.get(i) + " is not a " + rules.stageType().getSimpleName());
      }
      if (purchaseDays[i] < 1 || lastPurchases.get(i).isBefore(firstPurchases.get(i))
          || lastPurchases.get(i).isAfter(asOf)) {
        throw new IllegalArgumentException("customer '" + customerIds.get(i)
            + "': inconsistent purchases " + firstPurchases.get(i) + " .. "
            + lastPurchases.get(i) + " (" + purchaseDays[i] + " days) at " + asOf);
      }
    }
    Checks.nonNegative("withoutPurchase", withoutPurchase);
    Checks.nonNegative("refundRows", refundRows);
    Checks.nonNegative("rowsAfterAsOf", rowsAfterAsOf);
  }

  /**
   * The stage of every customer of {@code log} with a purchase up to {@code asOf}.
   *
   * @throws IllegalArgumentException if the rules do not fit asOf ({@link
   *     LifecycleRules#validate})
   * @throws IllegalStateException if the rules give a null stage
   */
  public static <S extends Enum<S>> LifecycleStages<S> of(TransactionLog log, LocalDate asOf,
      LifecycleRules<S> rules) {
    Checks.notNull("log", log);
    Checks.notNull("asOf", asOf);
    Checks.notNull("rules", rules);
    rules.validate(asOf);
    long end = asOf.toEpochDay();
    List<String> ids = new ArrayList<>();
    List<S> stages = new ArrayList<>();
    List<LocalDate> first = new ArrayList<>();
    List<LocalDate> last = new ArrayList<>();
    List<Integer> count = new ArrayList<>();
    long without = 0;
    long refunds = 0;
    long after = 0;
    long[] days = new long[16];
    double[] spend = new double[16];
    for (int c = 0; c < log.customerCount(); c++) {
      int k = 0;
      for (int row = log.start(c); row < log.end(c); row++) {
        long d = log.epochDay(row);
        double a = log.amount(row);
        if (d > end) {
          after++;
        } else if (a < 0) {
          refunds++;
        } else if (k > 0 && days[k - 1] == d) {
          spend[k - 1] += a;
        } else {
          if (k == days.length) {
            days = java.util.Arrays.copyOf(days, 2 * k);
            spend = java.util.Arrays.copyOf(spend, 2 * k);
          }
          days[k] = d;
          spend[k] = a;
          k++;
        }
      }
      if (k == 0) {
        without++;
        continue;
      }
      String id = log.customerId(c);
      PurchaseHistory h = new PurchaseHistory(id, asOf, java.util.Arrays.copyOf(days, k),
          java.util.Arrays.copyOf(spend, k));
      S s = rules.stageOf(h);
      if (s == null) {
        throw new IllegalStateException("the rules gave no stage (null) for customer '" + id
            + "': " + rules);
      }
      ids.add(id);
      stages.add(s);
      first.add(h.firstPurchase());
      last.add(h.lastPurchase());
      count.add(k);
    }
    return new LifecycleStages<>(asOf, rules, ids, stages, first, last,
        count.stream().mapToInt(Integer::intValue).toArray(), without, refunds, after);
  }

  /** A copy of the purchase-day counts. */
  @Override
  public int[] purchaseDays() {
    return purchaseDays.clone();
  }

  /** The number of customers with a stage. */
  public int size() {
    return customerIds.size();
  }

  /**
   * The stage of one customer.
   *
   * @throws IllegalArgumentException if the customer has no purchase up to asOf or is unknown
   */
  public S stage(String customerId) {
    int i = Collections.binarySearch(customerIds, customerId);
    if (i < 0) {
      throw new IllegalArgumentException("customer '" + customerId
          + "' has no stage: no purchase up to " + asOf + " or not in the log");
    }
    return stages.get(i);
  }

  /** The number of customers per stage, every stage listed (0 when empty), in enum order. */
  public Map<S, Long> counts() {
    EnumMap<S, Long> c = new EnumMap<>(rules.stageType());
    for (S s : rules.stageType().getEnumConstants()) {
      c.put(s, 0L);
    }
    for (S s : stages) {
      c.merge(s, 1L, Long::sum);
    }
    return Collections.unmodifiableMap(c);
  }

  /** The customers of one stage, ascending. */
  public List<String> ids(S stage) {
    Checks.notNull("stage", stage);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i) == stage) {
        out.add(customerIds.get(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Columns {@code customer_id}, {@code stage}, {@code first_purchase}, {@code last_purchase},
   * {@code purchase_days}.
   */
  public Table toTable() {
    return ColumnTable.builder(customerIds.size())
        .strings("customer_id", customerIds::get)
        .strings("stage", i -> stages.get(i).name())
        .dates("first_purchase", firstPurchases::get)
        .dates("last_purchase", lastPurchases::get)
        .longs("purchase_days", purchaseDays)
        .build();
  }

  /** The rules, then one line per stage with its count and share. */
  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "lifecycle stages at %s, %s%n  %,d customers; %,d without a purchase yet", asOf, rules,
        customerIds.size(), withoutPurchase));
    if (refundRows > 0 || rowsAfterAsOf > 0) {
      sb.append(String.format(Locale.ROOT, "; not used: %,d refund rows, %,d rows after %s",
          refundRows, rowsAfterAsOf, asOf));
    }
    int n = Math.max(1, customerIds.size());
    counts().forEach((s, c) -> sb.append(String.format(Locale.ROOT, "%n  %-12s %,9d  %5.1f%%",
        s.name(), c, 100.0 * c / n)));
    return sb.toString();
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LifecycleStages<?> l && asOf.equals(l.asOf) && rules.equals(l.rules)
        && customerIds.equals(l.customerIds) && stages.equals(l.stages)
        && firstPurchases.equals(l.firstPurchases) && lastPurchases.equals(l.lastPurchases)
        && java.util.Arrays.equals(purchaseDays, l.purchaseDays)
        && withoutPurchase == l.withoutPurchase && refundRows == l.refundRows
        && rowsAfterAsOf == l.rowsAfterAsOf;
  }

  @Override
  public int hashCode() {
    return customerIds.hashCode() * 31 + stages.hashCode();
  }
}
