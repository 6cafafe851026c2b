package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bootstrap is a function of its seed: same seed, same result, whatever the threads. */
class BootstrapProperties {

  static final WeightedSummaries DONATIONS = Donations.weighted();

  static Stream<Arguments> seeds() {
    return Cases.random(501L, 12, r -> Arguments.of(r.nextLong(), 2 + r.nextInt(60),
        0.5 + 0.49 * r.nextDouble()));
  }

  /** Cheap statistics of the resample itself (no model fit): mean frequency and recency. */
  static Map<String, Double> means(WeightedSummaries s) {
    double w = s.totalWeight();
    double x = 0;
    double tx = 0;
    for (int i = 0; i < s.size(); i++) {
      x += s.weight(i) * s.x(i);
      tx += s.weight(i) * s.tx(i);
    }
    return Map.of("x", x / w, "t_x", tx / w);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reproducibleWithTheSameSeed(long seed, int replicates, double level) throws Exception {
    Bootstrap b = Bootstrap.withDefaults().withSeed(seed).withReplicates(replicates)
        .withLevel(level);
    Function<WeightedSummaries, WeightedSummaries> id = s -> s;
    Bootstrap.Result common = b.run(DONATIONS, id, BootstrapProperties::means);
    ForkJoinPool pool = new ForkJoinPool(1);
    Bootstrap.Result single;
    try {
      single = pool.submit(() -> b.run(DONATIONS, id, BootstrapProperties::means)).get();
    } finally {
      pool.shutdown();
    }
    assertEquals(common, single);
    for (Bootstrap.Interval i : common.intervals()) {
      assertTrue(i.lower() <= i.upper(), i::toString);
    }
  }
}
