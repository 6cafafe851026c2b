package org.crmkit.models.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.util.Pair;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A fitted Gaussian mixture (see {@link GaussianMixtureClusterer}): weights w_j, means μ_j and
 * covariances Σ_j of k components, in the space of the features it was fitted on.
 *
 * <p>Posterior of component j for customer x: p_j(x) = w_j N(x; μ_j, Σ_j) / Σ_l w_l N(x; μ_l,
 * Σ_l), computed in log space (log-sum-exp) so that far customers do not underflow.
 * Log-likelihood: Σ_i ln Σ_j w_j N(x_i; μ_j, Σ_j). BIC = −2 LL + p ln n with p = (k − 1) + k·d +
 * k·d(d + 1)/2 free parameters (Schwarz 1978). Components are numbered like the segments of
 * {@link #clusters()}: by decreasing number of customers.
 *
 * <p>Immutable and thread-safe; arrays are copied out.
 */
public final class GaussianMixture {

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final List<String> columns;
  private final Components comps;
  private final int k;
  private final int d;
  private final double logLikelihood;
  private final int n;
  private final long seed;
  private final Clusters clusters;

  private GaussianMixture(List<String> columns, Components comps, int n, double logLikelihood,
      long seed, Clusters clusters) {
    this.columns = columns;
    this.comps = comps;
    this.k = comps.weights.length;
    this.d = columns.size();
    this.n = n;
    this.logLikelihood = logLikelihood;
    this.seed = seed;
    this.clusters = clusters;
  }

  /** The parameters, with the Cholesky factors of the covariances. */
  private static final class Components {
    final double[] weights;
    final double[][] means;
    final double[][][] covariances;
    final double[][][] chol;
    final double[] logDet;

    Components(double[] weights, double[][] means, double[][][] covariances) {
      this.weights = weights;
      this.means = means;
      this.covariances = covariances;
      int k = weights.length;
      int d = means[0].length;
      this.chol = new double[k][][];
      this.logDet = new double[k];
      for (int j = 0; j < k; j++) {
        try {
          var c = new CholeskyDecomposition(new Array2DRowRealMatrix(covariances[j], false),
              1e-12, 1e-300);
          chol[j] = c.getL().getData();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "Gaussian mixture: the covariance of component %d is not positive definite (it"
                  + " collapsed onto customers that share a feature value); use fewer"
                  + " components or k-means", j), e);
        }
        double s = 0;
        for (int a = 0; a < d; a++) {
          s += Math.log(chol[j][a][a]);
        }
        logDet[j] = 2 * s;
      }
    }

    /** ln(w_j) + ln N(x; μ_j, Σ_j) for every j. */
    void logJoint(double[] x, double[] out) {
      int d = x.length;
      double[] z = new double[d];
      for (int j = 0; j < weights.length; j++) {
        double[][] l = chol[j];
        double q = 0;
        for (int a = 0; a < d; a++) {
          double s = x[a] - means[j][a];
          for (int b = 0; b < a; b++) {
            s -= l[a][b] * z[b];
          }
          z[a] = s / l[a][a];
          q += z[a] * z[a];
        }
        out[j] = Math.log(weights[j]) - 0.5 * (d * LOG_2PI + logDet[j] + q);
      }
    }

    int mostProbable(double[] x) {
      double[] lp = new double[weights.length];
      logJoint(x, lp);
      return argMax(lp);
    }
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[best]) {
        best = j;
      }
    }
    return best;
  }

  static GaussianMixture of(FeatureTable features, MixtureMultivariateNormalDistribution fitted,
      int k, long seed, int maxIterations, double threshold) {
    List<Pair<Double, MultivariateNormalDistribution>> list = fitted.getComponents();
    int d = features.columnCount();
    double[] w = new double[k];
    double[][] mu = new double[k][];
    double[][][] cov = new double[k][][];
    for (int j = 0; j < k; j++) {
      w[j] = list.get(j).getFirst();
      mu[j] = list.get(j).getSecond().getMeans();
      cov[j] = list.get(j).getSecond().getCovariances().getData();
      boolean finite = Double.isFinite(w[j]) && w[j] > 0;
      for (int a = 0; a < d; a++) {
        finite &= Double.isFinite(mu[j][a]);
        for (int b = 0; b < d; b++) {
          finite &= Double.isFinite(cov[j][a][b]);
        }
      }
      if (!finite) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "Gaussian mixture, k = %d: EM produced non-finite parameters for component %d (a"
                + " customer far from every component makes the densities underflow); scale"
                + " the features (log1p for money) or use k-means", k, j));
      }
    }
    var raw = new Components(w, mu, cov);
    int n = features.size();
    double[] data = features.data();
    int[] labels = new int[n];
    double ll = 0;
    double[] lp = new double[k];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(data, i * d, x, 0, d);
      raw.logJoint(x, lp);
      labels[i] = argMax(lp);
      ll += logSumExp(lp);
    }
    int[] counts = new int[k];
    for (int l : labels) {
      counts[l]++;
    }
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "Gaussian mixture, k = %d: component %d is the most probable for no customer (an"
                + " empty segment); use fewer components", k, j));
      }
    }
    int[] newNumber = Clusters.renumber(labels, k);
    double[] w2 = new double[k];
    double[][] mu2 = new double[k][];
    double[][][] cov2 = new double[k][][];
    for (int j = 0; j < k; j++) {
      w2[newNumber[j]] = w[j];
      mu2[newNumber[j]] = mu[j];
      cov2[newNumber[j]] = cov[j];
    }
    var comps = new Components(w2, mu2, cov2);
    String method = String.format(Locale.ROOT,
        "Gaussian mixture, k = %d, full covariances (EM from a k-means start, seed %d, threshold"
            + " %s, at most %d iterations; Commons Math)", k, seed, Fmt.num(threshold),
        maxIterations);
    Clusters clusters = Clusters.build(method, features, labels, false, seed, List.of(),
        comps::mostProbable);
    return new GaussianMixture(features.columns(), comps, n, ll, seed, clusters);
  }

  private static double logSumExp(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }

  /** The hard segments: each customer in its most probable component. */
  public Clusters clusters() {
    return clusters;
  }

  /** The number of components. */
  public int k() {
    return k;
  }

  /** The feature columns. */
  public List<String> columns() {
    return columns;
  }

  /** A copy of the mixing weights w_j (summing to 1). */
  public double[] weights() {
    return comps.weights.clone();
  }

  /** A copy of component j's mean. */
  public double[] mean(int j) {
    return comps.means[java.util.Objects.checkIndex(j, k)].clone();
  }

  /** A copy of component j's covariance matrix. */
  public double[][] covariance(int j) {
    double[][] c = comps.covariances[java.util.Objects.checkIndex(j, k)];
    double[][] out = new double[d][];
    for (int a = 0; a < d; a++) {
      out[a] = c[a].clone();
    }
    return out;
  }

  /** The log-likelihood of the customers the mixture was fitted on. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** The number of free parameters: (k − 1) + k·d + k·d(d + 1)/2. */
  public int parameterCount() {
    return (k - 1) + k * d + k * d * (d + 1) / 2;
  }

  /** Bayesian information criterion −2 LL + p ln n (lower is better). */
  public double bic() {
    return -2 * logLikelihood + parameterCount() * Math.log(n);
  }

  /** The seed of the k-means start. */
  public long seed() {
    return seed;
  }

  /**
   * Posterior probabilities of the components, one row per customer of {@code features} (scaled
   * the same way as the fitting table).
   *
   * @throws IllegalArgumentException if the columns differ
   */
  public double[][] posterior(FeatureTable features) {
    Checks.notNull("features", features);
    features.requireColumns(columns, "the Gaussian mixture");
    int m = features.size();
    double[] data = features.data();
    double[][] p = new double[m][k];
    double[] x = new double[d];
    for (int i = 0; i < m; i++) {
      System.arraycopy(data, i * d, x, 0, d);
      comps.logJoint(x, p[i]);
      double z = logSumExp(p[i]);
      if (z == Double.NEGATIVE_INFINITY) {
        throw Checks.badRow(i + 1, features.customerId(i), "features",
            "are so far from every component that all densities underflow");
      }
      for (int j = 0; j < k; j++) {
        p[i][j] = Math.exp(p[i][j] - z);
      }
    }
    return p;
  }

  /** One row per component: component, weight, then the mean of each feature. */
  public Table toTable() {
    var b = ColumnTable.builder(k).longs("component", java.util.stream.IntStream.range(0, k)
        .toArray()).doubles("weight", comps.weights.clone());
    for (int a = 0; a < d; a++) {
      int col = a;
      b.doubles("mean_" + columns.get(a), j -> comps.means[j][col]);
    }
    return b.build();
  }

  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    String[] head = new String[d + 2];
    head[0] = "component";
    head[1] = "weight";
    for (int a = 0; a < d; a++) {
      head[2 + a] = "mean " + Fmt.clip(columns.get(a), 14);
    }
    rows.add(head);
    for (int j = 0; j < k; j++) {
      String[] r = new String[d + 2];
      r[0] = Integer.toString(j);
      r[1] = Fmt.num(comps.weights[j]);
      for (int a = 0; a < d; a++) {
        r[2 + a] = Fmt.num(comps.means[j][a]);
      }
      rows.add(r);
    }
    return String.format(Locale.ROOT,
        "Gaussian mixture: k = %d, %s customers, log-likelihood %s, BIC %s%n%s", k,
        Fmt.count(n), Fmt.num(logLikelihood), Fmt.num(bic()), Fmt.table(rows, 0)).stripTrailing();
  }
}
