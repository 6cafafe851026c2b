package org.crmkit.models.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;

/**
 * Right-censored survival data: one row per subject (customer), with the time observed and
 * whether the event (churn, death, failure) was seen at that time, and optionally a group
 * label per row.
 *
 * <p>Durations are finite and &ge; 0, in whatever unit the caller uses (every estimator in this
 * package gives the same answer in any unit up to that scale). An event flag of 1 means the event
 * happened at the duration; 0 means the subject was still event-free when observation stopped
 * (right-censored).
 *
 * <p>Instances are immutable and thread-safe; arrays are copied in and out.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.of(new double[] {6, 13, 13, 20}, new int[] {1, 1, 0, 1});
 * SurvivalData g = SurvivalData.of(durations, events, groups);   // with a label per row
 * SurvivalData control = g.group("control");
 * }</pre>
 */
public final class SurvivalData {

  private final double[] durations;
  private final boolean[] events;
  /** One label per row, or null when the data have no groups. */
  private final String[] groups;
  private final int eventCount;

  private SurvivalData(double[] durations, boolean[] events, String[] groups) {
    this.durations = durations;
    this.events = events;
    this.groups = groups;
    int d = 0;
    for (boolean e : events) {
      if (e) {
        d++;
      }
    }
    this.eventCount = d;
  }

  /**
   * Survival data without groups.
   *
   * @param durations time to the event or to censoring, finite and &ge; 0
   * @param events 1 if the event was observed at the duration, 0 if censored
   * @throws IllegalArgumentException if an array is null or empty, the lengths differ, a duration
   *     is NaN, infinite or negative, or an event flag is neither 0 nor 1; the message names the
   *     field, the row and the value
   */
  public static SurvivalData of(double[] durations, int[] events) {
    return new SurvivalData(checkDurations(durations), checkEvents(events, durations.length),
        null);
  }

  /**
   * Survival data without groups, with the event flags as booleans ({@code true} = event).
   *
   * @throws IllegalArgumentException as {@link #of(double[], int[])}
   */
  public static SurvivalData of(double[] durations, boolean[] events) {
    double[] t = checkDurations(durations);
    Checks.notNull("events", events);
    checkLength("events", events.length, t.length);
    return new SurvivalData(t, events.clone(), null);
  }

  /**
   * Survival data with a group label per row (for example "control" and "treated", or a
   * customer segment).
   *
   * @param groups one non-blank label per row
   * @throws IllegalArgumentException as {@link #of(double[], int[])}, or if {@code groups} has a
   *     different length or a null or blank label
   */
  public static SurvivalData of(double[] durations, int[] events, String[] groups) {
    double[] t = checkDurations(durations);
    boolean[] e = checkEvents(events, t.length);
    return new SurvivalData(t, e, checkGroups(groups, t.length));
  }

  /** The number of rows (subjects), at least 1. */
  public int size() {
    return durations.length;
  }

  /** The number of rows with an observed event. */
  public int eventCount() {
    return eventCount;
  }

  /** The number of censored rows. */
  public int censoredCount() {
    return durations.length - eventCount;
  }

  /** A copy of the durations. */
  public double[] durations() {
    return durations.clone();
  }

  /** A copy of the event flags as 1 (event) and 0 (censored). */
  public int[] events() {
    int[] out = new int[events.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = events[i] ? 1 : 0;
    }
    return out;
  }

  /** The duration of row {@code i} (0-based). */
  public double duration(int i) {
    Checks.inRange("row index", i, 0, durations.length - 1);
    return durations[i];
  }

  /** Whether the event was observed in row {@code i} (0-based). */
  public boolean event(int i) {
    Checks.inRange("row index", i, 0, durations.length - 1);
    return events[i];
  }

  /** Whether each row carries a group label. */
  public boolean hasGroups() {
    return groups != null;
  }

  /**
   * A copy of the group labels, one per row.
   *
   * @throws IllegalStateException if the data have no groups
   */
  public String[] groups() {
    requireGroups();
    return groups.clone();
  }

  /** The distinct group labels in order of first appearance; empty when there are no groups. */
  public List<String> groupLabels() {
    if (groups == null) {
      return List.of();
    }
    return List.copyOf(counts().keySet());
  }

  /**
   * The rows of one group, without group labels.
   *
   * @throws IllegalStateException if the data have no groups
   * @throws IllegalArgumentException if no row carries {@code label}; the message lists the labels
   *     present
   */
  public SurvivalData group(String label) {
    requireGroups();
    Checks.notNull("group label", label);
    int count = 0;
    for (String g : groups) {
      if (g.equals(label)) {
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "group '%s' has no rows; groups present: %s", label, String.join(", ", groupLabels())));
    }
    double[] t = new double[count];
    boolean[] e = new boolean[count];
    int k = 0;
    for (int i = 0; i < groups.length; i++) {
      if (groups[i].equals(label)) {
        t[k] = durations[i];
        e[k] = events[i];
        k++;
      }
    }
    return new SurvivalData(t, e, null);
  }

  /** The same rows with a (new) group label per row. */
  public SurvivalData withGroups(String[] groups) {
    return new SurvivalData(durations, events, checkGroups(groups, durations.length));
  }

  /** The same rows without group labels. */
  public SurvivalData withoutGroups() {
    return groups == null ? this : new SurvivalData(durations, events, null);
  }

  /** Internal: the event flags, not copied. Callers must not modify. */
  boolean[] eventFlags() {
    return events;
  }

  /** Internal: the durations, not copied. Callers must not modify. */
  double[] durationValues() {
    return durations;
  }

  /** Internal: the group labels, not copied (null when none). Callers must not modify. */
  String[] groupValues() {
    return groups;
  }

  /** E.g. {@code SurvivalData: 163 rows, 156 events, 7 censored; groups control 129, miR-137 34}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "SurvivalData: %,d rows, %,d events, %,d censored", size(), eventCount,
        censoredCount()));
    if (groups != null) {
      sb.append("; groups");
      List<String> parts = new ArrayList<>();
      counts().forEach((g, c) -> parts.add(" " + g + " " + String.format(Locale.ROOT, "%,d", c)));
      int shown = Math.min(parts.size(), 20);
      sb.append(String.join(",", parts.subList(0, shown)));
      if (parts.size() > shown) {
        sb.append(String.format(Locale.ROOT, ", … %,d more", parts.size() - shown));
      }
    }
    return sb.toString();
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String g : groups) {
      m.merge(g, 1, Integer::sum);
    }
    return m;
  }

  private void requireGroups() {
    if (groups == null) {
      throw new IllegalStateException("these survival data have no group labels");
    }
  }

  static double[] checkDurations(double[] durations) {
    Checks.notNull("durations", durations);
    if (durations.length == 0) {
      throw new IllegalArgumentException("durations must have at least one row: 0 rows");
    }
    for (int i = 0; i < durations.length; i++) {
      double t = durations[i];
      if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: duration must be finite and >= 0: %s (durations[%d])", i + 1,
            Checks.format(t), i));
      }
    }
    double[] out = durations.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += 0.0; // -0.0 becomes 0.0, so that sorting and equality agree
    }
    return out;
  }

  static boolean[] checkEvents(int[] events, int n) {
    Checks.notNull("events", events);
    checkLength("events", events.length, n);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      int e = events[i];
      if (e != 0 && e != 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: event must be 0 (censored) or 1 (event): %d (events[%d])", i + 1, e, i));
      }
      out[i] = e == 1;
    }
    return out;
  }

  static String[] checkGroups(String[] groups, int n) {
    Checks.notNull("groups", groups);
    checkLength("groups", groups.length, n);
    for (int i = 0; i < n; i++) {
      if (groups[i] == null || groups[i].isBlank()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: group must not be null or blank: %s (groups[%d])", i + 1,
            groups[i] == null ? "null" : "'" + groups[i] + "'", i));
      }
    }
    return groups.clone();
  }

  static void checkLength(String field, int length, int n) {
    if (length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %,d rows but durations has %,d", field, length, n));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalData s && Arrays.equals(durations, s.durations)
        && Arrays.equals(events, s.events) && Arrays.equals(groups, s.groups);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(durations) + Arrays.hashCode(events))
        + Arrays.hashCode(groups);
  }
}
