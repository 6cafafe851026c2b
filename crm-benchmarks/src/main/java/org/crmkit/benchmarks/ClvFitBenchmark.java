package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
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
 * Time to fit a CLV count model by maximum likelihood to {@code customers} synthetic daily
 * customers (seed 42), from the summary table: compression to distinct rows, the staged
 * optimisation (Nelder–Mead and BFGS on subsamples of 5,000 and 20,000 distinct rows, BFGS and
 * Newton on the whole table), standard errors. The models' subclasses say which model and which
 * target.
 *
 * <p>{@code work = baseline} is the floor beside it: one evaluation of the log-likelihood of
 * the whole table (compressed once in the set-up) at the true parameters (the model's
 * {@code logLikelihood(WeightedSummaries)}, which re-indexes the rows too); a fit costs a few tens
 * of such evaluations. Single-shot, with the CPU time of the benchmark thread and of the whole
 * JVM per invocation (the fit's likelihood runs on all cores) as secondary results.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public abstract class ClvFitBenchmark {

  /** The number of customers. */
  @Param({"10000", "1000000"})
  public int customers;

  /** {@code fit}, or {@code baseline}: one log-likelihood of the table. */
  @Param({"fit", "baseline"})
  public String work;

  private CustomerSummaries data;
  private WeightedSummaries compressed;

  /** {@code customers} customers simulated from the model's parameters with {@code seed}. */
  abstract CustomerSummaries simulate(int customers, long seed);

  /** The model fitted to {@code data}. */
  abstract Object fitModel(CustomerSummaries data);

  /** The log-likelihood of {@code table} at the parameters the data were simulated from. */
  abstract double logLikelihoodAtTruth(WeightedSummaries table);

  /** Simulates the customers once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    data = simulate(customers, 42L);
    compressed = data.compress();
  }

  /** Lets the data go. */
  @TearDown(Level.Trial)
  public void release() {
    data = null;
    compressed = null;
  }

  /** The fit (or the baseline). */
  @Benchmark
  public Object fit(TransactionLogBuildBenchmark.CpuTime cpu) {
    cpu.start();
    Object result = "fit".equals(work) ? fitModel(data) : logLikelihoodAtTruth(compressed);
    cpu.stop();
    return result;
  }
}
