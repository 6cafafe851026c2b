package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A reliability table: predicted probabilities cut into {@code b} equal-width bins on [0, 1]
 * (bin k holds p in [k/b, (k+1)/b), the last bin also p = 1), with, per bin, the number of
 * customers, the mean predicted probability and the observed churn rate. A calibrated model has
 * observed ≈ predicted in every bin (DeGroot &amp; Fienberg 1983, doi:10.2307/2987588). Empty
 * bins are left out, as in scikit-learn's {@code calibration_curve(strategy="uniform")}.
 */
public final class CalibrationTable {

  /**
   * One non-empty bin.
   *
   * @param lower the bin's lower edge
   * @param upper the bin's upper edge
   * @param customers customers in the bin
   * @param meanPredicted their mean predicted probability
   * @param observedRate their churn rate
   */
  public record Bin(double lower, double upper, int customers, double meanPredicted,
      double observedRate) {}

  private final List<Bin> bins;
  private final int binCount;

  private CalibrationTable(List<Bin> bins, int binCount) {
    this.bins = List.copyOf(bins);
    this.binCount = binCount;
  }

  /**
   * The table with {@code bins} equal-width bins.
   *
   * @throws IllegalArgumentException if the inputs are invalid or {@code bins} &lt; 1
   */
  public static CalibrationTable of(int[] y, double[] p, int bins) {
    Inputs.labels(y, p);
    Inputs.probabilities(p);
    Checks.positive("bins", bins);
    int[] count = new int[bins];
    double[] sumP = new double[bins];
    int[] churners = new int[bins];
    for (int i = 0; i < y.length; i++) {
      int k = Math.min((int) (p[i] * bins), bins - 1);
      count[k]++;
      sumP[k] += p[i];
      churners[k] += y[i];
    }
    List<Bin> out = new ArrayList<>();
    for (int k = 0; k < bins; k++) {
      if (count[k] > 0) {
        out.add(new Bin((double) k / bins, (double) (k + 1) / bins, count[k], sumP[k] / count[k],
            (double) churners[k] / count[k]));
      }
    }
    return new CalibrationTable(out, bins);
  }

  /** The non-empty bins, lowest first. */
  public List<Bin> bins() {
    return bins;
  }

  /** The number of bins asked for (empty ones included). */
  public int binCount() {
    return binCount;
  }

  /**
   * The expected calibration error: Σ (customers / n) |observed − predicted| over the bins
   * (Naeini, Cooper &amp; Hauskrecht 2015, AAAI).
   */
  public double expectedCalibrationError() {
    long n = 0;
    double s = 0;
    for (Bin b : bins) {
      n += b.customers();
      s += b.customers() * Math.abs(b.observedRate() - b.meanPredicted());
    }
    return s / n;
  }

  /** The table for writing. */
  public Table toTable() {
    int n = bins.size();
    return ColumnTable.builder(n)
        .doubles("lower", i -> bins.get(i).lower())
        .doubles("upper", i -> bins.get(i).upper())
        .longs("customers", bins.stream().mapToInt(Bin::customers).toArray())
        .doubles("mean_predicted", i -> bins.get(i).meanPredicted())
        .doubles("observed_rate", i -> bins.get(i).observedRate())
        .build();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "CalibrationTable: %d bins (%d non-empty), ECE %.4f%n", binCount, bins.size(),
        expectedCalibrationError()));
    String f = "  %-11s %9s %9s %9s%n";
    sb.append(String.format(Locale.ROOT, f, "bin", "customers", "predicted", "observed"));
    for (Bin b : bins) {
      sb.append(String.format(Locale.ROOT, f,
          String.format(Locale.ROOT, "[%.2f,%.2f%s", b.lower(), b.upper(),
              b.upper() >= 1 ? "]" : ")"),
          Fmt.count(b.customers()), Fmt.p4(b.meanPredicted()), Fmt.p4(b.observedRate())));
    }
    return sb.toString().stripTrailing();
  }
}
