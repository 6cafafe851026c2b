package org.crmkit.models.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.crmkit.core.Checks;
import org.crmkit.core.Sorting;

/**
 * The log-rank test of equal survival (hazard) functions in k &ge; 2 groups (Mantel 1966; Peto
 * &amp; Peto 1972).
 *
 * <p>At each distinct event time t with n subjects at risk (n_g in group g) and d events (d_g in
 * group g), the expected events under the null are E_g = Σ_t d n_g/n, and the hypergeometric
 * covariance is V_gh = Σ_t d (n_g/n)(δ_gh − n_h/n)(n − d)/(n − 1) (0 when n = 1). With
 * U = O − E the statistic is χ² = Uᵀ V⁻ U, where V⁻ is the Moore–Penrose pseudo-inverse of the
 * singular k×k matrix V (equivalently, the inverse of any (k−1)×(k−1) block), on rank(V) = k − 1
 * degrees of freedom in every non-degenerate case. For two groups χ² = (O_1 − E_1)²/V_11. This is
 * R's {@code survdiff} (rho = 0) and lifelines' {@code logrank_test} /
 * {@code multivariate_logrank_test}.
 *
 * <p>The p-value is the χ² upper tail, computed as the regularized incomplete gamma function
 * Q(df/2, χ²/2) (the survival function of commons-math3's {@code ChiSquaredDistribution}, without
 * the cancellation of 1 − cdf, so tiny p-values do not round to 0).
 *
 * <pre>{@code
 * LogRank lr = LogRank.test(data);                        // data with a group label per row
 * LogRank ab = LogRank.test(data, "control", "miR-137");  // two named groups
 * double chi2 = lr.statistic(), p = lr.pValue();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LogRank {

  private final List<String> groups;
  private final int[] sizes;
  private final double[] observed;
  private final double[] expected;
  private final double[][] covariance;
  private final double statistic;
  private final int df;
  private final double pValue;

  private LogRank(List<String> groups, int[] sizes, double[] observed, double[] expected,
      double[][] covariance, double statistic, int df) {
    this.groups = groups;
    this.sizes = sizes;
    this.observed = observed;
    this.expected = expected;
    this.covariance = covariance;
    this.statistic = statistic;
    this.df = df;
    this.pValue = SurvivalMath.chiSquareSf(statistic, df);
  }

  /**
   * The two-group log-rank test of group A against group B (labelled "A" and "B").
   *
   * @throws IllegalArgumentException on bad input in either group (the message names the group),
   *     or if no event time has subjects of both groups at risk
   */
  public static LogRank test(double[] durationsA, int[] eventsA, double[] durationsB,
      int[] eventsB) {
    SurvivalData a = withPrefix("group A", () -> SurvivalData.of(durationsA, eventsA));
    SurvivalData b = withPrefix("group B", () -> SurvivalData.of(durationsB, eventsB));
    int n = a.size() + b.size();
    double[] t = new double[n];
    int[] e = new int[n];
    String[] g = new String[n];
    double[] ta = a.durationValues();
    double[] tb = b.durationValues();
    for (int i = 0; i < n; i++) {
      boolean inA = i < ta.length;
      t[i] = inA ? ta[i] : tb[i - ta.length];
      e[i] = (inA ? a.eventFlags()[i] : b.eventFlags()[i - ta.length]) ? 1 : 0;
      g[i] = inA ? "A" : "B";
    }
    return test(SurvivalData.of(t, e, g));
  }

  /**
   * The k-group log-rank test over every group of {@code data}.
   *
   * @throws IllegalStateException if {@code data} has no group labels
   * @throws IllegalArgumentException if there are fewer than two groups, or no event time has
   *     subjects of two groups at risk
   */
  public static LogRank test(SurvivalData data) {
    Checks.notNull("data", data);
    if (!data.hasGroups()) {
      throw new IllegalStateException("these survival data have no group labels");
    }
    return compute(data, data.groupLabels());
  }

  /**
   * The log-rank test over the named groups of {@code data} only (rows of other groups are left
   * out), in the order given.
   *
   * @throws IllegalArgumentException if fewer than two distinct groups are named, or a named group
   *     has no rows
   */
  public static LogRank test(SurvivalData data, String... groups) {
    Checks.notNull("data", data);
    Checks.notNull("groups", groups);
    if (!data.hasGroups()) {
      throw new IllegalStateException("these survival data have no group labels");
    }
    List<String> wanted = new ArrayList<>();
    for (String g : groups) {
      Checks.notNull("group label", g);
      if (wanted.contains(g)) {
        throw new IllegalArgumentException("group '" + g + "' is named twice");
      }
      data.group(g); // throws, naming the group, when it has no rows
      wanted.add(g);
    }
    return compute(data, wanted);
  }

  private static SurvivalData withPrefix(String what,
      java.util.function.Supplier<SurvivalData> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  private static LogRank compute(SurvivalData data, List<String> labels) {
    int k = labels.size();
    if (k < 2) {
      throw new IllegalArgumentException(
          "the log-rank test needs at least two groups: " + labels);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int g = 0; g < k; g++) {
      index.put(labels.get(g), g);
    }
    double[] allT = data.durationValues();
    boolean[] allE = data.eventFlags();
    String[] allG = data.groupValues();
    // keep only rows of the wanted groups
    int n = 0;
    int[] code = new int[allT.length];
    for (int i = 0; i < allT.length; i++) {
      Integer g = index.get(allG[i]);
      code[i] = g == null ? -1 : g;
      if (g != null) {
        n++;
      }
    }
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] grp = new int[n];
    int[] sizes = new int[k];
    for (int i = 0, j = 0; i < allT.length; i++) {
      if (code[i] >= 0) {
        t[j] = allT[i];
        e[j] = allE[i];
        grp[j] = code[i];
        sizes[code[i]]++;
        j++;
      }
    }
    int[] order = Sorting.order(t);
    int[] atRisk = sizes.clone();
    int total = n;
    double[] obs = new double[k];
    double[] exp = new double[k];
    double[][] v = new double[k][k];
    int[] dg = new int[k];
    int[] leaving = new int[k];
    int i = 0;
    while (i < n) {
      double now = t[order[i]];
      Arrays.fill(dg, 0);
      Arrays.fill(leaving, 0);
      int d = 0;
      int j = i;
      while (j < n && t[order[j]] == now) {
        int r = order[j];
        leaving[grp[r]]++;
        if (e[r]) {
          dg[grp[r]]++;
          d++;
        }
        j++;
      }
      if (d > 0) {
        double nn = total;
        double factor = total > 1 ? d * (nn - d) / (nn - 1) : 0.0;
        for (int g = 0; g < k; g++) {
          obs[g] += dg[g];
          double pg = atRisk[g] / nn;
          exp[g] += d * pg;
          for (int h = 0; h < k; h++) {
            double ph = atRisk[h] / nn;
            v[g][h] += factor * pg * ((g == h ? 1.0 : 0.0) - ph);
          }
        }
      }
      for (int g = 0; g < k; g++) {
        atRisk[g] -= leaving[g];
      }
      total -= j - i;
      i = j;
    }
    double[] u = new double[k];
    for (int g = 0; g < k; g++) {
      u[g] = obs[g] - exp[g];
    }
    double stat;
    int df;
    if (k == 2) {
      df = v[0][0] > 0 ? 1 : 0;
      stat = df == 1 ? u[0] * u[0] / v[0][0] : 0.0;
    } else {
      SingularValueDecomposition svd = new SingularValueDecomposition(
          new Array2DRowRealMatrix(v, true));
      df = svd.getRank();
      RealMatrix pinv = svd.getSolver().getInverse();
      stat = 0;
      for (int g = 0; g < k; g++) {
        for (int h = 0; h < k; h++) {
          stat += u[g] * pinv.getEntry(g, h) * u[h];
        }
      }
    }
    if (df == 0) {
      throw new IllegalArgumentException(
          "the log-rank test has no information: no event time has subjects of two groups at "
              + "risk (groups " + labels + ", " + Fmt.count((long) Arrays.stream(obs).sum())
              + " events)");
    }
    return new LogRank(List.copyOf(labels), sizes, obs, exp, v, Math.max(stat, 0.0), df);
  }

  /** The group labels, in the order of {@link #observed()} and {@link #expected()}. */
  public List<String> groups() {
    return groups;
  }

  /** The number of subjects in each group. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The observed number of events per group. */
  public double[] observed() {
    return observed.clone();
  }

  /** The expected number of events per group under equal hazards. */
  public double[] expected() {
    return expected.clone();
  }

  /** The covariance matrix V of O − E (k×k, singular: rows sum to 0). */
  public double[][] covariance() {
    double[][] out = new double[covariance.length][];
    for (int g = 0; g < out.length; g++) {
      out[g] = covariance[g].clone();
    }
    return out;
  }

  /** The χ² statistic. */
  public double statistic() {
    return statistic;
  }

  /** The degrees of freedom, rank(V): k − 1 unless a group never shares a risk set. */
  public int degreesOfFreedom() {
    return df;
  }

  /** The p-value P(χ²_df &gt; statistic). */
  public double pValue() {
    return pValue;
  }

  /** The statistic and p-value, then group, n, observed and expected events. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Log-rank test: %d groups, chi-square %s on %d df, p %s\n", groups.size(),
        Fmt.num(statistic), df, Fmt.pValue(pValue)));
    String[][] cells = new String[groups.size()][];
    for (int g = 0; g < cells.length; g++) {
      cells[g] = new String[] {groups.get(g), Fmt.count(sizes[g]), Fmt.num(observed[g]),
          Fmt.num(expected[g])};
    }
    Tables.append(sb, new String[] {"group", "n", "observed", "expected"}, cells, true);
    return sb.toString().stripTrailing();
  }
}
