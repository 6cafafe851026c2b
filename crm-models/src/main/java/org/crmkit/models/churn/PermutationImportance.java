package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Permutation feature importance (Breiman 2001, doi:10.1023/A:1010933404324; Fisher, Rudin &amp;
 * Dominici 2019, JMLR 20(177)): how much a fitted model's ROC AUC on a data set drops when one
 * feature's column is shuffled, breaking its link with the label while keeping its distribution.
 *
 * <p>For each feature j (in the model's order) and repeat r = 1..R: the column is shuffled
 * (Fisher–Yates) by a {@link SplittableRandom} created from the seed and advanced in that fixed
 * order, the model predicts, and drop = AUC(original) − AUC(shuffled). The importance is the
 * mean drop over the repeats, with its sample standard deviation (0 for R = 1). scikit-learn's
 * {@code permutation_importance(scoring="roc_auc")} computes the same quantity (with another
 * random stream). A feature the model ignores has importance 0 exactly; a negative value means the
 * feature helps less than noise would. Use held-out data to measure what generalises.
 */
public final class PermutationImportance {

  /**
   * One feature.
   *
   * @param feature the feature name
   * @param meanDrop the mean drop in ROC AUC
   * @param sdDrop the sample standard deviation of the drops
   */
  public record Entry(String feature, double meanDrop, double sdDrop) {}

  private final double baseline;
  private final int repeats;
  private final long seed;
  private final List<Entry> entries;

  private PermutationImportance(double baseline, int repeats, long seed, List<Entry> entries) {
    this.baseline = baseline;
    this.repeats = repeats;
    this.seed = seed;
    this.entries = List.copyOf(entries);
  }

  /**
   * The permutation importance of every feature of {@code model} on {@code features} labelled by
   * {@code labels}.
   *
   * @throws IllegalArgumentException if the table's columns do not match the model, a customer has
   *     no label, only one class occurs, or repeats &lt; 1
   */
  public static PermutationImportance of(ChurnPredictor model, FeatureTable features,
      ChurnLabels labels, int repeats, long seed) {
    Checks.notNull("labels", labels);
    return of(model, features, labels.alignTo(features), repeats, seed);
  }

  /**
   * As {@link #of(ChurnPredictor, FeatureTable, ChurnLabels, int, long)}, with labels in the
   * table's row order.
   */
  public static PermutationImportance of(ChurnPredictor model, FeatureTable features, int[] y,
      int repeats, long seed) {
    Checks.notNull("model", model);
    Checks.positive("repeats", repeats);
    double[][] x = model.rowsFor(features);
    double base = ChurnMetrics.rocAuc(y, model.predictRows(x));
    SplittableRandom r = new SplittableRandom(seed);
    List<String> names = model.featureNames();
    List<Entry> out = new ArrayList<>(names.size());
    int n = x.length;
    double[] original = new double[n];
    double[] drops = new double[repeats];
    for (int j = 0; j < names.size(); j++) {
      for (int i = 0; i < n; i++) {
        original[i] = x[i][j];
      }
      for (int rep = 0; rep < repeats; rep++) {
        double[] col = original.clone();
        for (int i = n - 1; i > 0; i--) {
          int k = r.nextInt(i + 1);
          double t = col[i];
          col[i] = col[k];
          col[k] = t;
        }
        for (int i = 0; i < n; i++) {
          x[i][j] = col[i];
        }
        drops[rep] = base - ChurnMetrics.rocAuc(y, model.predictRows(x));
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = original[i];
      }
      double mean = 0;
      for (double d : drops) {
        mean += d;
      }
      mean /= repeats;
      double ss = 0;
      for (double d : drops) {
        ss += (d - mean) * (d - mean);
      }
      out.add(new Entry(names.get(j), mean, repeats > 1 ? Math.sqrt(ss / (repeats - 1)) : 0));
    }
    return new PermutationImportance(base, repeats, seed, out);
  }

  /** The model's ROC AUC on the unshuffled data. */
  public double baselineRocAuc() {
    return baseline;
  }

  /** The features in the model's order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The features from the most to the least important (ties in the model's order). */
  public List<Entry> ranked() {
    List<Entry> s = new ArrayList<>(entries);
    s.sort(Comparator.comparingDouble(Entry::meanDrop).reversed());
    return s;
  }

  /** The table for writing, ranked. */
  public Table toTable() {
    List<Entry> s = ranked();
    return ColumnTable.builder(s.size())
        .strings("feature", i -> s.get(i).feature())
        .doubles("mean_auc_drop", i -> s.get(i).meanDrop())
        .doubles("sd_auc_drop", i -> s.get(i).sdDrop())
        .build();
  }

  @Override
  public String toString() {
    int w = 7;
    for (Entry e : entries) {
      w = Math.max(w, e.feature().length());
    }
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "PermutationImportance: drop in ROC AUC (baseline %.4f), %d repeats, seed %d%n", baseline,
        repeats, seed));
    String f = "  %-" + w + "s %9s %9s%n";
    sb.append(String.format(Locale.ROOT, f, "feature", "mean", "sd"));
    for (Entry e : ranked()) {
      sb.append(String.format(Locale.ROOT, f, e.feature(), Fmt.p4(e.meanDrop()),
          Fmt.p4(e.sdDrop())));
    }
    return sb.toString().stripTrailing();
  }
}
