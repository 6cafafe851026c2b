package org.crmkit.models.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Lift and cumulative gains by group (deciles by default): customers sorted by score from the
 * highest down (equal scores in row order), cut into {@code g} groups of ⌊n/g⌋ or ⌈n/g⌉ —
 * group k (1-based) holds ranks ⌊(k−1)n/g⌋ … ⌊kn/g⌋ − 1.
 *
 * <ul>
 *   <li>churn rate = churners in the group / customers in the group;
 *   <li>lift = churn rate / overall churn rate (1 = no better than random);
 *   <li>gain = churners in groups 1..k / all churners (the cumulative gains curve);
 *   <li>cumulative lift = gain / share of customers in groups 1..k.
 * </ul>
 *
 * <p>A tie straddling a group boundary is split by row order; with many tied scores (a tree
 * model's leaves) the table depends on the row order, as any ranked list does.
 */
public final class GainsTable {

  /**
   * One group.
   *
   * @param group 1 for the highest scores
   * @param customers customers in the group
   * @param churners churners in the group
   * @param minScore the lowest score in the group
   * @param maxScore the highest score in the group
   * @param churnRate churners / customers
   * @param lift churnRate / the overall churn rate
   * @param cumulativeShare customers in groups 1..group / all customers
   * @param gain churners in groups 1..group / all churners
   * @param cumulativeLift gain / cumulativeShare
   */
  public record Group(int group, int customers, int churners, double minScore, double maxScore,
      double churnRate, double lift, double cumulativeShare, double gain,
      double cumulativeLift) {}

  private final List<Group> groups;
  private final double overallRate;

  private GainsTable(List<Group> groups, double overallRate) {
    this.groups = List.copyOf(groups);
    this.overallRate = overallRate;
  }

  /** Deciles: {@code of(y, score, 10)}. */
  public static GainsTable deciles(int[] y, double[] score) {
    return of(y, score, 10);
  }

  /**
   * The gains table with {@code groups} groups.
   *
   * @throws IllegalArgumentException if the inputs are invalid, there is no churner, or there are
   *     fewer customers than groups
   */
  public static GainsTable of(int[] y, double[] score, int groups) {
    int pos = Inputs.labels(y, score);
    Inputs.finite(score);
    Checks.positive("groups", groups);
    int n = y.length;
    if (n < groups) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d customers cannot fill %d groups", n, groups));
    }
    if (pos == 0) {
      throw new IllegalArgumentException("a gains table needs at least one churner");
    }
    int[] order = Inputs.descending(score);
    double overall = (double) pos / n;
    List<Group> out = new ArrayList<>(groups);
    int cumChurners = 0;
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) g * n / groups);
      int to = (int) ((long) (g + 1) * n / groups);
      int churners = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int k = from; k < to; k++) {
        int i = order[k];
        churners += y[i];
        lo = Math.min(lo, score[i]);
        hi = Math.max(hi, score[i]);
      }
      cumChurners += churners;
      int size = to - from;
      double rate = (double) churners / size;
      double share = (double) to / n;
      double gain = (double) cumChurners / pos;
      out.add(new Group(g + 1, size, churners, lo, hi, rate, rate / overall, share, gain,
          gain / share));
    }
    return new GainsTable(out, overall);
  }

  /** The groups, highest scores first. */
  public List<Group> groups() {
    return groups;
  }

  /** The overall churn rate. */
  public double overallChurnRate() {
    return overallRate;
  }

  /** The table for writing. */
  public Table toTable() {
    int n = groups.size();
    return ColumnTable.builder(n)
        .longs("group", groups.stream().mapToInt(Group::group).toArray())
        .longs("customers", groups.stream().mapToInt(Group::customers).toArray())
        .longs("churners", groups.stream().mapToInt(Group::churners).toArray())
        .doubles("min_score", i -> groups.get(i).minScore())
        .doubles("max_score", i -> groups.get(i).maxScore())
        .doubles("churn_rate", i -> groups.get(i).churnRate())
        .doubles("lift", i -> groups.get(i).lift())
        .doubles("cumulative_share", i -> groups.get(i).cumulativeShare())
        .doubles("gain", i -> groups.get(i).gain())
        .doubles("cumulative_lift", i -> groups.get(i).cumulativeLift())
        .build();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "GainsTable: %d groups, overall churn rate %.4f%n", groups.size(), overallRate));
    String f = "  %5s %9s %9s %9s %9s %7s %7s %7s%n";
    sb.append(String.format(Locale.ROOT, f, "group", "customers", "churners", "min score",
        "rate", "lift", "gain", "cumlift"));
    for (Group g : groups) {
      sb.append(String.format(Locale.ROOT, f, g.group(), Fmt.count(g.customers()),
          Fmt.count(g.churners()), Fmt.p4(g.minScore()), Fmt.p4(g.churnRate()),
          String.format(Locale.ROOT, "%.3f", g.lift()), String.format(Locale.ROOT, "%.3f",
              g.gain()), String.format(Locale.ROOT, "%.3f", g.cumulativeLift())));
    }
    return sb.toString().stripTrailing();
  }
}
