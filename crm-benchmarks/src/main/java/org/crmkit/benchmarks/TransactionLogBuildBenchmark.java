package org.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.log.TransactionLog;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build a {@link TransactionLog} from dictionary-encoded primitive columns
 * ({@code addColumns(dictionary, codes, epochDays, amounts)} then {@code build()}), with
 * {@code rows / 10} customers in random row order (see {@link SyntheticTransactions}).
 *
 * <p>The columns are generated once per trial; every invocation builds a new log from them, so
 * each one pays for validation, interning the ids, sorting them, the counting sort of the rows and
 * the per-customer sort by time. {@link #copyColumns} is the floor beside it: it only copies the
 * three row columns into fresh arrays (20 bytes read and written per row), which any build must at
 * least do.
 *
 * <p>Single-shot time: one build of 1 to 50 million rows takes from about a tenth of a second to
 * several seconds and allocates 36 bytes per row or more, so each measured iteration is exactly one
 * build, and the garbage collection that build causes is part of its time, as it is for a
 * caller. Every fork runs with a 4 GB heap, the budget a 50-million-row build must fit in (the
 * input columns, about 1 GB at 50 million rows, stay live during it).
 *
 * <p>Beside wall time, {@link CpuTime} reports per build the CPU time of the benchmark thread
 * ({@code threadCpuMs}: the build's own work) and of the whole JVM ({@code processCpuMs}: plus
 * garbage collection and JIT threads). On a machine shared with other jobs, wall time includes
 * waiting for a core and CPU time does not, so the two together show how much was contention.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class TransactionLogBuildBenchmark {

  /** The number of transactions; customers are a tenth of it. */
  @Param({"1000000", "10000000", "50000000"})
  public int rows;

  private SyntheticTransactions data;

  /** Generates the columns once per trial (seed 42). */
  @Setup(Level.Trial)
  public void generate() {
    data = SyntheticTransactions.generate(42L, rows, rows / 10);
  }

  /** Lets the columns go before the next trial generates its own. */
  @TearDown(Level.Trial)
  public void release() {
    data = null;
  }

  /** Builds a log from the dictionary-encoded columns. */
  @Benchmark
  public TransactionLog build(CpuTime cpu) {
    cpu.start();
    TransactionLog log = TransactionLog.builder()
        .expectedSize(data.size())
        .addColumns(data.dictionary(), data.codes(), data.epochDays(), data.amounts())
        .build();
    cpu.stop();
    return log;
  }

  /** Baseline: copies the code, day and amount columns into new arrays, nothing else. */
  @Benchmark
  public Object[] copyColumns(CpuTime cpu) {
    cpu.start();
    Object[] copy = {
        Arrays.copyOf(data.codes(), data.size()),
        Arrays.copyOf(data.epochDays(), data.size()),
        Arrays.copyOf(data.amounts(), data.size())};
    cpu.stop();
    return copy;
  }

  /**
   * CPU milliseconds per invocation, of the benchmark thread and of the whole JVM (JMH reports the
   * public fields as secondary results).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time of the benchmark thread, in milliseconds. */
    public double threadCpuMs;
    /** CPU time of the whole JVM (all threads, GC included), in milliseconds. */
    public double processCpuMs;

    private long thread0;
    private long process0;

    /** Clears the counters before each iteration (one invocation in single-shot mode). */
    @Setup(Level.Iteration)
    public void clear() {
      threadCpuMs = 0;
      processCpuMs = 0;
    }

    void start() {
      thread0 = THREADS.getCurrentThreadCpuTime();
      process0 = OS.getProcessCpuTime();
    }

    void stop() {
      threadCpuMs += (THREADS.getCurrentThreadCpuTime() - thread0) / 1e6;
      processCpuMs += (OS.getProcessCpuTime() - process0) / 1e6;
    }
  }
}
