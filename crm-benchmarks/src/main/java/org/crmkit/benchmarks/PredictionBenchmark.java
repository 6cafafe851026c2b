package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to predict, for every customer of a synthetic daily table ({@link SyntheticSummaries},
 * seed 42), P(alive) and the expected purchases in the next 365 days, with BG/NBD or Pareto/NBD
 * at the parameters the data were simulated from: two table calls,
 * {@code probabilityAlive(summaries)} and {@code conditionalExpectedPurchases(summaries, 365)}.
 * The targets for a million customers: 0.1 s (BG/NBD) and 0.2 s (Pareto/NBD) (lifetimes:
 * 0.48 s and 0.79 s).
 *
 * <p>{@code work = baseline} is the floor beside it: one pass that reads x, t_x and T of every
 * customer and writes one double per customer (what any table prediction must at least do).
 * Single-shot, with thread and JVM CPU time per invocation as secondary results.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@State(Scope.Benchmark)
public class PredictionBenchmark {

  /** {@code bgnbd} or {@code paretonbd}. */
  @Param({"bgnbd", "paretonbd"})
  public String model;

  /** The number of customers. */
  @Param({"1000000"})
  public int customers;

  /** {@code predict}, or {@code baseline}: one pass over the columns. */
  @Param({"predict", "baseline"})
  public String work;

  private CustomerSummaries data;

  /** Simulates the customers once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    data = "bgnbd".equals(model) ? SyntheticSummaries.bgNbd(customers, 42L)
        : SyntheticSummaries.paretoNbd(customers, 42L);
  }

  /** Lets the data go. */
  @TearDown(Level.Trial)
  public void release() {
    data = null;
  }

  /** P(alive) and the expected purchases in 365 days for every customer (or the baseline). */
  @Benchmark
  public Object predict(TransactionLogBuildBenchmark.CpuTime cpu) {
    cpu.start();
    Object result;
    if ("baseline".equals(work)) {
      double[] out = new double[data.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = data.x(i) * data.tx(i) / (1 + data.T(i));
      }
      result = out;
    } else if ("bgnbd".equals(model)) {
      result = new double[][] {SyntheticSummaries.BG_NBD.probabilityAlive(data),
          SyntheticSummaries.BG_NBD.conditionalExpectedPurchases(data, 365)};
    } else {
      result = new double[][] {SyntheticSummaries.PARETO_NBD.probabilityAlive(data),
          SyntheticSummaries.PARETO_NBD.conditionalExpectedPurchases(data, 365)};
    }
    cpu.stop();
    return result;
  }
}
