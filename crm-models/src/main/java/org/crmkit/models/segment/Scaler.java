package org.crmkit.models.segment;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Checks;

/**
 * How to put features on one scale before clustering: k-means, Ward and DBSCAN measure Euclidean
 * distance, so a feature in dollars would otherwise outweigh one in orders.
 *
 * <pre>{@code
 * FittedScaler s = Scaler.zScore().withLog1p("monetary", "orders").fit(features);
 * FeatureTable scaled = s.transform(features);
 * FeatureTable newScaled = s.transform(newCustomers);   // the same centers and scales
 * }</pre>
 *
 * <p>For each column, first the optional transform, then centering and scaling, with the center
 * and scale learnt by {@link #fit(FeatureTable)} from the table it is given:
 *
 * <ul>
 *   <li><b>log1p</b> (for skewed money and counts): v ↦ ln(1 + v); needs v &gt; −1.
 *   <li><b>z-score</b>: z = (v − mean) / sd, sd the population standard deviation (divisor n), as
 *       scikit-learn's {@code StandardScaler}.
 *   <li><b>robust</b>: z = (v − median) / IQR, IQR = Q3 − Q1 with quantiles by linear
 *       interpolation (Hyndman &amp; Fan type 7, numpy's default), as scikit-learn's
 *       {@code RobustScaler}; less moved by a few very large customers.
 *   <li><b>none</b>: only the optional log1p.
 * </ul>
 *
 * <p>A column whose scale is 0 (a constant column, or an IQR of 0 when more than half of the
 * customers share one value) is only centered: its scale is set to 1, as scikit-learn does, and
 * {@link FittedScaler#scaleWasZero(String)} says so. Immutable and thread-safe.
 */
public final class Scaler {

  /** The centering and scaling rule. */
  public enum Method {
    /** (v − mean) / population sd. */
    Z_SCORE,
    /** (v − median) / IQR. */
    ROBUST,
    /** No centering or scaling (only the optional log1p). */
    NONE
  }

  private final Method method;
  private final Set<String> log1p;

  private Scaler(Method method, Set<String> log1p) {
    this.method = method;
    this.log1p = log1p;
  }

  /** z-scores: (v − mean) / sd. */
  public static Scaler zScore() {
    return new Scaler(Method.Z_SCORE, Set.of());
  }

  /** Robust scaling: (v − median) / IQR. */
  public static Scaler robust() {
    return new Scaler(Method.ROBUST, Set.of());
  }

  /** No scaling; combine with {@link #withLog1p(String...)} for the log alone. */
  public static Scaler none() {
    return new Scaler(Method.NONE, Set.of());
  }

  /** The centering and scaling rule. */
  public Method method() {
    return method;
  }

  /** The columns that get ln(1 + v) before scaling. */
  public Set<String> log1pColumns() {
    return log1p;
  }

  /**
   * A copy that applies ln(1 + v) to these columns before centering and scaling (added to any
   * given before).
   */
  public Scaler withLog1p(String... columns) {
    Checks.notNull("columns", columns);
    Set<String> s = new LinkedHashSet<>(log1p);
    for (String c : columns) {
      s.add(Checks.notBlank("column", c));
    }
    return new Scaler(method, java.util.Collections.unmodifiableSet(s));
  }

  /**
   * Learns the center and scale of every column of {@code features}.
   *
   * @throws IllegalArgumentException if a log1p column is not in the table, or one of its values
   *     is &le; −1 (naming the customer)
   */
  public FittedScaler fit(FeatureTable features) {
    Checks.notNull("features", features);
    List<String> cols = features.columns();
    boolean[] log = new boolean[cols.size()];
    for (String c : log1p) {
      int j = cols.indexOf(c);
      if (j < 0) {
        throw new IllegalArgumentException(
            "log1p column '" + c + "' is not in the feature table " + cols);
      }
      log[j] = true;
    }
    int n = features.size();
    int d = cols.size();
    double[] data = features.data();
    double[] center = new double[d];
    double[] scale = new double[d];
    boolean[] zero = new boolean[d];
    double[] v = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        v[i] = log[j] ? FittedScaler.log1p(data[i * d + j], features.customerId(i), i,
            cols.get(j)) : data[i * d + j];
      }
      double c;
      double s;
      switch (method) {
        case Z_SCORE -> {
          c = Stats.mean(v);
          s = Math.sqrt(Stats.sumSquaredDeviations(v, c) / n);
        }
        case ROBUST -> {
          double[] sorted = v.clone();
          Arrays.sort(sorted);
          c = Stats.quantileSorted(sorted, 0.5);
          s = Stats.quantileSorted(sorted, 0.75) - Stats.quantileSorted(sorted, 0.25);
        }
        default -> {
          c = 0;
          s = 1;
        }
      }
      if (!(s > 0)) {
        zero[j] = true;
        s = 1;
      }
      center[j] = c;
      scale[j] = s;
    }
    return new FittedScaler(method, cols, log, center, scale, zero);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Scaler(%s%s)", method.name().toLowerCase(Locale.ROOT),
        log1p.isEmpty() ? "" : ", log1p " + log1p);
  }
}
