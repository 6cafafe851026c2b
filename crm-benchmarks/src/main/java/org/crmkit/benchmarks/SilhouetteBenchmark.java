package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.models.segment.Clusters;
import org.crmkit.models.segment.FeatureTable;
import org.crmkit.models.segment.KMeansClusterer;
import org.crmkit.models.segment.Validity;
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
 * The silhouette of a k = 8 segmentation of 1,000,000 customers × 3 standardised RFM-like
 * features ({@link SyntheticRfmFeatures}), by sampling: {@code Validity.silhouette(features,
 * clusters, 10_000, seed)}, the exact silhouette of a seeded sample of 10,000 customers (10⁸
 * distances). Target (issue 5): at most 2 s. The time includes checking that the table matches
 * the segmentation, grouping the 1,000,000 rows by segment and drawing the sample.
 *
 * <p>{@code work = calinskiHarabasz} is the baseline beside it: the Calinski–Harabasz index of
 * the same segmentation, one pass over all rows, which any index of these 1,000,000 customers
 * costs at least.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class SilhouetteBenchmark {

  /** {@code sampledSilhouette}: the measured work; {@code calinskiHarabasz}: the baseline. */
  @Param({"calinskiHarabasz", "sampledSilhouette"})
  public String work;

  /** The number of customers. */
  @Param({"1000000"})
  public int customers;

  /** The silhouette sample size. */
  @Param({"10000"})
  public int sample;

  private FeatureTable features;
  private Clusters clusters;
  private long seed;

  /** Generates the features (seed 42) and their k = 8 segmentation. */
  @Setup(Level.Trial)
  public void generate() {
    features = SyntheticRfmFeatures.generate(42L, customers);
    clusters = KMeansClusterer.withK(8).withRestarts(1).withSeed(1).fit(features);
  }

  /** One run of {@link #work}; each iteration draws another sample. */
  @Benchmark
  public double run(TransactionLogBuildBenchmark.CpuTime cpu) {
    cpu.start();
    double v = switch (work) {
      case "sampledSilhouette" -> Validity.silhouette(features, clusters, sample, ++seed);
      case "calinskiHarabasz" -> Validity.calinskiHarabasz(features, clusters);
      default -> throw new IllegalStateException(work);
    };
    cpu.stop();
    return v;
  }
}
