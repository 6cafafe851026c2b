package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.SegmentMap;
import org.crmkit.core.rfm.SegmentSummary;
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
 * RFM scores (5 bins, R rfm's quantile thresholds with ties kept together) with the R×F grid
 * segments and their summary, from an in-memory {@link TransactionLog} (the target for
 * 20,000,000 transactions: ≤ 3 s; a pandas group-by RFM takes 25.8 s here).
 *
 * <p>The log (a tenth as many customers as transactions) is built once per trial; each
 * invocation scores, segments and summarises it. {@link #scanColumns} is the floor: one pass over
 * every row's day and amount.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class RfmBenchmark {

  /** The number of transactions; customers are a tenth of it. */
  @Param({"5000000", "20000000"})
  public int rows;

  private TransactionLog log;
  private LocalDate analysisDate;

  /** Builds the log once per trial (seed 42). */
  @Setup(Level.Trial)
  public void build() {
    log = SyntheticTransactions.generate(42L, rows, rows / 10).toLog();
    analysisDate = SyntheticTransactions.LAST_DAY.plusDays(1);
  }

  /** Scores, segments on the R×F grid and summarises the segments. */
  @Benchmark
  public SegmentSummary scoresWithSegments() {
    return RfmScorer.defaults().score(log, analysisDate).segment(SegmentMap.rfGrid()).summary();
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
