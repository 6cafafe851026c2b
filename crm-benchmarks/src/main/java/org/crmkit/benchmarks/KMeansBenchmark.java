package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.models.segment.Assignment;
import org.crmkit.models.segment.Clusters;
import org.crmkit.models.segment.FeatureTable;
import org.crmkit.models.segment.KMeansClusterer;
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
 * k-means with k = 8 and one start (k-means++ seeds, Lloyd iterations to tolerance 1e-4, at most
 * 100) on 1,000,000 customers × 3 standardised RFM-like features ({@link SyntheticRfmFeatures}),
 * through {@link KMeansClusterer}. Target (issue 5): at most 1.5 s.
 *
 * <ul>
 *   <li>{@code work = kMeans}: the fit with the default engine (crmkit's Lloyd with Hamerly's
 *       bounds);
 *   <li>{@code work = kMeansSmile}: the fit with Smile's KMeans, including the copy of the table
 *       into Smile's {@code double[][]} and the tree Smile builds over it;
 *   <li>{@code work = assignOnce}: the baseline, one nearest-centroid pass of all customers over 8
 *       centroids ({@code Clusters.assign}), the least any single Lloyd iteration must do.
 * </ul>
 *
 * <p>Single-shot time (one fit per iteration); the CPU time of the benchmark thread and of the
 * JVM is reported beside wall time, because the machine is shared (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class KMeansBenchmark {

  /** The work measured (see the class description); {@code assignOnce} is the baseline. */
  @Param({"assignOnce", "kMeans", "kMeansSmile"})
  public String work;

  /** The number of customers. */
  @Param({"1000000"})
  public int customers;

  private FeatureTable features;
  private Clusters fitted;

  /** Generates the features (seed 42) and, for the baseline, 8 centroids. */
  @Setup(Level.Trial)
  public void generate() {
    features = SyntheticRfmFeatures.generate(42L, customers);
    fitted = KMeansClusterer.withK(8).withRestarts(1).withSeed(1).fit(features);
  }

  /** One run of {@link #work}. */
  @Benchmark
  public Object run(TransactionLogBuildBenchmark.CpuTime cpu) {
    cpu.start();
    Object result = switch (work) {
      case "kMeans" -> KMeansClusterer.withK(8).withRestarts(1).withSeed(1).fit(features);
      case "kMeansSmile" -> KMeansClusterer.withK(8).withRestarts(1).withSeed(1)
          .withEngine(KMeansClusterer.Engine.SMILE).fit(features);
      case "assignOnce" -> {
        Assignment a = fitted.assign(features);
        yield a;
      }
      default -> throw new IllegalStateException(work);
    };
    cpu.stop();
    return result;
  }
}
