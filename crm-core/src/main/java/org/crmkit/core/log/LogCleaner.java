package org.crmkit.core.log;

import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * Cleans a {@link TransactionLog} under explicit policies and reports what changed.
 *
 * <pre>{@code
 * LogCleaner cleaner = LogCleaner.builder()
 *     .duplicates(Duplicates.REMOVE)
 *     .mergeSameDay(true)
 *     .refunds(Refunds.KEEP)
 *     .build();
 * CleanedLog result = cleaner.clean(log);
 * TransactionLog clean = result.log();
 * CleaningReport report = result.report();   // rows in/out, duplicates, merges, refunds
 * }</pre>
 *
 * <p><b>Order of operations</b>, per customer, in the log's order (time, then amount):
 *
 * <ol>
 *   <li><b>Duplicates</b> ({@link Duplicates}): exact duplicate rows (same customer, time and
 *       amount) are kept or removed first, so a row entered twice is neither summed twice nor
 *       counted as two refunds.
 *   <li><b>Refunds and same-day merging</b> ({@link Refunds}, {@link Builder#mergeSameDay}), in
 *       the same pass:
 *       <ul>
 *         <li>merging off: every remaining row stays as it is;
 *         <li>merging on, {@link Refunds#KEEP}: the purchases ({@code amount >= 0}) of one
 *             customer on one day become one row whose amount is their sum; refunds keep their own
 *             rows;
 *         <li>merging on, {@link Refunds#NET_AGAINST_DAY}: all rows of one customer on one day
 *             become one row whose amount is their sum (the net); a day holding a refund whose net
 *             is &le; 0 is removed;
 *         <li>{@link Refunds#REJECT}: a log holding any refund is rejected before anything else
 *             is done.
 *       </ul>
 * </ol>
 *
 * <p><b>Days and the time of a merged row.</b> A day is the row's epoch day: its date in a dated
 * log ({@link TimeBase#DAYS}), and in a timestamped log ({@link TimeBase#SECONDS}) its date in
 * {@link TransactionLog#zone()}. A merged row's time is that day in a dated log, and in a
 * timestamped log the earliest instant among the rows summed into it — an instant that really
 * occurred, on that day, so the merged log keeps its order, its dates and its first and last
 * dates. Its amount is the sum of the merged amounts, added in log order. After merging, a
 * customer has one purchase row per day (plus, under {@link Refunds#KEEP}, the refund rows), and
 * cleaning the result again with the same policies changes nothing. Days are grouped by their
 * date, not by adjacency, so a zone whose clocks went back across midnight (America/St_Johns
 * went back from 00:01 to 23:01 each autumn until 2010) still gives one row per day.
 *
 * <p><b>Customers and order.</b> The cleaned log is sorted like any log (customer, time, amount);
 * customers left with no row ({@link Refunds#NET_AGAINST_DAY} only) leave it, and are counted in
 * {@link CleaningReport#customersOut()}.
 *
 * <p><b>Cost.</b> Two sweeps over the rows, each one pass per customer with every policy fused:
 * the first counts, the second writes into columns of exactly the cleaned size, so the peak heap
 * is the input plus the output (16 bytes per output row), with no temporary copy. When nothing
 * changes the input log itself is returned and nothing is allocated but the report. Merging a
 * timestamped log also needs one {@code long[]} as long as its largest customer's rows, and a
 * table of its zone's offset transitions between its first and last instants.
 *
 * <p>A cleaner is immutable and thread-safe; {@link #clean(TransactionLog)} does not change it.
 */
public final class LogCleaner {

  /**
   * Under {@link Refunds#NET_AGAINST_DAY}, a day's net at most this fraction of its gross (the sum
   * of absolute amounts) counts as &le; 0: rounding, not money.
   */
  static final double NET_ZERO_RELATIVE = 1e-9;

  private final Duplicates duplicates;
  private final boolean mergeSameDay;
  private final Refunds refunds;

  private LogCleaner(Duplicates duplicates, boolean mergeSameDay, Refunds refunds) {
    this.duplicates = duplicates;
    this.mergeSameDay = mergeSameDay;
    this.refunds = refunds;
  }

  /**
   * A builder whose options start at the values that change nothing: {@link Duplicates#KEEP},
   * no same-day merging, {@link Refunds#KEEP}. Every change to the log is one you ask for.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The duplicate policy. */
  public Duplicates duplicates() {
    return duplicates;
  }

  /** True when same-day purchases are merged. */
  public boolean mergesSameDay() {
    return mergeSameDay;
  }

  /** The refund policy. */
  public Refunds refunds() {
    return refunds;
  }

  /**
   * Cleans {@code log} under this cleaner's policies (see the class description).
   *
   * @param log the log to clean; not changed
   * @return the cleaned log (the same instance when nothing changed) and the report
   * @throws IllegalArgumentException if {@code log} is null, or under {@link Refunds#REJECT} if it
   *     holds a refund; the message names the first refund's log row (the 0-based index of
   *     {@link TransactionLog#amount(int)}), customer, date and amount, for example
   *     {@code log row 2, customer 'b': amount is -1.0 on 1997-01-01, a refund (the first of 1
   *     refund row), and Refunds.REJECT rejects refunds; Refunds.KEEP or
   *     Refunds.NET_AGAINST_DAY accept them}
   */
  public CleanedLog clean(TransactionLog log) {
    Checks.notNull("log", log);
    if (refunds == Refunds.REJECT) {
      rejectRefunds(log);
    }
    // a timestamped log's days: its zone's transitions between its first and last instants
    DayClock clock = log.timeBase() == TimeBase.SECONDS && mergeSameDay
        ? new DayClock(log.zone(), log.rawMinTime(), log.rawMaxTime()) : null;
    var count = new Sweep(this, log, clock, null, null, null, null);
    count.run();
    var report = new CleaningReport(log.size(), count.duplicates, count.mergedAway,
        count.refundRows, count.netted, count.daysRemoved, count.w, log.customerCount(),
        count.customersOut);
    if (report.unchanged()) {
      return new CleanedLog(log, report);
    }
    long[] times = new long[count.w];
    double[] amounts = new double[count.w];
    int[] offsets = new int[count.customersOut + 1];
    boolean sameCustomers = count.customersOut == log.customerCount();
    String[] ids = sameCustomers ? log.rawIds() : new String[count.customersOut];
    var write = new Sweep(this, log, clock, times, amounts, sameCustomers ? null : ids, offsets);
    write.days = count.days;
    write.order = count.order;
    write.run();
    if (write.w != count.w || write.customersOut != count.customersOut) {
      throw new AssertionError("the writing sweep disagrees with the counting sweep: rows "
          + write.w + " vs " + count.w + ", customers " + write.customersOut + " vs "
          + count.customersOut);
    }
    // ids are immutable: an unchanged customer list is shared with the input log
    return new CleanedLog(
        new TransactionLog(ids, offsets, times, amounts, log.timeBase(), log.zone()), report);
  }

  private static void rejectRefunds(TransactionLog log) {
    double[] amounts = log.rawAmounts();
    int first = -1;
    int refunds = 0;
    for (int row = 0; row < amounts.length; row++) {
      if (amounts[row] < 0) {
        if (first < 0) {
          first = row;
        }
        refunds++;
      }
    }
    if (first < 0) {
      return;
    }
    String date = log.timeBase() == TimeBase.DAYS ? log.date(first).toString()
        : log.date(first) + " (" + log.instant(first) + ")";
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "log row %d, customer '%s': amount is %s on %s, a refund (the first of %,d refund %s),"
            + " and Refunds.REJECT rejects refunds; Refunds.KEEP or Refunds.NET_AGAINST_DAY"
            + " accept them",
        first, log.customerId(log.customerOfRow(first)), Checks.format(amounts[first]), date,
        refunds, refunds == 1 ? "row" : "rows"));
  }

  /**
   * The policies, for example
   * {@code LogCleaner[duplicates=REMOVE, mergeSameDay=true, refunds=KEEP]}.
   */
  @Override
  public String toString() {
    return "LogCleaner[duplicates=" + duplicates + ", mergeSameDay=" + mergeSameDay
        + ", refunds=" + refunds + "]";
  }

  /**
   * Options of a {@link LogCleaner}. Starts at the options that change nothing; {@link #build()}
   * rejects contradictory options. A builder can build any number of cleaners; it is not
   * thread-safe.
   */
  public static final class Builder {
    private Duplicates duplicates = Duplicates.KEEP;
    private boolean mergeSameDay;
    private Refunds refunds = Refunds.KEEP;

    private Builder() {}

    /**
     * What to do with exact duplicate rows (default {@link Duplicates#KEEP}).
     *
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public Builder duplicates(Duplicates policy) {
      this.duplicates = Checks.notNull("duplicates", policy);
      return this;
    }

    /**
     * Whether to merge each customer's purchases of one day into one row, summing the amounts
     * (default false). A timestamped log's days are dates in its zone.
     */
    public Builder mergeSameDay(boolean merge) {
      this.mergeSameDay = merge;
      return this;
    }

    /**
     * What to do with refunds (default {@link Refunds#KEEP}).
     *
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public Builder refunds(Refunds policy) {
      this.refunds = Checks.notNull("refunds", policy);
      return this;
    }

    /**
     * The cleaner.
     *
     * @throws IllegalStateException if {@link Refunds#NET_AGAINST_DAY} is chosen without
     *     {@code mergeSameDay(true)}: netting sums refunds into same-day totals
     */
    public LogCleaner build() {
      if (refunds == Refunds.NET_AGAINST_DAY && !mergeSameDay) {
        throw new IllegalStateException("Refunds.NET_AGAINST_DAY sums each refund into its"
            + " customer's same-day total, so it needs mergeSameDay(true); set"
            + " mergeSameDay(true), or choose Refunds.KEEP or Refunds.REJECT");
      }
      return new LogCleaner(duplicates, mergeSameDay, refunds);
    }
  }

  /**
   * One sweep over a log: counts when the output arrays are null, writes otherwise. Both sweeps
   * run the same code, so they agree on every count and position.
   */
  private static final class Sweep {
    private final boolean dedup;
    private final boolean merge;
    private final boolean net;

    private final String[] ids;
    private final int[] offsets;
    private final long[] times;
    private final double[] amounts;
    /** Null for a dated log, whose time is its day, and when not merging. */
    private final DayClock clock;

    private final long[] outTimes;
    private final double[] outAmounts;
    /** Null when the customer ids are shared with the input, or when counting. */
    private final String[] outIds;
    private final int[] outOffsets;

    /** Days of the current customer's rows (timestamped logs); allocated once, largest size. */
    long[] days;
    /** Processing order of the current customer's rows when its days are out of time order. */
    int[] order;

    int w;
    int customersOut;
    long duplicates;
    long mergedAway;
    long refundRows;
    long netted;
    long daysRemoved;

    // the open same-day group: its output position, day, time, sum, gross, whether it has a refund
    private boolean open;
    private int groupPos;
    private long groupDay;
    private long groupTime;
    private double groupSum;
    private double groupGross;
    private boolean groupRefund;

    Sweep(LogCleaner policy, TransactionLog log, DayClock clock, long[] outTimes,
        double[] outAmounts, String[] outIds, int[] outOffsets) {
      this.dedup = policy.duplicates == Duplicates.REMOVE;
      this.merge = policy.mergeSameDay;
      this.net = policy.refunds == Refunds.NET_AGAINST_DAY;
      this.ids = log.rawIds();
      this.offsets = log.rawOffsets();
      this.times = log.rawTimes();
      this.amounts = log.rawAmounts();
      this.clock = clock;
      this.outTimes = outTimes;
      this.outAmounts = outAmounts;
      this.outIds = outIds;
      this.outOffsets = outOffsets;
    }

    void run() {
      if (merge && clock != null && days == null) {
        int largest = 0;
        for (int c = 0; c < ids.length; c++) {
          largest = Math.max(largest, offsets[c + 1] - offsets[c]);
        }
        days = new long[largest];
      }
      for (int c = 0; c < ids.length; c++) {
        int before = w;
        customer(offsets[c], offsets[c + 1]);
        if (w > before) {
          if (outOffsets != null) {
            if (outIds != null) {
              outIds[customersOut] = ids[c];
            }
            outOffsets[customersOut + 1] = w;
          }
          customersOut++;
        }
      }
    }

    /** Cleans the rows [from, to) of one customer. */
    private void customer(int from, int to) {
      int n = to - from;
      long[] dayOf = times; // a dated log's time is its day
      int dayShift = 0;
      int[] ord = null;
      if (merge && clock != null) {
        boolean ascending = true;
        long previous = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
          long d = clock.epochDay(times[from + k]);
          days[k] = d;
          ascending &= d >= previous;
          previous = d;
        }
        dayOf = days;
        dayShift = from;
        if (!ascending) {
          ord = orderByDay(n);
        }
      }
      int start = w;
      boolean seen = false;
      long lastTime = 0;
      double lastAmount = 0;
      for (int k = 0; k < n; k++) {
        int row = from + (ord == null ? k : ord[k]);
        long t = times[row];
        double a = amounts[row];
        if (dedup) {
          if (seen && t == lastTime && a == lastAmount) {
            duplicates++;
            continue;
          }
          seen = true;
          lastTime = t;
          lastAmount = a;
        }
        boolean refund = a < 0;
        if (refund) {
          refundRows++;
        }
        if (!merge || (refund && !net)) {
          emit(t, a);
          continue;
        }
        long d = dayOf[row - dayShift];
        if (open && d == groupDay) {
          groupSum += a;
          groupGross += Math.abs(a);
          groupRefund |= refund;
          mergedAway++;
          if (refund) {
            netted++;
          }
          continue;
        }
        closeGroup();
        open = true;
        groupPos = w++; // reserved; written when the group closes, if it is kept
        groupDay = d;
        // rows come in time order within a day: t is the day's earliest merged instant
        groupTime = clock == null ? d : t;
        groupSum = a;
        groupGross = Math.abs(a);
        groupRefund = refund;
        if (refund) {
          netted++;
        }
      }
      closeGroup();
      if (ord != null && outTimes != null) {
        RowSort.sort(outTimes, outAmounts, start, w);
      }
    }

    /**
     * Closes the open group: writes its row into the position reserved for it, or under
     * NET_AGAINST_DAY removes a day that held a refund and nets to &le; 0. Under NET_AGAINST_DAY
     * nothing is written while a group is open, so removing it is rewinding the write position;
     * the reserved position may lie past the end of the exactly sized output, and is never
     * written then.
     */
    private void closeGroup() {
      if (!open) {
        return;
      }
      open = false;
      if (net && groupRefund && groupSum <= NET_ZERO_RELATIVE * groupGross) {
        w = groupPos;
        daysRemoved++;
      } else if (outTimes != null) {
        outTimes[groupPos] = groupTime;
        outAmounts[groupPos] = groupSum;
      }
    }

    private void emit(long t, double a) {
      if (outTimes != null) {
        outTimes[w] = t;
        outAmounts[w] = a;
      }
      w++;
    }

    /**
     * A stable order of the current customer's rows by day (insertion sort: the rows are in time
     * order, and days fall back only where a zone's clocks went back across midnight).
     */
    private int[] orderByDay(int n) {
      if (order == null) {
        order = new int[days.length];
      }
      for (int i = 0; i < n; i++) {
        int k = i;
        long d = days[k];
        int j = i - 1;
        while (j >= 0 && days[order[j]] > d) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = k;
      }
      return order;
    }
  }
}
