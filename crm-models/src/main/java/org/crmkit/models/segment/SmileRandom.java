package org.crmkit.models.segment;

import smile.math.MathEx;

/**
 * Seeding of Smile's random numbers.
 *
 * <p>Smile draws every random number (the k-means++ starts of KMeans and GMeans) from
 * {@code smile.math.MathEx}, which keeps one generator per thread in a {@code ThreadLocal};
 * {@code MathEx.setSeed(long)} reseeds the calling thread's generator only. Smile 4.4.2 draws
 * those numbers on the calling thread (its parallel streams compute distances and sums, not
 * random draws), so calling {@link #seed(long)} immediately before a fit, on the same thread,
 * makes the fit reproducible, and fits on other threads do not disturb it. The side effect is that
 * the calling thread's Smile generator is left reseeded; crmkit reseeds it before every fit, so
 * nothing of crmkit depends on its state in between.
 */
final class SmileRandom {

  private SmileRandom() {}

  /** Reseeds the calling thread's Smile generator. */
  static void seed(long seed) {
    MathEx.setSeed(seed);
  }
}
