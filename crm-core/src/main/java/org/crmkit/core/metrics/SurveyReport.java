package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * One survey metric (NPS, CSAT or CES) computed from survey responses, overall and broken down
 * by touchpoint, channel, calendar period and any further dimension, all from one call to
 * {@link Surveys}.
 *
 * <p>Every breakdown holds every response used: responses without a touchpoint or channel fall
 * into the group {@link Surveys#MISSING}, so the rows of each breakdown add up to
 * {@code overall.n()}. Responses of other instruments are not used; {@code skipped} counts them
 * per instrument.
 *
 * @param instrument the instrument whose responses were used
 * @param scale the scale of those responses (one scale per report)
 * @param overall the metric of all responses used
 * @param breakdowns the breakdowns by dimension: {@code touchpoint}, {@code channel},
 *     {@code period}, then the caller's dimensions in the order they were added
 * @param period the calendar period of the {@code period} breakdown
 * @param skipped the number of responses of each other instrument, left out
 * @param level the confidence level of the breakdowns' intervals
 * @param <T> the metric: {@link Nps}, {@link Csat} or {@link Ces}
 */
public record SurveyReport<T extends Metric>(Instrument instrument, Scale scale, T overall,
    Map<String, Breakdown<T>> breakdowns, CalendarPeriod period, Map<Instrument, Long> skipped,
    double level) {

  /** The dimension name of the touchpoint breakdown. */
  public static final String TOUCHPOINT = "touchpoint";

  /** The dimension name of the channel breakdown. */
  public static final String CHANNEL = "channel";

  /** The dimension name of the period breakdown. */
  public static final String PERIOD = "period";

  /** Checks the components and copies the maps (keeping their order). */
  public SurveyReport {
    Checks.notNull("instrument", instrument);
    Checks.notNull("scale", scale);
    Checks.notNull("overall", overall);
    Checks.notNull("breakdowns", breakdowns);
    Checks.notNull("period", period);
    Checks.notNull("skipped", skipped);
    Stats.level(level);
    for (String d : List.of(TOUCHPOINT, CHANNEL, PERIOD)) {
      if (!breakdowns.containsKey(d)) {
        throw new IllegalArgumentException("breakdowns lacks the '" + d + "' dimension");
      }
    }
    for (var e : breakdowns.entrySet()) {
      Checks.notBlank("dimension", e.getKey());
      Checks.notNull("breakdown '" + e.getKey() + "'", e.getValue());
    }
    breakdowns = Collections.unmodifiableMap(new LinkedHashMap<>(breakdowns));
    EnumMap<Instrument, Long> s = new EnumMap<>(Instrument.class);
    for (var e : skipped.entrySet()) {
      Checks.notNull("skipped instrument", e.getKey());
      s.put(e.getKey(), Checks.nonNegative("skipped " + e.getKey(),
          Checks.notNull("skipped " + e.getKey(), e.getValue()).longValue()));
    }
    skipped = Collections.unmodifiableMap(s);
  }

  /** The breakdown by touchpoint. */
  public Breakdown<T> byTouchpoint() {
    return breakdowns.get(TOUCHPOINT);
  }

  /** The breakdown by channel. */
  public Breakdown<T> byChannel() {
    return breakdowns.get(CHANNEL);
  }

  /** The breakdown by calendar {@link #period()}, labels such as {@code 2024-03}. */
  public Breakdown<T> byPeriod() {
    return breakdowns.get(PERIOD);
  }

  /**
   * The breakdown of one dimension.
   *
   * @throws IllegalArgumentException if the report has no such dimension
   */
  public Breakdown<T> breakdown(String dimension) {
    Breakdown<T> b = breakdowns.get(dimension);
    if (b == null) {
      throw new IllegalArgumentException("no dimension '" + dimension + "' in this report; "
          + "dimensions: " + breakdowns.keySet());
    }
    return b;
  }

  /** The number of responses used. */
  public long n() {
    return overall.n();
  }

  /** The number of responses of other instruments left out. */
  public long skippedTotal() {
    long n = 0;
    for (long v : skipped.values()) {
      n += v;
    }
    return n;
  }

  /**
   * One row per group of every breakdown, then the overall row: columns {@code dimension},
   * {@code group}, {@code n}, {@code estimate}, {@code lower}, {@code upper} (the metric's
   * default interval at {@link #level()}; the overall row has dimension and group {@code all}).
   */
  public Table toTable() {
    List<String> dim = new ArrayList<>();
    List<String> group = new ArrayList<>();
    List<Long> n = new ArrayList<>();
    List<Double> est = new ArrayList<>();
    List<Interval> ci = new ArrayList<>();
    for (var e : breakdowns.entrySet()) {
      for (Breakdown.Row<T> r : e.getValue().rows()) {
        dim.add(e.getKey());
        group.add(r.label());
        n.add(r.n());
        est.add(r.estimate());
        ci.add(r.interval());
      }
    }
    dim.add("all");
    group.add("all");
    n.add(overall.n());
    est.add(overall.estimate());
    ci.add(overall.interval(level));
    return ColumnTable.builder(dim.size())
        .strings("dimension", dim::get)
        .strings("group", group::get)
        .longs("n", n.stream().mapToLong(Long::longValue).toArray())
        .doubles("estimate", est::get)
        .doubles("lower", i -> ci.get(i).lower())
        .doubles("upper", i -> ci.get(i).upper())
        .build();
  }

  /** The overall metric, what was skipped, then each breakdown. */
  @Override
  public String toString() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s report: %s responses on %s", instrument,
        Stats.count(n()), scale));
    if (skippedTotal() > 0) {
      List<String> parts = new ArrayList<>();
      skipped.forEach((k, v) -> {
        if (v > 0) {
          parts.add(Stats.count(v) + " " + k);
        }
      });
      sb.append("; skipped ").append(String.join(", ", parts)).append(" responses");
    }
    sb.append(System.lineSeparator()).append(overall);
    for (var e : breakdowns.entrySet()) {
      sb.append(System.lineSeparator()).append("by ").append(e.getKey())
          .append(e.getKey().equals(PERIOD) ? " (" + period + ")" : "").append(": ")
          .append(e.getValue());
    }
    return sb.toString();
  }
}
