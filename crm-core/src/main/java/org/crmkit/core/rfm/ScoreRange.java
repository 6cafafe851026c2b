package org.crmkit.core.rfm;

import org.crmkit.core.Checks;

/**
 * An inclusive range of scores, {@code min ≤ score ≤ max}, as used by {@link Segment}.
 *
 * @param min the lowest score matched; ≥ 1
 * @param max the highest score matched; ≥ min
 */
public record ScoreRange(int min, int max) {

  /** Validates the bounds. */
  public ScoreRange {
    Checks.positive("min", min);
    if (max < min) {
      throw new IllegalArgumentException("score range max must be >= min (" + min + "): " + max);
    }
  }

  /** The range [min, max]. */
  public static ScoreRange of(int min, int max) {
    return new ScoreRange(min, max);
  }

  /** The single score {@code score}. */
  public static ScoreRange exactly(int score) {
    return new ScoreRange(score, score);
  }

  /** True when {@code min ≤ score ≤ max}. */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  /** "3-5", or "5" for a single score. */
  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "-" + max;
  }
}
