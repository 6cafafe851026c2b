package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LloydTest {

  // Hand computation: points 0, 1, 2, 10, 11, 12 on a line, starting centres 1, 11, 100. The
  // centre at 100 gets nobody, so the farthest customer from its centre (0, at distance 1; the
  // first of the ties) moves to it: segments {0}, {1, 2}, {10, 11, 12}, centres 0, 1.5, 11, a
  // fixed point with inertia 0 + 0.25 + 0.25 + 1 + 0 + 1 = 2.5.
  @Test
  void anEmptySegmentTakesTheFarthestCustomer() {
    double[] x = {0, 1, 2, 10, 11, 12};
    var lloyd = new Lloyd(x, 6, 1, 3);
    Lloyd.Run run = lloyd.run(new double[] {1, 11, 100}, 100, 0, lloyd.meanVariance());
    assertArrayEquals(new int[] {2, 0, 0, 1, 1, 1}, run.labels());
    assertArrayEquals(new double[] {1.5, 11, 0}, run.centers(), 1e-15);
    assertEquals(2.5, run.inertia(), 1e-15);
    assertTrue(run.converged());
  }

  // Hand computation: k-means++ on two points far apart must pick both (the second draw has
  // probability 0 of repeating the first).
  @Test
  void kMeansPlusPlusNeverRepeatsAChosenPoint() {
    double[] x = {0, 0, 5, 5};
    var lloyd = new Lloyd(x, 2, 2, 2);
    for (long seed = 0; seed < 20; seed++) {
      double[] c = lloyd.seeds(new SplittableRandom(seed));
      assertTrue(c[0] != c[2], () -> java.util.Arrays.toString(c));
    }
  }

  // Several blocks of rows (30,000 > 8,192 per block): the engines agree on well-separated blobs
  // (the same optimum), and the result does not depend on the thread.
  @Test
  void manyBlocksAgreeWithSmileAndAreDeterministic() throws Exception {
    FeatureTable f = ClusterersTest.randomBlobs(30_000, 6, 8);
    KMeansClusterer km = KMeansClusterer.withK(6).withRestarts(2).withSeed(4);
    Clusters a = km.fit(f);
    Clusters b = km.withEngine(KMeansClusterer.Engine.SMILE).fit(f);
    assertEquals(b.inertia(), a.inertia(), 1e-9 * b.inertia());
    assertArrayEquals(b.segments(), a.segments());
    var t = new java.util.concurrent.atomic.AtomicReference<Clusters>();
    Thread other = new Thread(() -> t.set(km.fit(f)));
    other.start();
    other.join();
    assertArrayEquals(a.segments(), t.get().segments());
    assertEquals(a.inertia(), t.get().inertia(), 0.0);
  }
}
