package org.crmkit.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.log.TransactionLog;
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
  public TransactionLog build() {
    return TransactionLog.builder()
        .expectedSize(data.size())
        .addColumns(data.dictionary(), data.codes(), data.epochDays(), data.amounts())
        .build();
  }

  /** Baseline: copies the code, day and amount columns into new arrays, nothing else. */
  @Benchmark
  public Object[] copyColumns() {
    return new Object[] {
        Arrays.copyOf(data.codes(), data.size()),
        Arrays.copyOf(data.epochDays(), data.size()),
        Arrays.copyOf(data.amounts(), data.size())};
  }
}
