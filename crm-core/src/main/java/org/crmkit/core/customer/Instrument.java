package org.crmkit.core.customer;

/**
 * The survey instrument a {@link SurveyResponse} answers, with its default {@link Scale}.
 *
 * <p>The records keep scores as the source gives them and do not reverse any scale: for CES in
 * particular, whether a high score means "easy" (agreement with "the company made it easy") or
 * "much effort" depends on the question asked.
 */
public enum Instrument {

  /**
   * Net Promoter Score: "How likely are you to recommend us?", whole numbers on 0..10, the only
   * scale on which promoters (9–10) and detractors (0–6) are defined.
   */
  NPS(new Scale(0, 10)),

  /** Customer Satisfaction: "How satisfied were you?", by default on 1..5. */
  CSAT(new Scale(1, 5)),

  /** Customer Effort Score: by default the seven-point agreement scale 1..7. */
  CES(new Scale(1, 7));

  private final Scale defaultScale;

  Instrument(Scale defaultScale) {
    this.defaultScale = defaultScale;
  }

  /** The scale used when a response names none: NPS 0..10, CSAT 1..5, CES 1..7. */
  public Scale defaultScale() {
    return defaultScale;
  }
}
