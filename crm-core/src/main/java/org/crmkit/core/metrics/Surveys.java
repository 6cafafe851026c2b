package org.crmkit.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.customer.SurveyResponse;

/**
 * NPS, CSAT and CES from {@link SurveyResponse} records, with breakdowns by touchpoint, channel,
 * calendar period and caller-defined dimensions, in one call.
 *
 * <pre>{@code
 * SurveyReport<Nps> nps = Surveys.withDefaults().nps(responses);         // months, 95%
 * nps.overall().adjustedWald();
 * nps.byChannel().get("email");
 * SurveyReport<Csat> csat = Surveys.withDefaults().withPeriod(CalendarPeriod.QUARTER)
 *     .withDimension("segment", r -> segmentOf.getOrDefault(r.customerId(), Surveys.MISSING))
 *     .csat(responses);
 * Comparison change = Csat.compareShares(csat.byPeriod().get("2024-Q2"),
 *     csat.byPeriod().get("2024-Q1"));
 * }</pre>
 *
 * <p><b>Which responses.</b> A call uses the responses of its instrument only; the others are
 * counted per instrument in {@link SurveyReport#skipped()}, never silently dropped. All used
 * responses must share one {@link Scale}: the metric's scale is taken from them, and a response
 * on another scale is an error naming its position and customer (split such data by scale
 * first). CSAT and CES count answers per scale point, so their scores must be whole numbers; a
 * fractional score is an error naming its position and customer. NPS responses are whole numbers
 * on 0..10 by construction.
 *
 * <p><b>Rules.</b> Without options, NPS uses promoters 9–10 and detractors 0–6; CSAT the top 2
 * boxes of the responses' scale (the top box on scales of 2 or 3 points); CES the default bands
 * of the responses' scale with high = easy (see {@link Ces.Options#withScale}). With options,
 * their scale must equal the responses' scale — call {@code withScale(min, max)} on them first —
 * so that bands chosen for one scale are never applied to another.
 *
 * <p><b>Groups.</b> The period label comes from the response date ({@link CalendarPeriod}).
 * Responses without a touchpoint or channel fall into the group {@link #MISSING}; a dimension
 * function must not return null (return {@link #MISSING} instead). Every breakdown therefore
 * holds every used response.
 *
 * <p>Instances are immutable and thread-safe; each {@code with…} returns a copy.
 */
public final class Surveys {

  /** The group label of responses without a touchpoint or a channel: {@code (none)}. */
  public static final String MISSING = "(none)";

  private static final Surveys DEFAULTS =
      new Surveys(CalendarPeriod.MONTH, 0.95, Collections.emptyMap());

  private final CalendarPeriod period;
  private final double level;
  private final Map<String, Function<SurveyResponse, String>> dimensions;

  private Surveys(CalendarPeriod period, double level,
      Map<String, Function<SurveyResponse, String>> dimensions) {
    this.period = period;
    this.level = level;
    this.dimensions = dimensions;
  }

  /** Monthly periods, 95% intervals, no extra dimension. */
  public static Surveys withDefaults() {
    return DEFAULTS;
  }

  /** A copy that groups periods by {@code p} (month, quarter or year). */
  public Surveys withPeriod(CalendarPeriod p) {
    return new Surveys(Checks.notNull("period", p), level, dimensions);
  }

  /** A copy whose breakdown intervals have this confidence level, in (0, 1). */
  public Surveys withLevel(double confidenceLevel) {
    return new Surveys(period, Stats.level(confidenceLevel), dimensions);
  }

  /**
   * A copy with one more breakdown, labelled by {@code labeller} (for example the customer's
   * segment).
   *
   * @param name the dimension's name; not blank, not {@code touchpoint}, {@code channel},
   *     {@code period} or a name already added
   * @param labeller the group label of a response; must not return null
   */
  public Surveys withDimension(String name, Function<SurveyResponse, String> labeller) {
    Checks.notBlank("name", name);
    Checks.notNull("labeller", labeller);
    if (name.equals(SurveyReport.TOUCHPOINT) || name.equals(SurveyReport.CHANNEL)
        || name.equals(SurveyReport.PERIOD) || dimensions.containsKey(name)) {
      throw new IllegalArgumentException("dimension '" + name + "' is already defined");
    }
    Map<String, Function<SurveyResponse, String>> d = new LinkedHashMap<>(dimensions);
    d.put(name, labeller);
    return new Surveys(period, level, Collections.unmodifiableMap(d));
  }

  /** The calendar period of the period breakdown. */
  public CalendarPeriod period() {
    return period;
  }

  /** The confidence level of the breakdowns. */
  public double level() {
    return level;
  }

  /** NPS of the NPS responses, promoters 9–10, detractors 0–6. */
  public SurveyReport<Nps> nps(List<SurveyResponse> responses) {
    return nps(responses, Nps.withDefaults());
  }

  /**
   * NPS of the NPS responses with these cut points.
   *
   * @throws IllegalArgumentException if the list or an element is null, or it holds no NPS
   *     response
   */
  public SurveyReport<Nps> nps(List<SurveyResponse> responses, Nps.Options rules) {
    Checks.notNull("rules", rules);
    Selection s = select(responses, Instrument.NPS);
    return report(s, (scores, groups) -> rules.byGroup(scores, groups, level));
  }

  /** CSAT of the CSAT responses: top 2 boxes of their scale (top box on 2 or 3 points). */
  public SurveyReport<Csat> csat(List<SurveyResponse> responses) {
    Selection s = select(responses, Instrument.CSAT);
    int points = s.scale.max() - s.scale.min() + 1;
    Csat.Options rules = Csat.withDefaults().withTopBoxes(1)
        .withScale(s.scale.min(), s.scale.max()).withTopBoxes(points <= 3 ? 1 : 2);
    return report(s, (scores, groups) -> rules.byGroup(scores, groups, level));
  }

  /**
   * CSAT of the CSAT responses with these rules.
   *
   * @throws IllegalArgumentException if the rules' scale differs from the responses' scale, or
   *     as {@link #nps(List, Nps.Options)}, or a score is not a whole number
   */
  public SurveyReport<Csat> csat(List<SurveyResponse> responses, Csat.Options rules) {
    Checks.notNull("rules", rules);
    Selection s = select(responses, Instrument.CSAT);
    sameScale(s, rules.scaleMin(), rules.scaleMax());
    return report(s, (scores, groups) -> rules.byGroup(scores, groups, level));
  }

  /** CES of the CES responses: default bands of their scale, high = easy. */
  public SurveyReport<Ces> ces(List<SurveyResponse> responses) {
    Selection s = select(responses, Instrument.CES);
    Ces.Options rules = Ces.withDefaults().withScale(s.scale.min(), s.scale.max());
    return report(s, (scores, groups) -> rules.byGroup(scores, groups, level));
  }

  /**
   * CES of the CES responses with these rules (direction and bands).
   *
   * @throws IllegalArgumentException if the rules' scale differs from the responses' scale, or
   *     as {@link #nps(List, Nps.Options)}, or a score is not a whole number
   */
  public SurveyReport<Ces> ces(List<SurveyResponse> responses, Ces.Options rules) {
    Checks.notNull("rules", rules);
    Selection s = select(responses, Instrument.CES);
    sameScale(s, rules.scaleMin(), rules.scaleMax());
    return report(s, (scores, groups) -> rules.byGroup(scores, groups, level));
  }

  /** The responses of one instrument: scores, their records, scale and skipped counts. */
  private record Selection(Instrument instrument, Scale scale, int[] scores,
      List<SurveyResponse> used, Map<Instrument, Long> skipped) {}

  private static Selection select(List<SurveyResponse> responses, Instrument instrument) {
    Checks.notNull("responses", responses);
    EnumMap<Instrument, Long> skipped = new EnumMap<>(Instrument.class);
    List<SurveyResponse> used = new ArrayList<>();
    Scale scale = null;
    int firstAt = -1;
    int i = 0;
    for (SurveyResponse r : responses) {
      if (r == null) {
        throw new IllegalArgumentException("responses[" + i + "] is null");
      }
      if (r.instrument() != instrument) {
        skipped.merge(r.instrument(), 1L, Long::sum);
      } else {
        if (scale == null) {
          scale = r.scale();
          firstAt = i;
        } else if (!scale.equals(r.scale())) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "responses[%d], customer '%s': %s scale %s differs from the scale %s of "
                  + "responses[%d]; one report needs one scale, so split the responses by "
                  + "scale first", i, r.customerId(), instrument, r.scale(), scale, firstAt));
        }
        if (r.score() != Math.rint(r.score())) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "responses[%d], customer '%s': %s score %s is not a whole number; %s counts "
                  + "answers per point of the scale %s", i, r.customerId(), instrument,
              Double.toString(r.score()), instrument, r.scale()));
        }
        used.add(r);
      }
      i++;
    }
    if (used.isEmpty()) {
      throw new IllegalArgumentException("no " + instrument + " response among the "
          + responses.size() + " responses" + (skipped.isEmpty() ? "" : " (found " + skipped
          + ")"));
    }
    int[] scores = new int[used.size()];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = (int) used.get(k).score();
    }
    return new Selection(instrument, scale, scores, used, skipped);
  }

  private static void sameScale(Selection s, int min, int max) {
    if (s.scale.min() != min || s.scale.max() != max) {
      throw new IllegalArgumentException("the " + s.instrument + " responses are on the scale "
          + s.scale + " but the rules on " + min + ".." + max + "; call withScale("
          + s.scale.min() + ", " + s.scale.max() + ") on the rules (and check their bands)");
    }
  }

  @FunctionalInterface
  private interface Grouper<T extends Metric> {
    Breakdown<T> byGroup(int[] scores, String[] groups);
  }

  private <T extends Metric> SurveyReport<T> report(Selection s, Grouper<T> grouper) {
    int n = s.scores.length;
    Map<String, Function<SurveyResponse, String>> all = new LinkedHashMap<>();
    all.put(SurveyReport.TOUCHPOINT, r -> r.touchpoint() == null ? MISSING : r.touchpoint());
    all.put(SurveyReport.CHANNEL, r -> r.channel() == null ? MISSING : r.channel());
    all.put(SurveyReport.PERIOD, r -> period.label(r.date()));
    all.putAll(dimensions);
    Map<String, Breakdown<T>> breakdowns = new LinkedHashMap<>();
    T overall = null;
    for (var d : all.entrySet()) {
      String[] labels = new String[n];
      for (int k = 0; k < n; k++) {
        SurveyResponse r = s.used.get(k);
        labels[k] = d.getValue().apply(r);
        if (labels[k] == null) {
          throw new IllegalArgumentException("dimension '" + d.getKey()
              + "' gave no label (null) for the response of customer '" + r.customerId()
              + "' on " + r.date() + "; return Surveys.MISSING for responses without one");
        }
      }
      Breakdown<T> b = grouper.byGroup(s.scores, labels);
      breakdowns.put(d.getKey(), b);
      overall = b.overall();
    }
    return new SurveyReport<>(s.instrument, s.scale, overall, breakdowns, period, s.skipped,
        level);
  }
}
