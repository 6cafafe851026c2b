package org.crmkit.core.log;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Transaction;

/**
 * An immutable, columnar log of transactions, sorted by customer id, then by time, then by amount.
 *
 * <p>Storage: a {@code String[]} of the distinct customer ids in ascending order, an
 * {@code int[]} of per-customer row offsets, and per row a {@code long} time (epoch day or epoch
 * second, see {@link TimeBase}) and a {@code double} amount: 16 bytes per transaction plus 4 bytes
 * per customer beyond the ids. 100 million transactions take 1.6 GB.
 *
 * <p>Per-customer iteration allocates nothing:
 *
 * <pre>{@code
 * for (int c = 0; c < log.customerCount(); c++) {
 *   for (int row = log.start(c); row < log.end(c); row++) {
 *     long day = log.epochDay(row);
 *     double amount = log.amount(row);
 *   }
 * }
 * }</pre>
 *
 * <p>Build one with {@link #builder()} (dates) or {@link #builder(ZoneId)} (instants). The
 * builder validates every row and sorts once. Instances are immutable and thread-safe.
 */
public final class TransactionLog {

  private static final long SECONDS_PER_DAY = 86_400L;

  private final String[] ids;
  private final int[] offsets;
  private final long[] times;
  private final double[] amounts;
  private final TimeBase base;
  private final ZoneId zone;
  /** Epoch days of epoch seconds in the zone, for a timestamped log; null for a dated one. */
  private final DayClock days;
  private final long minTime;
  private final long maxTime;
  private final double total;

  /** Takes ownership of sorted arrays; callers in this package guarantee the invariants. */
  TransactionLog(String[] ids, int[] offsets, long[] times, double[] amounts, TimeBase base,
      ZoneId zone) {
    this.ids = ids;
    this.offsets = offsets;
    this.times = times;
    this.amounts = amounts;
    this.base = base;
    this.zone = zone;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    double sum = 0;
    for (int i = 0; i < times.length; i++) {
      lo = Math.min(lo, times[i]);
      hi = Math.max(hi, times[i]);
      sum += amounts[i];
    }
    this.minTime = lo;
    this.maxTime = hi;
    this.days = base == TimeBase.SECONDS ? new DayClock(zone, lo, hi) : null;
    this.total = sum;
  }

  /** A builder for a log of dated transactions. */
  public static Builder builder() {
    return new Builder(TimeBase.DAYS, ZoneOffset.UTC);
  }

  /**
   * A builder for a log of timestamped transactions; {@code zone} turns instants into dates
   * (for same-day merging, summaries and RFM).
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(TimeBase.SECONDS, Checks.notNull("zone", zone));
  }

  /** A log of these transactions (all dated, or all timestamped and read in UTC). */
  public static TransactionLog of(Iterable<Transaction> transactions) {
    var it = transactions.iterator();
    if (it.hasNext() && it.next().instant() != null) {
      return builder(ZoneOffset.UTC).addAll(transactions).build();
    }
    return builder().addAll(transactions).build();
  }

  /** The number of transactions. */
  public int size() {
    return times.length;
  }

  /** True when the log holds no transaction. */
  public boolean isEmpty() {
    return times.length == 0;
  }

  /** The number of distinct customers. */
  public int customerCount() {
    return ids.length;
  }

  /** The id of customer {@code c} (0-based, in ascending id order). */
  public String customerId(int c) {
    return ids[c];
  }

  /** A copy of the customer ids, in ascending order. */
  public String[] customerIds() {
    return ids.clone();
  }

  /** The index of this customer, or -1 if the log does not hold it. */
  public int indexOf(String customerId) {
    int i = Arrays.binarySearch(ids, customerId);
    return i >= 0 ? i : -1;
  }

  /** The first row of customer {@code c}. */
  public int start(int c) {
    return offsets[c];
  }

  /** One past the last row of customer {@code c}. */
  public int end(int c) {
    return offsets[c + 1];
  }

  /** The number of transactions of customer {@code c}. */
  public int count(int c) {
    return offsets[c + 1] - offsets[c];
  }

  /** The customer index of a row (binary search over the offsets). */
  public int customerOfRow(int row) {
    Objects.checkIndex(row, times.length);
    int i = Arrays.binarySearch(offsets, row);
    if (i >= 0) {
      // offsets may repeat only for empty customers, which a log never holds
      return i;
    }
    return -i - 2;
  }

  /** What the time column counts. */
  public TimeBase timeBase() {
    return base;
  }

  /** The zone that turns instants into dates (UTC for a dated log). */
  public ZoneId zone() {
    return zone;
  }

  /** The raw time of a row: epoch day ({@link TimeBase#DAYS}) or epoch second. */
  public long time(int row) {
    return times[row];
  }

  /** The date of a row as an epoch day (instants are read in {@link #zone()}). */
  public long epochDay(int row) {
    return toEpochDay(times[row]);
  }

  /** The date of a row. */
  public LocalDate date(int row) {
    return LocalDate.ofEpochDay(epochDay(row));
  }

  /**
   * The instant of a row. For a dated log, the start of the day in UTC.
   */
  public Instant instant(int row) {
    return base == TimeBase.SECONDS ? Instant.ofEpochSecond(times[row])
        : Instant.ofEpochSecond(times[row] * SECONDS_PER_DAY);
  }

  /** The amount of a row. */
  public double amount(int row) {
    return amounts[row];
  }

  /** The row as a record (allocates; prefer the column accessors in loops). */
  public Transaction transaction(int row) {
    String id = ids[customerOfRow(row)];
    return base == TimeBase.DAYS ? Transaction.of(id, date(row), amounts[row])
        : Transaction.at(id, instant(row), amounts[row]);
  }

  /** All rows as records, in log order (allocates one record per row). */
  public List<Transaction> transactions() {
    var out = new ArrayList<Transaction>(size());
    for (int row = 0; row < size(); row++) {
      out.add(transaction(row));
    }
    return out;
  }

  /** Converts a raw time of this log to an epoch day. */
  long toEpochDay(long time) {
    if (base == TimeBase.DAYS) {
      return time;
    }
    return days.epochDayShared(time);
  }

  /** The earliest date in the log. */
  public LocalDate firstDate() {
    requireRows();
    return LocalDate.ofEpochDay(toEpochDay(minTime));
  }

  /** The latest date in the log. */
  public LocalDate lastDate() {
    requireRows();
    return LocalDate.ofEpochDay(toEpochDay(maxTime));
  }

  /** The sum of all amounts (refunds included). */
  public double totalAmount() {
    return total;
  }

  /** The sum of the amounts of customer {@code c}. */
  public double customerTotal(int c) {
    double s = 0;
    for (int row = offsets[c]; row < offsets[c + 1]; row++) {
      s += amounts[row];
    }
    return s;
  }

  /** The number of rows with a negative amount. */
  public int refundCount() {
    int n = 0;
    for (double a : amounts) {
      if (a < 0) {
        n++;
      }
    }
    return n;
  }

  /** Calls {@code visitor} once per customer with its row range. Allocates nothing. */
  public void forEachCustomer(CustomerRows visitor) {
    for (int c = 0; c < ids.length; c++) {
      visitor.accept(c, offsets[c], offsets[c + 1]);
    }
  }

  /**
   * An estimate of the heap this log holds beyond the customer id strings: the time, amount and
   * offset arrays, in bytes.
   */
  public long columnBytes() {
    return 16L * times.length + 4L * offsets.length;
  }

  /**
   * The rows of this log whose dates lie in [from, to]; customers left with no row are dropped
   * from the new log.
   */
  public TransactionLog between(LocalDate from, LocalDate to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    long lo = from.toEpochDay();
    long hi = to.toEpochDay();
    var b = new Builder(base, zone);
    for (int c = 0; c < ids.length; c++) {
      for (int row = offsets[c]; row < offsets[c + 1]; row++) {
        long d = toEpochDay(times[row]);
        if (d >= lo && d <= hi) {
          b.append(-1, ids[c], times[row], amounts[row]);
        }
      }
    }
    return b.build();
  }

  private void requireRows() {
    if (times.length == 0) {
      throw new IllegalStateException("the transaction log is empty");
    }
  }

  // Package-private raw access for the cleaner.
  String[] rawIds() {
    return ids;
  }

  int[] rawOffsets() {
    return offsets;
  }

  long[] rawTimes() {
    return times;
  }

  double[] rawAmounts() {
    return amounts;
  }

  /** The smallest raw time (Long.MAX_VALUE when empty). */
  long rawMinTime() {
    return minTime;
  }

  /** The largest raw time (Long.MIN_VALUE when empty). */
  long rawMaxTime() {
    return maxTime;
  }

  /** Equal when both hold the same rows with the same time base and zone. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionLog l && base == l.base && zone.equals(l.zone)
        && Arrays.equals(ids, l.ids) && Arrays.equals(offsets, l.offsets)
        && Arrays.equals(times, l.times) && Arrays.equals(amounts, l.amounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(base, zone, Arrays.hashCode(ids), Arrays.hashCode(times),
        Arrays.hashCode(amounts));
  }

  /**
   * A short description and the first rows, for JShell. Lines end with {@code \n} on every
   * platform, so the text can be compared with a golden string.
   */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "TransactionLog: %,d transactions, %,d customers",
        size(), customerCount()));
    if (isEmpty()) {
      return sb.toString();
    }
    sb.append(String.format(Locale.ROOT, ", %s .. %s, total %,.2f\n", firstDate(), lastDate(),
        total));
    int shown = Math.min(size(), 10);
    int w = 8;
    for (int row = 0; row < shown; row++) {
      w = Math.max(w, ids[customerOfRow(row)].length());
    }
    String fmt = "  %-" + w + "s  %-" + (base == TimeBase.DAYS ? 10 : 20) + "s  %12s\n";
    sb.append(String.format(Locale.ROOT, fmt, "customer", "time", "amount"));
    for (int row = 0; row < shown; row++) {
      String t = base == TimeBase.DAYS ? date(row).toString() : instant(row).toString();
      sb.append(String.format(Locale.ROOT, fmt, ids[customerOfRow(row)], t,
          String.format(Locale.ROOT, "%.2f", amounts[row])));
    }
    if (size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more\n", size() - shown));
    }
    return sb.toString().stripTrailing();
  }

  /** Receives the row range of one customer. */
  @FunctionalInterface
  public interface CustomerRows {
    /**
     * @param customer the customer index
     * @param from the first row
     * @param to one past the last row
     */
    void accept(int customer, int from, int to);
  }

  /**
   * Collects transactions, validates each one, and sorts once in {@link #build()}. Not
   * thread-safe; a builder can build once.
   */
  public static final class Builder {
    private final TimeBase base;
    private final ZoneId zone;
    /** Customer id to builder index; null while the names came from a sorted dictionary. */
    private Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] cust = new int[16];
    private long[] time = new long[16];
    private double[] amount = new double[16];
    private int n;
    private long rowNumber;
    private boolean built;

    Builder(TimeBase base, ZoneId zone) {
      this.base = base;
      this.zone = zone;
    }

    /** Reserves room for this many more rows (optional; saves copying for large logs). */
    public Builder expectedSize(int rows) {
      requireNotBuilt();
      Checks.nonNegative("rows", rows);
      ensure((long) n + rows);
      return this;
    }

    /** Adds one dated transaction. In a timestamped log the date means its start in the zone. */
    public Builder add(String customerId, LocalDate date, double amount) {
      requireNotBuilt();
      long row = ++rowNumber;
      checkId(row, customerId);
      if (date == null) {
        throw Checks.badRow(row, customerId, "date", "is null");
      }
      long day = date.toEpochDay();
      checkDay(row, customerId, day);
      checkAmount(row, customerId, amount);
      long t = base == TimeBase.DAYS ? day : date.atStartOfDay(zone).toEpochSecond();
      append(intern(customerId), customerId, t, amount);
      return this;
    }

    /** Adds one timestamped transaction; a dated log rejects instants. */
    public Builder add(String customerId, Instant instant, double amount) {
      requireNotBuilt();
      long row = ++rowNumber;
      checkId(row, customerId);
      if (instant == null) {
        throw Checks.badRow(row, customerId, "instant", "is null");
      }
      if (base == TimeBase.DAYS) {
        throw Checks.badRow(row, customerId, "instant", instant
            + " cannot go into a log of dates: build it with TransactionLog.builder(zone)");
      }
      long s = instant.getEpochSecond();
      checkSecond(row, customerId, s);
      checkAmount(row, customerId, amount);
      append(intern(customerId), customerId, s, amount);
      return this;
    }

    /** Adds one transaction record. */
    public Builder add(Transaction t) {
      Checks.notNull("transaction", t);
      return t.date() != null ? add(t.customerId(), t.date(), t.amount())
          : add(t.customerId(), t.instant(), t.amount());
    }

    /** Adds every transaction. */
    public Builder addAll(Iterable<Transaction> transactions) {
      for (Transaction t : transactions) {
        add(t);
      }
      return this;
    }

    /**
     * Adds primitive columns of equal length: customer ids, times (epoch days for a dated log,
     * epoch seconds for a timestamped one) and amounts.
     */
    public Builder addColumns(String[] customerIds, long[] times, double[] amounts) {
      requireNotBuilt();
      Checks.notNull("customerIds", customerIds);
      Checks.notNull("times", times);
      Checks.notNull("amounts", amounts);
      requireSameLength(customerIds.length, times.length, amounts.length);
      ensure((long) n + times.length);
      for (int i = 0; i < times.length; i++) {
        addRaw(customerIds[i], times[i], amounts[i]);
      }
      return this;
    }

    /**
     * Adds dictionary-encoded columns: row {@code i} belongs to customer
     * {@code dictionary[codes[i]]}. Looks each distinct id up once, so it is the fastest way in
     * for large logs.
     */
    public Builder addColumns(String[] dictionary, int[] codes, long[] times, double[] amounts) {
      requireNotBuilt();
      Checks.notNull("dictionary", dictionary);
      Checks.notNull("codes", codes);
      Checks.notNull("times", times);
      Checks.notNull("amounts", amounts);
      requireSameLength(codes.length, times.length, amounts.length);
      ensure((long) n + times.length);
      if (names.isEmpty() && isStrictlyAscending(dictionary)) {
        addSortedDictionary(dictionary, codes, times, amounts);
        return this;
      }
      int[] local = new int[dictionary.length];
      Arrays.fill(local, -1);
      for (int i = 0; i < codes.length; i++) {
        long row = ++rowNumber;
        int code = codes[i];
        if (code < 0 || code >= dictionary.length) {
          throw Checks.badRow(row, null, "customer code",
              "is " + code + ", outside the dictionary of " + dictionary.length + " ids");
        }
        String id = dictionary[code];
        if (local[code] < 0) {
          checkId(row, id);
          local[code] = intern(id);
        }
        checkTime(row, id, times[i]);
        checkAmount(row, id, amounts[i]);
        append(local[code], id, times[i], amounts[i]);
      }
      return this;
    }

    /**
     * The fast path of {@link #addColumns(String[], int[], long[], double[])} for a fresh
     * builder and a dictionary in ascending order: the codes are already the customers' ranks,
     * so no id is hashed or sorted. Ids the codes never use become customers without rows, which
     * {@link #build()} drops.
     */
    private void addSortedDictionary(String[] dictionary, int[] codes, long[] times,
        double[] amounts) {
      names.addAll(Arrays.asList(dictionary));
      index = null;
      boolean[] checked = new boolean[dictionary.length];
      for (int i = 0; i < codes.length; i++) {
        long row = ++rowNumber;
        int code = codes[i];
        if (code < 0 || code >= dictionary.length) {
          throw Checks.badRow(row, null, "customer code",
              "is " + code + ", outside the dictionary of " + dictionary.length + " ids");
        }
        String id = dictionary[code];
        if (!checked[code]) {
          checkId(row, id);
          checked[code] = true;
        }
        checkTime(row, id, times[i]);
        checkAmount(row, id, amounts[i]);
        cust[n] = code;
        time[n] = times[i];
        amount[n] = amounts[i];
        n++;
      }
    }

    private static boolean isStrictlyAscending(String[] ids) {
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == null || (i > 0 && ids[i - 1].compareTo(ids[i]) >= 0)) {
          return false;
        }
      }
      return true;
    }

    /** The index of every name, built on first need after a sorted dictionary skipped it. */
    private Map<String, Integer> index() {
      if (index == null) {
        index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
          index.put(names.get(i), i);
        }
      }
      return index;
    }

    /**
     * Adds one row with a raw time: an epoch day for a dated log, an epoch second for a
     * timestamped one. Validated like every other row.
     */
    public Builder addRaw(String id, long t, double a) {
      long row = ++rowNumber;
      checkId(row, id);
      checkTime(row, id, t);
      checkAmount(row, id, a);
      append(intern(id), id, t, a);
      return this;
    }

    /** A built builder has released its arrays: every later call fails the same way. */
    private void requireNotBuilt() {
      if (built) {
        throw new IllegalStateException("this builder has already built its log");
      }
    }

    private static void requireSameLength(int a, int b, int c) {
      if (a != b || a != c) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "columns differ in length: customers %d, times %d, amounts %d", a, b, c));
      }
    }

    private void checkTime(long row, String id, long t) {
      if (base == TimeBase.DAYS) {
        checkDay(row, id, t);
      } else {
        checkSecond(row, id, t);
      }
    }

    /**
     * Checks the date of an epoch second in this builder's zone, the date the log will report.
     * A zone offset is less than a day, so the zone's date is within one day of the UTC date:
     * only seconds near the ends of the range need the zone's rules.
     */
    private void checkSecond(long row, String id, long s) {
      long utcDay = Math.floorDiv(s, SECONDS_PER_DAY);
      if (utcDay > Checks.MIN_EPOCH_DAY && utcDay < Checks.MAX_EPOCH_DAY) {
        return;
      }
      boolean near = utcDay >= Checks.MIN_EPOCH_DAY - 1 && utcDay <= Checks.MAX_EPOCH_DAY + 1;
      checkDay(row, id,
          near ? Instant.ofEpochSecond(s).atZone(zone).toLocalDate().toEpochDay() : utcDay);
    }

    private static void checkId(long row, String id) {
      if (id == null) {
        throw Checks.badRow(row, null, "customer id", "is null");
      }
      if (id.isBlank()) {
        throw Checks.badRow(row, id, "customer id", "is blank");
      }
    }

    private static void checkDay(long row, String id, long day) {
      if (day < Checks.MIN_EPOCH_DAY || day > Checks.MAX_EPOCH_DAY) {
        String shown = day >= LocalDate.MIN.toEpochDay() && day <= LocalDate.MAX.toEpochDay()
            ? LocalDate.ofEpochDay(day).toString() : "epoch day " + day;
        throw Checks.badRow(row, id, "date", "is " + shown + ", outside " + Checks.MIN_DATE
            + " .. " + Checks.MAX_DATE);
      }
    }

    private static void checkAmount(long row, String id, double a) {
      if (!Double.isFinite(a)) {
        throw Checks.badRow(row, id, "amount", "is " + a);
      }
    }

    private int intern(String id) {
      Map<String, Integer> map = index();
      Integer i = map.get(id);
      if (i == null) {
        i = names.size();
        map.put(id, i);
        names.add(id);
      }
      return i;
    }

    /** Appends a validated row; {@code c} is this builder's customer index, or -1 to look it up. */
    void append(int c, String id, long t, double a) {
      requireNotBuilt();
      if (n == time.length) {
        ensure((long) n + 1);
      }
      if (c < 0) {
        c = intern(id);
      }
      cust[n] = c;
      time[n] = t;
      amount[n] = a;
      n++;
    }

    private void ensure(long capacity) {
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "a transaction log holds at most " + (Integer.MAX_VALUE - 8) + " rows");
      }
      if (capacity <= time.length) {
        return;
      }
      int cap = (int) Math.min(Integer.MAX_VALUE - 8L,
          Math.max(capacity, time.length + (time.length >> 1) + 16L));
      cust = Arrays.copyOf(cust, cap);
      time = Arrays.copyOf(time, cap);
      amount = Arrays.copyOf(amount, cap);
    }

    /** Sorts by customer id, time and amount, and builds the log. */
    public TransactionLog build() {
      requireNotBuilt();
      built = true;
      int named = names.size();
      String[] sorted = names.toArray(new String[0]);
      int[] rank = new int[named];
      boolean alreadySorted = true;
      for (int i = 1; i < named && alreadySorted; i++) {
        alreadySorted = sorted[i - 1].compareTo(sorted[i]) < 0;
      }
      if (alreadySorted) {
        for (int i = 0; i < named; i++) {
          rank[i] = i;
        }
      } else {
        Map<String, Integer> map = index();
        if (named > 1 << 16) {
          Arrays.parallelSort(sorted);
        } else {
          Arrays.sort(sorted);
        }
        for (int i = 0; i < named; i++) {
          rank[map.get(sorted[i])] = i;
        }
      }
      index = null;
      int[] counts = new int[named];
      for (int i = 0; i < n; i++) {
        counts[rank[cust[i]]]++;
      }
      // Ids of a dictionary that no row uses are not customers of the log.
      int customers = 0;
      for (int c = 0; c < named; c++) {
        if (counts[c] > 0) {
          customers++;
        }
      }
      if (customers < named) {
        int[] compact = new int[named];
        String[] kept = new String[customers];
        for (int c = 0, k = 0; c < named; c++) {
          compact[c] = k;
          if (counts[c] > 0) {
            kept[k] = sorted[c];
            counts[k] = counts[c];
            k++;
          }
        }
        for (int i = 0; i < named; i++) {
          rank[i] = compact[rank[i]];
        }
        sorted = kept;
      }
      int[] offsets = new int[customers + 1];
      for (int c = 0; c < customers; c++) {
        offsets[c + 1] = offsets[c] + counts[c];
      }
      int[] next = Arrays.copyOf(offsets, customers);
      long[] t = new long[n];
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        int pos = next[rank[cust[i]]]++;
        t[pos] = time[i];
        a[pos] = amount[i];
      }
      cust = null;
      time = null;
      amount = null;
      for (int c = 0; c < customers; c++) {
        RowSort.sort(t, a, offsets[c], offsets[c + 1]);
      }
      return new TransactionLog(sorted, offsets, t, a, base, zone);
    }
  }
}
