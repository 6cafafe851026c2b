package org.crmkit.models.segment;

/**
 * Something that segments customers: {@link KMeansClusterer}, {@link GMeansClusterer},
 * {@link DbscanClusterer}, {@link HierarchicalClusterer},
 * {@link GaussianMixtureClusterer}. Implementations are immutable and thread-safe, and
 * {@link #fit(FeatureTable)} never changes them; randomised ones are seeded, so the same input
 * gives the same segments.
 */
public interface Clusterer {

  /**
   * Segments the customers of {@code features} (usually scaled with a {@link FittedScaler}).
   *
   * @throws IllegalArgumentException if the table does not suit the method (for example more
   *     segments than customers), with a message that says why
   */
  Clusters fit(FeatureTable features);
}
