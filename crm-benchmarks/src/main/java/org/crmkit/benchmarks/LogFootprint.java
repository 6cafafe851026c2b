package org.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.log.TransactionLog;

/**
 * Measures the heap a built {@link TransactionLog} retains beyond its customer id strings, and
 * the heap its build needs at its peak. Run it in a fresh JVM per size:
 *
 * <pre>{@code
 * java -Xms4g -Xmx4g -cp crm-benchmarks/target/benchmarks.jar \
 *     org.crmkit.benchmarks.LogFootprint 50000000
 * }</pre>
 *
 * <p>Method: generate {@link SyntheticTransactions} (seed 42, rows / 10 customers) and keep the
 * columns, and so the id strings, strongly reachable throughout. Collect garbage until the used
 * heap stops shrinking, read it ({@code before}); build the log; collect again and read it
 * ({@code after}). {@code after - before} is what the log retains: its columns and offsets and its
 * {@code String[]} of references to the ids, but not the id strings, which the dictionary already
 * held. The builder's temporary arrays are garbage by then.
 *
 * <p>Peak: the heap pools' peak usages are reset before the build and summed after it. The sum is an
 * upper bound of the heap in use at any one moment (pools peak at different times, and it counts
 * garbage not yet collected); whether the build fits a heap is shown by running it with that
 * {@code -Xmx}. Prints one line per measure; exits with status 0 when the build succeeded.
 */
public final class LogFootprint {

  private LogFootprint() {}

  /**
   * Measures one size.
   *
   * @param args the number of transactions (default 1,000,000)
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int customers = rows / 10;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "rows %,d, customers %,d, max heap %,d MB, JDK %s%n", rows,
        customers, rt.maxMemory() >> 20, Runtime.version());

    long empty = settledUsed();
    var data = SyntheticTransactions.generate(42L, rows, customers);
    long withColumns = settledUsed();
    long columnBytes = 20L * rows;
    System.out.printf(Locale.ROOT,
        "input columns + dictionary: %,d bytes (columns %,d, so ids and dictionary ~%,d, "
            + "%.1f bytes per id)%n",
        withColumns - empty, columnBytes, withColumns - empty - columnBytes,
        (double) (withColumns - empty - columnBytes) / customers);

    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long before = settledUsed();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    TransactionLog log = TransactionLog.builder()
        .expectedSize(rows)
        .addColumns(data.dictionary(), data.codes(), data.epochDays(), data.amounts())
        .build();
    long buildNanos = System.nanoTime() - t0;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long after = settledUsed();

    long retained = after - before;
    System.out.printf(Locale.ROOT, "build: %,d ms (one cold build; see the JMH benchmark)%n",
        buildNanos / 1_000_000);
    System.out.printf(Locale.ROOT, "log: %,d transactions, %,d customers%n", log.size(),
        log.customerCount());
    System.out.printf(Locale.ROOT,
        "retained beyond ids: %,d bytes = %.2f bytes per transaction%n", retained,
        (double) retained / rows);
    System.out.printf(Locale.ROOT,
        "columnBytes():       %,d bytes = %.2f bytes per transaction%n", log.columnBytes(),
        (double) log.columnBytes() / rows);
    System.out.printf(Locale.ROOT, "difference:          %,d bytes = %.2f bytes per customer%n",
        retained - log.columnBytes(), (double) (retained - log.columnBytes()) / customers);
    System.out.printf(Locale.ROOT,
        "peak heap during build (sum of pool peaks, upper bound): %,d MB, of which live before "
            + "the build %,d MB%n", peak >> 20, before >> 20);
    Reference.reachabilityFence(data);
    Reference.reachabilityFence(log);
  }

  /** Used heap after collecting garbage until it stops shrinking (at most 10 collections). */
  private static long settledUsed() {
    Runtime rt = Runtime.getRuntime();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = rt.totalMemory() - rt.freeMemory();
      if (used >= last - 64 * 1024) {
        return Math.min(used, last);
      }
      last = used;
    }
    return last;
  }
}
