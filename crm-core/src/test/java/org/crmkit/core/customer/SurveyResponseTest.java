package org.crmkit.core.customer;

import static org.crmkit.core.customer.Instrument.CES;
import static org.crmkit.core.customer.Instrument.CSAT;
import static org.crmkit.core.customer.Instrument.NPS;
import static org.crmkit.core.customer.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyResponseTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

  @Test
  void defaultScales() {
    assertEquals(Scale.of(0, 10), NPS.defaultScale());
    assertEquals(Scale.of(1, 5), CSAT.defaultScale());
    assertEquals(Scale.of(1, 7), CES.defaultScale());
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void ofUsesTheDefaultScale(Instrument instrument) {
    SurveyResponse r = SurveyResponse.of("C1", DAY, instrument, 3);
    assertEquals(instrument.defaultScale(), r.scale());
    assertEquals(r, new SurveyResponse("C1", DAY, instrument, 3, null, null, null));
  }

  @Test
  void scaleToStringAndContains() {
    Scale s = Scale.of(1, 5);
    assertEquals("1..5", s.toString());
    assertTrue(s.contains(1) && s.contains(5) && s.contains(2.5));
    assertFalse(s.contains(0.999) || s.contains(5.001) || s.contains(Double.NaN));
  }

  @ParameterizedTest
  @CsvSource({"5, 5", "5, 1", "0, -1"})
  void scaleRejectsMinNotBelowMax(int min, int max) {
    assertRejected(() -> Scale.of(min, max), "scale min must be < max", min + ".." + max);
  }

  @Test
  void rejectsNullCustomerId() {
    assertRejected(() -> SurveyResponse.of(null, DAY, NPS, 9), "customerId must not be null");
  }

  @Test
  void rejectsBlankCustomerId() {
    assertRejected(() -> SurveyResponse.of("", DAY, NPS, 9), "customerId must not be blank");
  }

  @Test
  void rejectsNullDate() {
    assertRejected(() -> SurveyResponse.of("C0042", null, NPS, 9),
        "customer 'C0042'", "date must not be null");
  }

  @Test
  void rejectsInsaneDate() {
    assertRejected(() -> SurveyResponse.of("C0042", LocalDate.of(1066, 10, 14), NPS, 9),
        "customer 'C0042'", "date", "1066-10-14");
  }

  @Test
  void rejectsNullInstrument() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, null, 9),
        "customer 'C0042'", "instrument must not be null");
  }

  @Test
  void rejectsNullScaleInTheScaleFactory() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, CSAT, 3, null),
        "customer 'C0042'", "scale must not be null");
  }

  @Test
  void messageOfAnOutOfScaleNpsScore() {
    String m = assertRejected(() -> SurveyResponse.of("C0042", DAY, NPS, 11));
    assertEquals("customer 'C0042': score 11 is outside the NPS scale 0..10", m);
  }

  @ParameterizedTest
  @CsvSource({"NPS, -1, 0..10", "NPS, 10.5, 0..10", "CSAT, 0, 1..5", "CSAT, 6, 1..5",
      "CES, 0.5, 1..7", "CES, 8, 1..7"})
  void rejectsScoresOutsideTheDefaultScale(Instrument instrument, double score, String scale) {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, instrument, score),
        "customer 'C0042'", "score " + Fields.number(score), instrument + " scale " + scale);
  }

  @Test
  void rejectsScoresOutsideACustomScale() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, CSAT, 5.5, Scale.of(1, 5)),
        "customer 'C0042'", "score 5.5 is outside the CSAT scale 1..5");
    assertRejected(() -> SurveyResponse.of("C0042", DAY, CES, 6, Scale.of(1, 5)),
        "customer 'C0042'", "score 6 is outside the CES scale 1..5");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsNonFiniteScores(double score) {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, CSAT, score),
        "customer 'C0042'", "score must be finite: " + score);
  }

  @Test
  void rejectsFractionalNpsScores() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, NPS, 7.5),
        "customer 'C0042'", "score 7.5 is not a whole number");
  }

  @Test
  void acceptsFractionalScoresOnOtherInstruments() {
    assertEquals(4.5, SurveyResponse.of("C1", DAY, CSAT, 4.5).score());
    assertEquals(87.5, SurveyResponse.of("C1", DAY, CSAT, 87.5, Scale.of(0, 100)).score());
    assertEquals(2.25, SurveyResponse.of("C1", DAY, CES, 2.25).score());
  }

  @Test
  void npsAllowsOnlyItsOwnScale() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, NPS, 5, Scale.of(1, 10)),
        "customer 'C0042'", "scale 1..10 is not the NPS scale 0..10");
    assertEquals(Scale.of(0, 10), SurveyResponse.of("C1", DAY, NPS, 5, Scale.of(0, 10)).scale());
  }

  @Test
  void otherInstrumentsAcceptOtherScales() {
    assertEquals(Scale.of(1, 10), SurveyResponse.of("C1", DAY, CSAT, 10, Scale.of(1, 10)).scale());
    assertEquals(Scale.of(1, 5), SurveyResponse.of("C1", DAY, CES, 5, Scale.of(1, 5)).scale());
  }

  @Test
  void minusZeroScoreEqualsZero() {
    assertEquals(SurveyResponse.of("C1", DAY, NPS, 0), SurveyResponse.of("C1", DAY, NPS, -0.0));
  }

  @Test
  void rejectsBlankTouchpoint() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, NPS, 9).withTouchpoint(" "),
        "customer 'C0042'", "touchpoint must not be blank: ' '");
  }

  @Test
  void rejectsBlankChannel() {
    assertRejected(() -> SurveyResponse.of("C0042", DAY, NPS, 9).withChannel(""),
        "customer 'C0042'", "channel must not be blank: ''");
  }

  @Test
  void withCopiesRoundTrip() {
    SurveyResponse base = SurveyResponse.of("C1", DAY, CES, 2);
    SurveyResponse full = base.withTouchpoint("onboarding").withChannel("email");
    assertEquals(new SurveyResponse("C1", DAY, CES, 2, Scale.of(1, 7), "onboarding", "email"),
        full);
    assertEquals(Optional.of("onboarding"), full.optionalTouchpoint());
    assertEquals(Optional.of("email"), full.optionalChannel());
    assertEquals(Optional.empty(), base.optionalTouchpoint());
    assertEquals(Optional.empty(), base.optionalChannel());
    assertEquals(base, full.withTouchpoint(null).withChannel(null));
    assertEquals("onboarding", base.withTouchpoint("onboarding").touchpoint());
    assertEquals(null, base.withTouchpoint("onboarding").channel());
  }

  // Properties over seeded random scales and scores.

  static List<Arguments> inScale() {
    SplittableRandom random = new SplittableRandom(7L);
    List<Arguments> cases = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      Scale d = instrument.defaultScale();
      cases.add(Arguments.of(instrument, d, (double) d.min()));
      cases.add(Arguments.of(instrument, d, (double) d.max()));
      for (int i = 0; i < 40; i++) {
        Scale s = instrument == NPS ? d : randomScale(random);
        double u = random.nextDouble();
        double score = s.min() + u * ((double) s.max() - s.min());
        cases.add(Arguments.of(instrument, s, instrument == NPS ? Math.rint(score) : score));
      }
    }
    return cases;
  }

  static List<Arguments> outOfScale() {
    SplittableRandom random = new SplittableRandom(11L);
    List<Arguments> cases = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      Scale d = instrument.defaultScale();
      cases.add(Arguments.of(instrument, d, Math.nextDown((double) d.min())));
      cases.add(Arguments.of(instrument, d, Math.nextUp((double) d.max())));
      for (int i = 0; i < 40; i++) {
        Scale s = instrument == NPS ? d : randomScale(random);
        double excess = Math.scalb(1.0 + random.nextDouble(), random.nextInt(-20, 30));
        double score = random.nextBoolean() ? s.min() - excess : s.max() + excess;
        cases.add(Arguments.of(instrument, s, score));
      }
    }
    return cases;
  }

  private static Scale randomScale(SplittableRandom random) {
    int min = random.nextInt(-100, 100);
    return Scale.of(min, min + random.nextInt(1, 1000));
  }

  @ParameterizedTest
  @MethodSource("inScale")
  void anyScoreOnTheScaleIsAccepted(Instrument instrument, Scale scale, double score) {
    SurveyResponse r = SurveyResponse.of("C1", DAY, instrument, score, scale);
    assertEquals(score, r.score());
    assertEquals(scale, r.scale());
  }

  @ParameterizedTest
  @MethodSource("outOfScale")
  void anyScoreOffTheScaleIsRejected(Instrument instrument, Scale scale, double score) {
    assertRejected(() -> SurveyResponse.of("C7", DAY, instrument, score, scale),
        "customer 'C7'", "score " + Fields.number(score), instrument + " scale " + scale);
  }

  static List<Arguments> fractionalNps() {
    SplittableRandom random = new SplittableRandom(13L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      double score = random.nextInt(0, 10) + (random.nextDouble() * 0.998 + 0.001);
      cases.add(Arguments.of(score));
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("fractionalNps")
  void anyFractionalNpsScoreIsRejected(double score) {
    assertRejected(() -> SurveyResponse.of("C7", DAY, NPS, score),
        "customer 'C7'", "score " + score + " is not a whole number");
  }
}
