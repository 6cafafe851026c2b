package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's fast paths agree with the plain ones: {@link CsvFormat#parseNumber} with
 * {@link Double#parseDouble} to the bit and the ISO and basic date parsers with java.time (the
 * JDK is the oracle), and {@link IdDictionary} with a {@link HashMap}, including ids whose
 * {@link String#hashCode} collide, long ids and ids beyond Latin-1.
 */
class FastPathProperties {

  private static String digits(SplittableRandom r, int max) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      // many zeros, to exercise leading and trailing zeros
      sb.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  static Stream<Arguments> decimals() {
    return Cases.random(81L, 1000, r -> {
      String sign = switch (r.nextInt(4)) {
        case 0 -> "-";
        case 1 -> "+";
        default -> "";
      };
      String in = digits(r, r.nextBoolean() ? 6 : 20);
      String frac = r.nextInt(4) == 0 ? "" : "." + digits(r, r.nextBoolean() ? 4 : 25);
      String exp = r.nextInt(8) == 0 ? "e" + (r.nextInt(40) - 20) : "";
      return Arguments.of(sign + in + frac + exp);
    });
  }

  @ParameterizedTest
  @MethodSource("decimals")
  void parseNumberEqualsParseDoubleToTheBit(String s) {
    double expected;
    try {
      expected = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      expected = Double.NaN; // "", ".", "-", ".e5": not a number for us either
    }
    double got = CsvFormat.csv().parseNumber(s);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), s);
    if (s.contains(".")) {
      double comma = CsvFormat.csv().withSeparator(';').withDecimalSeparator(',')
          .parseNumber(s.replace('.', ','));
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(comma), s);
    }
  }

  static Stream<Arguments> days() {
    return Cases.random(83L, 500, r -> Arguments.of(
        java.time.LocalDate.ofEpochDay(r.nextLong(-800_000, 3_000_000))));
  }

  // java.time is the oracle for the allocation-free ISO and basic date parsers.
  @ParameterizedTest
  @MethodSource("days")
  void isoAndBasicDatesAgreeWithJavaTime(java.time.LocalDate day) {
    assertEquals(day.toEpochDay(), DateFormat.epochDay(day.getYear(), day.getMonthValue(),
        day.getDayOfMonth()));
    if (day.getYear() >= 0 && day.getYear() <= 9999) {
      assertEquals(day.toEpochDay(), DateFormat.iso().epochDay(day.toString(),
          java.time.ZoneOffset.UTC));
      assertEquals(day.toEpochDay(), DateFormat.basic().epochDay(
          day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
          java.time.ZoneOffset.UTC));
    }
  }

  static Stream<Arguments> idSequences() {
    return Cases.random(82L, 50, r -> {
      // "Aa" and "BB" have the same hashCode, so ids made of them collide in groups.
      String[] parts = {"Aa", "BB", "C", "\u00e9", "0", "1", "\u0416", "-long-part-"};
      List<String> ids = new ArrayList<>();
      int distinct = 1 + r.nextInt(r.nextBoolean() ? 50 : 5000);
      List<String> pool = new ArrayList<>();
      for (int i = 0; i < distinct; i++) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + r.nextInt(6);
        for (int k = 0; k < len; k++) {
          sb.append(parts[r.nextInt(r.nextBoolean() ? 2 : parts.length)]);
        }
        pool.add(sb.toString());
      }
      int rows = r.nextInt(20_000);
      for (int i = 0; i < rows; i++) {
        ids.add(new String(pool.get(r.nextInt(pool.size())))); // fresh String objects
      }
      return Arguments.of(ids);
    });
  }

  @ParameterizedTest
  @MethodSource("idSequences")
  void idDictionaryAgreesWithAHashMap(List<String> rows) {
    IdDictionary dict = new IdDictionary();
    Map<String, Integer> map = new HashMap<>();
    for (String id : rows) {
      int expected = map.computeIfAbsent(id, k -> map.size());
      assertEquals(expected, dict.code(id), id);
    }
    assertEquals(map.size(), dict.size());
    String[] ids = dict.ids();
    map.forEach((id, code) -> assertEquals(id, ids[code]));
  }
}
