package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * A conversion funnel: counts of customers reaching each stage (visit, lead, trial, purchase
 * ...), each stage a subset of the one before.
 *
 * <p>Rates: stage-to-stage c_i / c_{i−1} and overall c_i / c_0, each with a Wilson interval
 * ({@link #stepRate(int)}, {@link #rateFromFirst(int)}). The stage-to-stage rate after an empty
 * stage is 0 by convention (no one could convert).
 *
 * @param stages the stages, in funnel order
 */
public record Funnel(List<Stage> stages) {

  /**
   * One stage of a funnel.
   *
   * @param name the stage's name
   * @param count customers who reached it, &ge; 0
   * @param fromPrevious count ÷ previous count (1 for the first stage; 0 after an empty stage)
   * @param fromFirst count ÷ first count
   */
  public record Stage(String name, long count, double fromPrevious, double fromFirst) {

    /** Checks the components. */
    public Stage {
      Checks.notNull("name", name);
      Checks.nonNegative("count", count);
      Checks.inRange("fromPrevious", fromPrevious, 0, 1);
      Checks.inRange("fromFirst", fromFirst, 0, 1);
    }
  }

  /** Copies the list; checks at least two stages. */
  public Funnel {
    stages = List.copyOf(Checks.notNull("stages", stages));
    if (stages.size() < 2) {
      throw new IllegalArgumentException("a funnel needs at least 2 stages: " + stages.size());
    }
  }

  /** A funnel of unnamed stages ("stage 1", "stage 2", ...). */
  public static Funnel of(long... counts) {
    Checks.notNull("counts", counts);
    String[] names = new String[counts.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = "stage " + (i + 1);
    }
    return of(names, counts);
  }

  /**
   * A funnel of named stages.
   *
   * @throws IllegalArgumentException if lengths differ, there are fewer than 2 stages, the first
   *     count is not &gt; 0, a count is negative, or a stage holds more than the one before
   */
  public static Funnel of(String[] names, long[] counts) {
    Checks.notNull("names", names);
    Checks.notNull("counts", counts);
    if (names.length != counts.length) {
      throw new IllegalArgumentException("names and counts differ in length: " + names.length
          + " and " + counts.length);
    }
    if (counts.length < 2) {
      throw new IllegalArgumentException("a funnel needs at least 2 stages: " + counts.length);
    }
    if (counts[0] <= 0) {
      throw new IllegalArgumentException("the first stage '" + names[0] + "' must have a count"
          + " > 0: " + counts[0]);
    }
    List<Stage> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      Checks.notNull("names[" + i + "]", names[i]);
      if (counts[i] < 0) {
        throw new IllegalArgumentException("stage " + (i + 1) + " '" + names[i]
            + "' has a negative count: " + counts[i]);
      }
      if (i > 0 && counts[i] > counts[i - 1]) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "stage %d '%s' has %d, more than stage %d '%s' (%d): a funnel stage is a subset of"
                + " the one before", i + 1, names[i], counts[i], i, names[i - 1],
            counts[i - 1]));
      }
      double prev = i == 0 ? 1 : counts[i - 1] == 0 ? 0 : (double) counts[i] / counts[i - 1];
      out.add(new Stage(names[i], counts[i], prev, (double) counts[i] / counts[0]));
    }
    return new Funnel(out);
  }

  /** The overall conversion: last count ÷ first count. */
  public double overall() {
    return stages.get(stages.size() - 1).fromFirst();
  }

  /**
   * Stage {@code i} (1-based past the first: 1..size−1) out of stage {@code i − 1}, as a
   * proportion with its Wilson interval.
   *
   * @throws IllegalArgumentException if i is out of range or stage i − 1 is empty
   */
  public Proportion stepRate(int i) {
    Checks.inRange("i", i, 1, stages.size() - 1);
    long prev = stages.get(i - 1).count();
    if (prev == 0) {
      throw new IllegalArgumentException("stage " + i + " '" + stages.get(i - 1).name()
          + "' is empty: no rate out of it");
    }
    return Proportion.of(stages.get(i).count(), prev);
  }

  /** Stage {@code i} out of the first stage, as a proportion (0-based i). */
  public Proportion rateFromFirst(int i) {
    Checks.inRange("i", i, 0, stages.size() - 1);
    return Proportion.of(stages.get(i).count(), stages.get(0).count());
  }

  /** A table: stage, count, rate from the previous stage, rate from the first. */
  @Override
  public String toString() {
    int w = 5;
    for (Stage s : stages) {
      w = Math.max(w, s.name().length());
    }
    String fmt = "%n  %-" + w + "s  %12s  %13s  %10s";
    var sb = new StringBuilder("funnel, overall conversion " + Stats.dec(overall()));
    sb.append(String.format(Locale.ROOT, fmt, "stage", "count", "from previous", "from first"));
    for (Stage s : stages) {
      sb.append(String.format(Locale.ROOT, fmt, s.name(), Stats.count(s.count()),
          Stats.dec(s.fromPrevious()), Stats.dec(s.fromFirst())));
    }
    return sb.toString();
  }
}
