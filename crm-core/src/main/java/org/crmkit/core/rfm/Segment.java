package org.crmkit.core.rfm;

import org.crmkit.core.Checks;

/**
 * One segment of a {@link SegmentMap}: a name, a label (a description, or the name in another
 * language) and inclusive score ranges for recency, frequency and monetary. A customer matches
 * when all three scores lie in their ranges.
 *
 * @param name the segment's name; not blank, unique within a map
 * @param label a label for reports; not blank
 * @param recency the matched recency scores (high = recent)
 * @param frequency the matched frequency scores
 * @param monetary the matched monetary scores
 */
public record Segment(String name, String label, ScoreRange recency, ScoreRange frequency,
    ScoreRange monetary) {

  /** Validates the components. */
  public Segment {
    Checks.notBlank("name", name);
    Checks.notBlank("label", label);
    Checks.notNull("recency", recency);
    Checks.notNull("frequency", frequency);
    Checks.notNull("monetary", monetary);
  }

  /** A segment with inclusive ranges [rMin, rMax] × [fMin, fMax] × [mMin, mMax]. */
  public static Segment of(String name, String label, int rMin, int rMax, int fMin, int fMax,
      int mMin, int mMax) {
    return new Segment(name, label, ScoreRange.of(rMin, rMax), ScoreRange.of(fMin, fMax),
        ScoreRange.of(mMin, mMax));
  }

  /** True when the three scores lie in this segment's ranges. */
  public boolean matches(int r, int f, int m) {
    return recency.contains(r) && frequency.contains(f) && monetary.contains(m);
  }
}
