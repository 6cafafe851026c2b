package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CustomerSummaries;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customer summaries (x, t_x, T, monetary, first/last purchase, orders, spend) from an in-memory
 * {@link TransactionLog} of 5,000,000 transactions of 500,000 customers (the target:
 * ≤ 1 s; lifetimes' {@code summary_data_from_transaction_data} takes 22.4 s here).
 *
 * <p>The log is built once per trial; each invocation summarises it. {@link #scanColumns} is the
 * floor: one pass over the log's time and amount columns that touches every row once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class CustomerSummariesBenchmark {

  /** The number of transactions; customers are a tenth of it. */
  @Param({"5000000"})
  public int rows;

  private TransactionLog log;
  private LocalDate end;

  /** Builds the log once per trial (seed 42). */
  @Setup(Level.Trial)
  public void build() {
    log = SyntheticTransactions.generate(42L, rows, rows / 10).toLog();
    end = SyntheticTransactions.LAST_DAY;
  }

  /** Summaries in weeks at the last day of the data. */
  @Benchmark
  public CustomerSummaries summaries() {
    return CustomerSummaries.of(log, end, ChronoUnit.WEEKS);
  }

  /** Baseline: one pass over every row's day and amount. */
  @Benchmark
  public double scanColumns() {
    double s = 0;
    for (int row = 0; row < log.size(); row++) {
      s += log.epochDay(row) + log.amount(row);
    }
    return s;
  }
}
