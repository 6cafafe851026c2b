package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.Checks;

/**
 * One customer's answer to one survey question: NPS, CSAT or CES.
 *
 * <p>Use {@link #of(String, LocalDate, Instrument, double)} for the instrument's default scale
 * or {@link #of(String, LocalDate, Instrument, double, Scale)} for another one, then
 * {@link #withTouchpoint(String)} and {@link #withChannel(String)}. The score must lie on the
 * scale; NPS scores must be whole numbers and NPS allows no scale but 0..10, because promoters
 * and detractors are defined on that scale only.
 *
 * @param customerId the customer's id; not blank
 * @param date the date of the answer; between {@link Checks#MIN_DATE} and
 *     {@link Checks#MAX_DATE}
 * @param instrument the instrument; not null
 * @param score the answer; on {@code scale}, and a whole number for NPS
 * @param scale the scale of the question, or null for the instrument's
 *     {@link Instrument#defaultScale() default}
 * @param touchpoint where in the journey the survey was asked (e.g. "onboarding"), or null;
 *     not blank when given
 * @param channel the channel of the survey (e.g. "email"), or null; not blank when given
 */
public record SurveyResponse(String customerId, LocalDate date, Instrument instrument,
    double score, Scale scale, String touchpoint, String channel) {

  /** Validates the components; see the class description. */
  public SurveyResponse {
    Checks.notBlank("customerId", customerId);
    Fields.date(customerId, "date", date);
    Fields.notNull(customerId, "instrument", instrument);
    Scale standard = instrument.defaultScale();
    if (scale == null) {
      scale = standard;
    } else if (instrument == Instrument.NPS && !scale.equals(standard)) {
      throw Fields.bad(customerId, "scale " + scale + " is not the NPS scale " + standard
          + "; NPS is defined on " + standard + " only");
    }
    if (!Double.isFinite(score)) {
      throw Fields.bad(customerId, "score must be finite: " + Checks.format(score));
    }
    if (!scale.contains(score)) {
      throw Fields.bad(customerId, "score " + Fields.number(score) + " is outside the "
          + instrument + " scale " + scale);
    }
    if (instrument == Instrument.NPS && score != Math.rint(score)) {
      throw Fields.bad(customerId, "score " + Fields.number(score)
          + " is not a whole number; NPS scores are whole numbers " + scale);
    }
    score += 0.0; // -0.0 becomes 0.0, so that equal scores are equal
    Fields.optionalText(customerId, "touchpoint", touchpoint);
    Fields.optionalText(customerId, "channel", channel);
  }

  /** A response on the instrument's default scale, with no touchpoint or channel. */
  public static SurveyResponse of(String customerId, LocalDate date, Instrument instrument,
      double score) {
    return new SurveyResponse(customerId, date, instrument, score, null, null, null);
  }

  /** A response on {@code scale}, with no touchpoint or channel. */
  public static SurveyResponse of(String customerId, LocalDate date, Instrument instrument,
      double score, Scale scale) {
    return new SurveyResponse(customerId, date, instrument, score,
        Fields.notNull(customerId, "scale", scale), null, null);
  }

  /** A copy with this touchpoint; null removes it. */
  public SurveyResponse withTouchpoint(String t) {
    return new SurveyResponse(customerId, date, instrument, score, scale, t, channel);
  }

  /** A copy with this channel; null removes it. */
  public SurveyResponse withChannel(String c) {
    return new SurveyResponse(customerId, date, instrument, score, scale, touchpoint, c);
  }

  /** The touchpoint, if given. */
  public Optional<String> optionalTouchpoint() {
    return Optional.ofNullable(touchpoint);
  }

  /** The channel, if given. */
  public Optional<String> optionalChannel() {
    return Optional.ofNullable(channel);
  }
}
