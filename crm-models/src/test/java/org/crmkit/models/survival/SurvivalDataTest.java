package org.crmkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivalDataTest {

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void badDurationsNameTheFieldTheRowAndTheValue() {
    assertEquals("row 2: duration must be finite and >= 0: NaN (durations[1])",
        message(() -> SurvivalData.of(new double[] {1, Double.NaN}, new int[] {1, 1})));
    assertEquals("row 1: duration must be finite and >= 0: -1.0 (durations[0])",
        message(() -> SurvivalData.of(new double[] {-1}, new int[] {1})));
    assertEquals("row 3: duration must be finite and >= 0: Infinity (durations[2])",
        message(() -> KaplanMeier.fit(new double[] {1, 2, Double.POSITIVE_INFINITY},
            new int[] {1, 1, 1})));
  }

  @Test
  void badEventsLengthsAndEmptyInputAreRejected() {
    assertEquals("row 2: event must be 0 (censored) or 1 (event): 2 (events[1])",
        message(() -> SurvivalData.of(new double[] {1, 2}, new int[] {1, 2})));
    assertEquals("events has 1 rows but durations has 2",
        message(() -> SurvivalData.of(new double[] {1, 2}, new int[] {1})));
    assertEquals("durations must have at least one row: 0 rows",
        message(() -> KaplanMeier.fit(new double[0], new int[0])));
    assertEquals("durations must not be null", message(() -> SurvivalData.of(null, new int[0])));
    assertEquals("groups has 1 rows but durations has 2",
        message(() -> SurvivalData.of(new double[] {1, 2}, new int[] {1, 1}, new String[] {"a"})));
    assertEquals("row 2: group must not be null or blank: ' ' (groups[1])",
        message(() -> SurvivalData.of(new double[] {1, 2}, new int[] {1, 1},
            new String[] {"a", " "})));
  }

  @Test
  void aGroupWithoutRowsIsNamed() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2}, new int[] {1, 0},
        new String[] {"a", "b"});
    assertEquals("group 'c' has no rows; groups present: a, b", message(() -> d.group("c")));
    assertEquals(List.of("a", "b"), d.groupLabels());
    assertArrayEquals(new double[] {2}, d.group("b").durations(), 0.0);
    assertArrayEquals(new int[] {0}, d.group("b").events());
    assertFalse(d.group("b").hasGroups());
  }

  @Test
  void immutableAndCopied() {
    double[] t = {1, 2};
    int[] e = {1, 0};
    SurvivalData d = SurvivalData.of(t, e);
    t[0] = 99;
    e[0] = 0;
    assertEquals(1.0, d.duration(0), 0.0);
    assertTrue(d.event(0));
    d.durations()[0] = 42;
    assertEquals(1.0, d.durations()[0], 0.0);
    assertEquals(1, d.eventCount());
    assertEquals(1, d.censoredCount());
    assertEquals(d, SurvivalData.of(new double[] {1, 2}, new boolean[] {true, false}));
  }

  @Test
  void toStringSummarises() {
    assertEquals("SurvivalData: 163 rows, 156 events, 7 censored; groups miR-137 34, control 129",
        SurvivalFixtures.waltons().toString());
  }
}
