package org.crmkit.core.customer;

/**
 * The range of answers a survey question allows, from {@code min} to {@code max} inclusive:
 * {@code 0..10} for NPS, {@code 1..5} for a five-point CSAT question.
 *
 * <p>Bounds are whole numbers, as on every rating scale in use; scores on the scale may be
 * fractional where the instrument allows it (a CSAT slider from 0 to 100, say).
 *
 * @param min the lowest answer
 * @param max the highest answer; greater than {@code min}
 */
public record Scale(int min, int max) {

  /** Checks that {@code min < max}. */
  public Scale {
    if (min >= max) {
      throw new IllegalArgumentException("scale min must be < max: " + min + ".." + max);
    }
  }

  /** The scale from {@code min} to {@code max}. */
  public static Scale of(int min, int max) {
    return new Scale(min, max);
  }

  /** True when {@code score} lies in [min, max]; false for NaN. */
  public boolean contains(double score) {
    return score >= min && score <= max;
  }

  /** The scale as {@code min..max}, e.g. {@code 0..10}. */
  @Override
  public String toString() {
    return min + ".." + max;
  }
}
