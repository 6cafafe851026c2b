package org.crmkit.core.value;

import java.time.LocalDate;
import java.util.Arrays;
import org.crmkit.core.Checks;

/**
 * One customer's purchases up to an analysis date, as {@link LifecycleRules} see them: the
 * distinct days with a purchase (rows with amount &ge; 0; several purchases on one day are one
 * purchase day) and the amount bought each day.
 *
 * @param customerId the customer
 * @param asOf the analysis date, not before the last purchase day
 * @param epochDays the purchase days as epoch days, strictly ascending, not empty (copied)
 * @param spend the amount bought on each of those days, finite and &ge; 0 (copied)
 */
public record PurchaseHistory(String customerId, LocalDate asOf, long[] epochDays,
    double[] spend) {

  /** Checks the components; copies the arrays. */
  public PurchaseHistory {
    Checks.notBlank("customerId", customerId);
    Checks.notNull("asOf", asOf);
    epochDays = Checks.notNull("epochDays", epochDays).clone();
    spend = Checks.notNull("spend", spend).clone();
    if (epochDays.length == 0 || spend.length != epochDays.length) {
      throw new IllegalArgumentException("customer '" + customerId + "': " + epochDays.length
          + " purchase days and " + spend.length + " amounts; at least one purchase needed");
    }
    for (int i = 0; i < epochDays.length; i++) {
      if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
        throw new IllegalArgumentException("customer '" + customerId
            + "': purchase days must be strictly ascending");
      }
      if (!(spend[i] >= 0 && spend[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("customer '" + customerId + "': spend on "
            + LocalDate.ofEpochDay(epochDays[i]) + " must be finite and >= 0: " + spend[i]);
      }
    }
    if (epochDays[epochDays.length - 1] > asOf.toEpochDay()) {
      throw new IllegalArgumentException("customer '" + customerId + "': a purchase on "
          + LocalDate.ofEpochDay(epochDays[epochDays.length - 1]) + " is after asOf " + asOf);
    }
  }

  /** A copy of the purchase days. */
  @Override
  public long[] epochDays() {
    return epochDays.clone();
  }

  /** A copy of the amounts per purchase day. */
  @Override
  public double[] spend() {
    return spend.clone();
  }

  /** The number of purchase days. */
  public int purchaseDays() {
    return epochDays.length;
  }

  /** The date of purchase day {@code i} (0 = the first). */
  public LocalDate day(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  /** The first purchase day. */
  public LocalDate firstPurchase() {
    return day(0);
  }

  /** The last purchase day. */
  public LocalDate lastPurchase() {
    return day(epochDays.length - 1);
  }

  /** The amount bought on days in [from, to] (inclusive); 0 when none. */
  public double spendBetween(LocalDate from, LocalDate to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    long lo = from.toEpochDay();
    long hi = to.toEpochDay();
    double s = 0;
    for (int i = 0; i < epochDays.length; i++) {
      if (epochDays[i] >= lo && epochDays[i] <= hi) {
        s += spend[i];
      }
    }
    return s;
  }

  /** Equal when every component is equal (arrays by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof PurchaseHistory h && customerId.equals(h.customerId)
        && asOf.equals(h.asOf) && Arrays.equals(epochDays, h.epochDays)
        && Arrays.equals(spend, h.spend);
  }

  @Override
  public int hashCode() {
    return customerId.hashCode() * 31 + Arrays.hashCode(epochDays);
  }

  /** {@code C042: 3 purchase days 2024-01-05 .. 2024-05-02, as of 2024-06-30}. */
  @Override
  public String toString() {
    return customerId + ": " + epochDays.length + " purchase days " + firstPurchase() + " .. "
        + lastPurchase() + ", as of " + asOf;
  }
}
