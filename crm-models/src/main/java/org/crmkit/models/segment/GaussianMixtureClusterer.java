package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;
import org.crmkit.core.Checks;

/**
 * A Gaussian mixture with full covariances, fitted by expectation–maximisation (Dempster, Laird
 * &amp; Rubin 1977) with Commons Math's pure-Java
 * {@code MultivariateNormalMixtureExpectationMaximization}; each customer goes to the component
 * with the largest posterior probability.
 *
 * <pre>{@code
 * GaussianMixture g = GaussianMixtureClusterer.withK(4).withSeed(3).fitMixture(scaled);
 * double[][] p = g.posterior(scaled);       // soft memberships
 * Clusters hard = g.clusters();
 * }</pre>
 *
 * <p>Start: k-means ({@link KMeansClusterer} with its default, Smile-free engine, same k and
 * seed, 10 restarts) gives the initial
 * means, weights n_c / n and covariances (within-segment, divisor n_c, plus 1e-6 on the diagonal
 * as scikit-learn's {@code reg_covar}, for the start only). EM then runs until the mean
 * log-likelihood per customer changes by less than the threshold (default 1e-5) or the
 * iterations (default 1000) run out. Deterministic for a given seed.
 *
 * <p>Limits of Commons Math's EM, reported as {@link IllegalArgumentException}s that say what to
 * do: it needs at least 2 features; it does not regularise covariances, so a component that
 * collapses onto customers sharing a value (features with few distinct values, such as small
 * order counts) has a singular covariance; and it stops with an error, not a partial result, when
 * the iterations run out. Immutable and thread-safe.
 */
public final class GaussianMixtureClusterer implements Clusterer {

  /** The default maximum number of EM iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  /** The default convergence threshold on the mean log-likelihood per customer. */
  public static final double DEFAULT_THRESHOLD = 1e-5;

  /** The ridge added to the diagonal of the starting covariances. */
  static final double START_RIDGE = 1e-6;

  private final int k;
  private final int maxIterations;
  private final double threshold;
  private final long seed;

  private GaussianMixtureClusterer(int k, int maxIterations, double threshold, long seed) {
    this.k = k;
    this.maxIterations = maxIterations;
    this.threshold = threshold;
    this.seed = seed;
  }

  /**
   * A mixture of k Gaussians, with the defaults (seed 1).
   *
   * @throws IllegalArgumentException if k &lt; 2
   */
  public static GaussianMixtureClusterer withK(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    return new GaussianMixtureClusterer(k, DEFAULT_MAX_ITERATIONS, DEFAULT_THRESHOLD,
        KMeansClusterer.DEFAULT_SEED);
  }

  /** A copy with this maximum number of EM iterations (&ge; 1). */
  public GaussianMixtureClusterer withMaxIterations(int maxIterations) {
    return new GaussianMixtureClusterer(k, Checks.positive("maxIterations", maxIterations),
        threshold, seed);
  }

  /** A copy with this convergence threshold (finite, &gt; 0). */
  public GaussianMixtureClusterer withThreshold(double threshold) {
    return new GaussianMixtureClusterer(k, maxIterations,
        Checks.positive("threshold", threshold), seed);
  }

  /** A copy with this seed (of the k-means start). */
  public GaussianMixtureClusterer withSeed(long seed) {
    return new GaussianMixtureClusterer(k, maxIterations, threshold, seed);
  }

  /** The number of components. */
  public int k() {
    return k;
  }

  /** The seed of the k-means start. */
  public long seed() {
    return seed;
  }

  /** The hard segments of {@link #fitMixture(FeatureTable)}. */
  @Override
  public Clusters fit(FeatureTable features) {
    return fitMixture(features).clusters();
  }

  /**
   * Fits the mixture.
   *
   * @throws IllegalArgumentException if the table has fewer than 2 features, k exceeds the
   *     customers or distinct rows, a covariance becomes singular, EM does not converge, or a
   *     component is the most probable for no customer (an empty segment)
   */
  public GaussianMixture fitMixture(FeatureTable features) {
    Checks.notNull("features", features);
    int d = features.columnCount();
    if (d < 2) {
      throw new IllegalArgumentException("a Gaussian mixture (Commons Math EM) needs at least 2"
          + " features; this table has 1: " + features.columns());
    }
    Clusters start = KMeansClusterer.withK(k).withSeed(seed).fit(features);
    int n = features.size();
    double[] data = features.data();
    double[] weights = new double[k];
    double[][] means = new double[k][];
    double[][][] covs = new double[k][d][d];
    int[] labels = start.labels();
    for (int c = 0; c < k; c++) {
      weights[c] = (double) start.segmentSize(c) / n;
      means[c] = start.centroid(c);
    }
    for (int i = 0; i < n; i++) {
      int c = labels[i];
      for (int a = 0; a < d; a++) {
        double ea = data[i * d + a] - means[c][a];
        for (int b = 0; b <= a; b++) {
          covs[c][a][b] += ea * (data[i * d + b] - means[c][b]);
        }
      }
    }
    List<Pair<Double, MultivariateNormalDistribution>> comps = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          covs[c][a][b] /= start.segmentSize(c);
          covs[c][b][a] = covs[c][a][b];
        }
        covs[c][a][a] += START_RIDGE;
      }
      comps.add(new Pair<>(weights[c], new MultivariateNormalDistribution(means[c], covs[c])));
    }
    MixtureMultivariateNormalDistribution fitted;
    try {
      var em = new MultivariateNormalMixtureExpectationMaximization(features.rows());
      em.fit(new MixtureMultivariateNormalDistribution(comps), maxIterations, threshold);
      fitted = em.getFittedModel();
    } catch (SingularMatrixException | NonPositiveDefiniteMatrixException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Gaussian mixture, k = %d: a component's covariance became singular (it collapsed"
              + " onto customers that share a feature value); use fewer components, features"
              + " with more distinct values, or k-means", k), e);
    } catch (MathIllegalStateException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Gaussian mixture, k = %d: EM did not converge to %s in %d iterations; raise"
              + " maxIterations or the threshold", k, Fmt.num(threshold), maxIterations), e);
    } catch (MathIllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Gaussian mixture, k = %d: EM failed (%s); a customer far from every component can"
              + " make the densities underflow: scale the features (log1p for money) first",
          k, e.getMessage()), e);
    }
    return GaussianMixture.of(features, fitted, k, seed, maxIterations, threshold);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "GaussianMixtureClusterer(k %d, max iterations %d, threshold %s, seed %d)", k,
        maxIterations, Fmt.num(threshold), seed);
  }
}
