package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.models.churn.ChurnClassifier;
import org.crmkit.models.churn.FeatureTable;
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
 * Time to fit a churn classifier ({@code ChurnClassifier.fit}) on {@code rows} customers × 20
 * features, the targets: logistic regression on 100,000 × 20 ≤ 0.3 s, random forest of
 * 100 trees on 100,000 × 20 ≤ 20 s.
 *
 * <p>Data (seed 42): 20 standard normal features; churn with probability σ(−0.5 + Σ_{j&lt;5}
 * x_j), so five features matter and fifteen are noise, about 44 % churners. Each fit starts from
 * the {@link FeatureTable}, as a caller's does, with the default options: logistic regression with
 * λ = 1 on standardised features (L-BFGS, tolerance 1e-5); a forest of 100 trees, mtry = ⌊√20⌋ =
 * 4, depth ≤ 20, at most n/5 leaves, leaves ≥ 20 rows, each tree on 63.2 % of the rows drawn
 * without replacement, grown in parallel on the common pool (both cores): {@code forest} with
 * crmkit's own engine (the default), {@code forest-smile} with Smile's
 * ({@code ChurnClassifier.Engine.SMILE}).
 *
 * <p>{@code baseline} copies the table into the row arrays that every fit starts from (20 doubles
 * per row), and nothing else: the floor under both learners.
 *
 * <p>Single-shot time: a forest fit takes seconds. Beside wall time, the {@code CpuTime} counters
 * of {@link TransactionLogBuildBenchmark} report the benchmark thread's and the whole JVM's CPU
 * time (the forest's trees grow on pool threads, so its JVM time is the one to read).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.log.smile=warn"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class ChurnClassifierBenchmark {

  /**
   * What is fitted: {@code baseline} (copy only), {@code logistic}, {@code forest} (crmkit's
   * engine) or {@code forest-smile} (Smile's).
   */
  @Param({"baseline", "logistic", "forest", "forest-smile"})
  public String learner;

  /** The number of customers. */
  @Param({"100000"})
  public int rows;

  private FeatureTable features;
  private int[] y;

  /** Generates the table once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    int p = 20;
    SplittableRandom r = new SplittableRandom(42);
    String[] ids = new String[rows];
    double[][] x = new double[rows][p];
    y = new int[rows];
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "f" + j;
    }
    for (int i = 0; i < rows; i++) {
      ids[i] = "C" + i;
      double z = -0.5;
      for (int j = 0; j < p; j++) {
        x[i][j] = Math.sqrt(-2 * Math.log(1 - r.nextDouble()))
            * Math.cos(2 * Math.PI * r.nextDouble());
        if (j < 5) {
          z += x[i][j];
        }
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    features = FeatureTable.of(ids, names, x);
  }

  /** One fit (or, for the baseline, one copy of the rows). */
  @Benchmark
  public Object fit(TransactionLogBuildBenchmark.CpuTime cpu) {
    cpu.start();
    Object out = switch (learner) {
      case "baseline" -> features.rows();
      case "logistic" -> ChurnClassifier.logisticRegression().fit(features, y);
      case "forest" -> ChurnClassifier.randomForest().withTrees(100).fit(features, y);
      case "forest-smile" -> ChurnClassifier.randomForest().withTrees(100)
          .withEngine(ChurnClassifier.Engine.SMILE).fit(features, y);
      default -> throw new IllegalArgumentException("learner " + learner);
    };
    cpu.stop();
    return out;
  }
}
