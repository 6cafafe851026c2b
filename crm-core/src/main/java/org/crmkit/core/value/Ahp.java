package org.crmkit.core.value;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Checks;

/**
 * Weights from pairwise comparisons by the analytic hierarchy process (Saaty 1980): the
 * normalised principal eigenvector of a positive reciprocal matrix, with its consistency ratio.
 *
 * <pre>{@code
 * // revenue is 3 times as important as frequency and 5 times as recency, frequency 2 times recency
 * AhpWeights w = Ahp.withDefaults().weightsFromUpperTriangle(
 *     List.of("revenue", "frequency", "recency"), 3, 5, 2);
 * w.weight("revenue");   // 0.648
 * }</pre>
 *
 * <p><b>Matrix.</b> Entry a_ij says how many times criterion i is as important as criterion j
 * (Saaty's 1–9 scale, or any positive ratio); a_ii = 1 and a_ji = 1/a_ij. Reciprocals typed with
 * three decimals (0.333 for 1/3) are accepted: |a_ij·a_ji − 1| &le; 0.005; the matrix is then
 * used as given. {@link #weightsFromUpperTriangle} fills the reciprocals exactly.
 *
 * <p><b>Weights.</b> The principal right eigenvector w (A·w = λmax·w), normalised to sum 1, found
 * by power iteration from the uniform vector: w ← A·w / Σ(A·w) until no weight moves by more
 * than 1e-13 (Perron's theorem: for a positive matrix it converges to the unique positive
 * eigenvector). λmax = Σ(A·w) at the end. A consistent matrix (a_ij = w_i/w_j, so
 * a_ik = a_ij·a_jk) gives exactly w and λmax = n.
 *
 * <p><b>Consistency.</b> CI = (λmax − n)/(n − 1) (0 for n = 1; rounding below 0 is set to 0,
 * since λmax &ge; n for positive reciprocal matrices); CR = CI / RI(n) with Saaty's random index
 * RI, the mean CI of random reciprocal matrices. For n &le; 2 every reciprocal matrix is
 * consistent and RI = 0: CR is 0. A CR above 0.1 (Saaty's limit) is rejected with an
 * exception unless the caller insists with {@link #withAcceptInconsistent(boolean)}, in which
 * case the result records it.
 *
 * <p><b>Random index.</b> The default table is Saaty's (1980), n = 1..15:
 * 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59, as it is
 * widely reproduced; later printings give 1.52, 1.54, 1.56, 1.58, 1.59 for n = 11..15, and
 * Alonso &amp; Lamata (2006) re-estimated all values from 100,000 random matrices per size. Pass
 * another table with {@link #withRandomIndex(double[])} (we ship only Saaty's, which we could
 * check against several independent reproductions).
 *
 * <p>Sources: Saaty, T. L. (1980), The Analytic Hierarchy Process, McGraw-Hill, New York;
 * Saaty, T. L. (1990), How to make a decision: the analytic hierarchy process, European Journal
 * of Operational Research 48(1), 9–26, doi:10.1016/0377-2217(90)90057-I; Alonso, J. A. &amp;
 * Lamata, M. T. (2006), Consistency in the analytic hierarchy process: a new approach,
 * International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 445–459,
 * doi:10.1142/S0218488506004114.
 *
 * <p>Instances are immutable and thread-safe; each {@code with…} returns a copy.
 */
public final class Ahp {

  /** Saaty's limit on the consistency ratio: 0.1. */
  public static final double SAATY_LIMIT = 0.1;

  private static final double[] SAATY_1980 =
      {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

  private static final double RECIPROCAL_TOLERANCE = 0.005;
  private static final double TOLERANCE = 1e-13;
  private static final int MAX_ITERATIONS = 100_000;

  private static final Ahp DEFAULTS = new Ahp(SAATY_1980, "Saaty 1980", SAATY_LIMIT, false);

  private final double[] randomIndex;
  private final String randomIndexSource;
  private final double maxConsistencyRatio;
  private final boolean acceptInconsistent;

  private Ahp(double[] randomIndex, String source, double maxRatio, boolean accept) {
    this.randomIndex = randomIndex;
    this.randomIndexSource = source;
    this.maxConsistencyRatio = maxRatio;
    this.acceptInconsistent = accept;
  }

  /** Saaty's 1980 random index, CR limit 0.1, inconsistent matrices rejected. */
  public static Ahp withDefaults() {
    return DEFAULTS;
  }

  /** Saaty's (1980) random index RI(n) for n = 1..15; see the class description. */
  public static double saatyRandomIndex(int n) {
    Checks.inRange("n", n, 1, SAATY_1980.length);
    return SAATY_1980[n - 1];
  }

  /**
   * A copy that accepts (true) or rejects (false, the default) matrices whose consistency
   * ratio exceeds the limit. Accepted results say so in {@link AhpWeights#acceptedInconsistent()}.
   */
  public Ahp withAcceptInconsistent(boolean accept) {
    return new Ahp(randomIndex, randomIndexSource, maxConsistencyRatio, accept);
  }

  /** A copy with another limit on the consistency ratio, in (0, 1]. */
  public Ahp withMaxConsistencyRatio(double limit) {
    if (!(limit > 0 && limit <= 1)) {
      throw new IllegalArgumentException("maxConsistencyRatio must be in (0, 1]: " + limit);
    }
    return new Ahp(randomIndex, randomIndexSource, limit, acceptInconsistent);
  }

  /**
   * A copy with another random-index table: {@code ri[n − 1]} is RI(n); matrices up to
   * {@code ri.length} criteria are allowed. RI(1) and RI(2) must be 0; the others finite and
   * &gt; 0. Copied.
   */
  public Ahp withRandomIndex(double[] ri) {
    Checks.notNull("ri", ri);
    if (ri.length < 1) {
      throw new IllegalArgumentException("ri is empty");
    }
    for (int i = 0; i < ri.length; i++) {
      if (i < 2 ? ri[i] != 0 : !(ri[i] > 0 && ri[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("ri[" + i + "] (n = " + (i + 1) + ") must be "
            + (i < 2 ? "0" : "finite and > 0") + ": " + ri[i]);
      }
    }
    return new Ahp(ri.clone(), "caller's table", maxConsistencyRatio, acceptInconsistent);
  }

  /** The largest number of criteria the random-index table covers. */
  public int maxCriteria() {
    return randomIndex.length;
  }

  /**
   * Weights from a complete pairwise-comparison matrix.
   *
   * @param names the criteria, in the matrix's order; unique, not blank
   * @param matrix n × n, positive and finite, diagonal 1, reciprocal (see the class notes);
   *     copied
   * @throws IllegalArgumentException if the matrix is malformed (the message names the entry),
   *     n exceeds {@link #maxCriteria()}, or the consistency ratio exceeds the limit and
   *     inconsistent matrices are not accepted
   */
  public AhpWeights weights(List<String> names, double[][] matrix) {
    int n = checkNames(names);
    Checks.notNull("matrix", matrix);
    if (matrix.length != n) {
      throw new IllegalArgumentException("matrix has " + matrix.length + " rows for " + n
          + " criteria");
    }
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      Checks.notNull("matrix[" + i + "]", matrix[i]);
      if (matrix[i].length != n) {
        throw new IllegalArgumentException("matrix[" + i + "] has " + matrix[i].length
            + " entries for " + n + " criteria");
      }
      a[i] = matrix[i].clone();
      for (int j = 0; j < n; j++) {
        double v = a[i][j];
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
          throw entry(names, i, j, "must be finite and > 0: " + v);
        }
      }
      if (Math.abs(a[i][i] - 1) > 1e-12) {
        throw entry(names, i, i, "must be 1 (a criterion compared with itself): " + a[i][i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(a[i][j] * a[j][i] - 1) > RECIPROCAL_TOLERANCE) {
          throw entry(names, j, i, "= " + a[j][i] + " is not the reciprocal of " + a[i][j]
              + " (matrix[" + i + "][" + j + "]); give 1/" + a[i][j]);
        }
      }
    }
    return solve(names, a);
  }

  /**
   * Weights from the upper triangle of the matrix, row by row: a_12, a_13, …, a_1n, a_23, …,
   * a_(n−1)n (n(n − 1)/2 judgements); the diagonal is 1 and the lower triangle the exact
   * reciprocals.
   *
   * @throws IllegalArgumentException as {@link #weights(List, double[][])}, or if the number of
   *     judgements is not n(n − 1)/2
   */
  public AhpWeights weightsFromUpperTriangle(List<String> names, double... judgements) {
    int n = checkNames(names);
    Checks.notNull("judgements", judgements);
    int expected = n * (n - 1) / 2;
    if (judgements.length != expected) {
      throw new IllegalArgumentException(judgements.length + " judgements given; " + n
          + " criteria need n(n - 1)/2 = " + expected);
    }
    double[][] a = new double[n][n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        double v = judgements[k++];
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
          throw entry(names, i, j, "must be finite and > 0: " + v);
        }
        a[i][j] = v;
        a[j][i] = 1 / v;
      }
    }
    return solve(names, a);
  }

  private int checkNames(List<String> names) {
    Checks.notNull("names", names);
    int n = names.size();
    if (n < 1 || n > randomIndex.length) {
      throw new IllegalArgumentException("AHP needs 1 to " + randomIndex.length
          + " criteria (the random-index table's size): " + n);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String s = Checks.notBlank("names[" + i + "]", names.get(i));
      if (!seen.add(s)) {
        throw new IllegalArgumentException("criterion '" + s + "' is named twice");
      }
    }
    return n;
  }

  private static IllegalArgumentException entry(List<String> names, int i, int j, String msg) {
    return new IllegalArgumentException("matrix[" + i + "][" + j + "] (" + names.get(i)
        + " versus " + names.get(j) + ") " + msg);
  }

  private AhpWeights solve(List<String> names, double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    double lambda = n;
    int it = 0;
    boolean converged = n == 1;
    while (!converged && it < MAX_ITERATIONS) {
      it++;
      double[] y = multiply(a, w);
      double sum = 0;
      for (double v : y) {
        sum += v;
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        y[i] /= sum;
        change = Math.max(change, Math.abs(y[i] - w[i]));
      }
      w = y;
      lambda = sum;
      converged = change <= TOLERANCE;
    }
    if (!converged) {
      throw new IllegalStateException("power iteration did not converge in " + MAX_ITERATIONS
          + " iterations");
    }
    if (n > 1) {
      double s = 0;
      for (double v : multiply(a, w)) {
        s += v;
      }
      lambda = s;
    }
    double ci = n == 1 ? 0 : Math.max(0, (lambda - n) / (n - 1));
    double ri = randomIndex[n - 1];
    double cr = ri == 0 ? 0 : ci / ri;
    boolean inconsistent = cr > maxConsistencyRatio;
    if (inconsistent && !acceptInconsistent) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the comparisons are inconsistent: consistency ratio %.4f exceeds %.2f (lambda max "
              + "%.4f, CI %.4f, RI %.2f for n = %d, %s); revise the judgements, or call "
              + "withAcceptInconsistent(true) to use the weights anyway", cr,
          maxConsistencyRatio, lambda, ci, ri, n, randomIndexSource));
    }
    return new AhpWeights(names, w, lambda, ci, ri, cr, maxConsistencyRatio, inconsistent, it);
  }

  private static double[] multiply(double[][] a, double[] w) {
    int n = w.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i][j] * w[j];
      }
      y[i] = s;
    }
    return y;
  }
}
