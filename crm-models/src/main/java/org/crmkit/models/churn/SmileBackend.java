package org.crmkit.models.churn;

import java.util.Locale;
import java.util.SplittableRandom;
import smile.base.cart.SplitRule;
import smile.classification.Classifier;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;

/**
 * The only class of this package that calls Smile (GPL-3.0; see the package notes). Every learner
 * gets plain {@code double[][]} rows and 0/1 labels that the caller has checked.
 *
 * <p>Determinism: logistic regression is deterministic given the data (L-BFGS; its objective is
 * summed in parallel by Smile with a split that depends only on the common pool's parallelism).
 * The random forest receives one seed per tree (Smile 4.4 resets the RNG of the thread that grows
 * a tree to that tree's seed), so the forest does not depend on thread scheduling. Gradient
 * boosting draws its subsamples on the calling thread from Smile's thread-local RNG, which
 * {@link #gradientBoosting} seeds first ({@code MathEx.setSeed}).
 */
final class SmileBackend {

  /** The label column of the Smile data frames; features are named x0, x1, ... */
  private static final String LABEL = "churned__";

  private SmileBackend() {}

  // ------------------------------------------------------------------ logistic regression

  static Scorer logistic(double[][] x, int[] y, int[] weights, double lambda, double tol,
      int maxIter) {
    int p = x[0].length;
    double[] mean = new double[p];
    double[] sd = new double[p];
    standardisation(x, mean, sd);
    double[][] z = replicate(standardise(x, mean, sd), y, weights);
    int[] yz = replicateLabels(y, weights);
    LogisticRegression.Binomial fit;
    try {
      fit = LogisticRegression.binomial(z, yz, new LogisticRegression.Options(lambda, tol,
          maxIter));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalStateException("Smile's logistic regression failed: " + e.getMessage(), e);
    }
    double[] w = fit.coefficients().clone(); // standardised scale, intercept last
    double[] beta = new double[p + 1];
    double intercept = w[p];
    for (int j = 0; j < p; j++) {
      beta[j] = w[j] / sd[j];
      intercept -= w[j] * mean[j] / sd[j];
    }
    beta[p] = intercept;
    return new Scorer() {
      @Override
      public double[] predict(double[][] rows) {
        double[] out = new double[rows.length];
        double[] post = new double[2];
        double[] r = new double[p];
        for (int i = 0; i < rows.length; i++) {
          for (int j = 0; j < p; j++) {
            r[j] = (rows[i][j] - mean[j]) / sd[j];
          }
          fit.predict(r, post);
          out[i] = post[1];
        }
        return out;
      }

      @Override
      public double[] coefficients() {
        return beta.clone();
      }

      @Override
      public double[] nativeImportance() {
        double[] a = new double[p];
        for (int j = 0; j < p; j++) {
          a[j] = Math.abs(w[j]);
        }
        return a;
      }
    };
  }

  private static void standardisation(double[][] x, double[] mean, double[] sd) {
    int n = x.length;
    int p = mean.length;
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += r[j];
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= n;
    }
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        double d = r[j] - mean[j];
        sd[j] += d * d;
      }
    }
    for (int j = 0; j < p; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (!(sd[j] > 0)) {
        sd[j] = 1; // a constant column: centred to 0, left unscaled
      }
    }
  }

  private static double[][] standardise(double[][] x, double[] mean, double[] sd) {
    double[][] z = new double[x.length][mean.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < mean.length; j++) {
        z[i][j] = (x[i][j] - mean[j]) / sd[j];
      }
    }
    return z;
  }

  /** Row i repeated weights[y[i]] times (the rows are shared, not copied). */
  static double[][] replicate(double[][] x, int[] y, int[] weights) {
    if (weights[0] == 1 && weights[1] == 1) {
      return x;
    }
    double[][] out = new double[replicatedSize(y, weights)][];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < weights[y[i]]; r++) {
        out[k++] = x[i];
      }
    }
    return out;
  }

  static int[] replicateLabels(int[] y, int[] weights) {
    if (weights[0] == 1 && weights[1] == 1) {
      return y;
    }
    int[] out = new int[replicatedSize(y, weights)];
    int k = 0;
    for (int v : y) {
      for (int r = 0; r < weights[v]; r++) {
        out[k++] = v;
      }
    }
    return out;
  }

  private static int replicatedSize(int[] y, int[] weights) {
    long size = 0;
    for (int v : y) {
      size += weights[v];
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "class weights %d:%d would repeat the %d training rows into %d rows; use smaller weights",
          weights[0], weights[1], y.length, size));
    }
    return (int) size;
  }

  // ------------------------------------------------------------------ trees

  private static String[] names(int p) {
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "x" + j;
    }
    return names;
  }

  private static DataFrame frame(double[][] x, int[] y) {
    DataFrame df = DataFrame.of(x, names(x[0].length));
    return y == null ? df : df.merge(new DataFrame(ValueVector.of(LABEL, y)));
  }

  static Scorer randomForest(double[][] x, int[] y, int[] weights, int trees, int mtry,
      int maxDepth, int maxNodes, int nodeSize, double subsample, long seed) {
    int p = x[0].length;
    int n0 = 0;
    for (int v : y) {
      n0 += 1 - v;
    }
    int n1 = y.length - n0;
    // Smile draws n_c / s_c rows of class c for each tree: s = (w_churned, w_retained).
    int[] smileWeight = {weights[1], weights[0]};
    if (n0 / smileWeight[0] < 1 || n1 / smileWeight[1] < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "class weights %d:%d leave no row of one class in the forest's samples "
              + "(%d retained, %d churned)", weights[0], weights[1], n0, n1));
    }
    if (mtry > p) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "mtry (%d) must not exceed the number of features (%d)", mtry, p));
    }
    long[] seeds = new long[trees];
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < trees; t++) {
      seeds[t] = r.nextLong();
    }
    boolean unit = weights[0] == 1 && weights[1] == 1;
    var options = new RandomForest.Options(trees, mtry, SplitRule.GINI, maxDepth, maxNodes,
        nodeSize, subsample, unit ? null : smileWeight, seeds, null);
    RandomForest fit = RandomForest.fit(Formula.lhs(LABEL), frame(x, y), options);
    return treeScorer(fit, fit.importance().clone());
  }

  static Scorer gradientBoosting(double[][] x, int[] y, int[] weights, int trees, int maxDepth,
      int maxNodes, int nodeSize, double shrinkage, double subsample, long seed) {
    double[][] xr = replicate(x, y, weights);
    int[] yr = replicateLabels(y, weights);
    var options = new GradientTreeBoost.Options(trees, maxDepth, maxNodes, nodeSize, shrinkage,
        subsample, null, null);
    MathEx.setSeed(seed);
    GradientTreeBoost fit = GradientTreeBoost.fit(Formula.lhs(LABEL), frame(xr, yr), options);
    return treeScorer(fit, fit.importance().clone());
  }

  /**
   * A fitted Smile tree ensemble as a scorer: P(churn) is its posterior of class 1 for each row,
   * and its own importance is kept.
   */
  private static Scorer treeScorer(Classifier<Tuple> fit, double[] importance) {
    return new Scorer() {
      @Override
      public double[] predict(double[][] rows) {
        double[] out = new double[rows.length];
        if (rows.length == 0) {
          return out;
        }
        DataFrame df = frame(rows, null);
        double[] post = new double[2];
        for (int i = 0; i < rows.length; i++) {
          fit.predict(df.get(i), post);
          out[i] = post[1];
        }
        return out;
      }

      @Override
      public double[] nativeImportance() {
        return importance.clone();
      }
    };
  }
}
