package org.crmkit.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Doubles survive a round trip bit for bit; hostile input (random bytes, mangled documents, deep
 * nesting, huge numbers and strings) ends in a {@link ModelStateFormatException} or a valid
 * state, never in another exception. The timeouts guard against a hang only (each case takes
 * microseconds); they assert nothing about speed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelStateJsonProperties {

  private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
      Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), -Math.nextDown(Double.MIN_NORMAL),
      Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), 1.0,
      Math.nextUp(1.0), Math.nextDown(1.0), 0.1, 1.0 / 3, 2e-323, 9007199254740993.0,
      1e23, 5e-324, 4.35e-311, 1.7976931348623157e308};

  /** Any finite double: random bits, random subnormals, or an edge value. */
  private static double anyDouble(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0:
        return EDGES[r.nextInt(EDGES.length)];
      case 1: {
        double sub = Double.longBitsToDouble(r.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
        return r.nextBoolean() ? sub : -sub;
      }
      default: {
        double d;
        do {
          d = Double.longBitsToDouble(r.nextLong());
        } while (!Double.isFinite(d));
        return d;
      }
    }
  }

  static Stream<Arguments> randomStates() {
    return Cases.random(71L, 200, r -> {
      int k = 1 + r.nextInt(5);
      Map<String, Double> p = new LinkedHashMap<>();
      for (int i = 0; i < k; i++) {
        p.put("p" + i + (char) ('a' + r.nextInt(26)), anyDouble(r));
      }
      List<List<Double>> cov = new ArrayList<>();
      if (r.nextBoolean()) {
        for (int i = 0; i < k; i++) {
          List<Double> row = new ArrayList<>();
          for (int j = 0; j < k; j++) {
            row.add(anyDouble(r));
          }
          cov.add(row);
        }
      }
      FitReport report = r.nextBoolean() ? null : new FitReport(r.nextBoolean(), r.nextInt(1000),
          r.nextInt(10_000), "opt\u00e9 \"x\"\n", Math.abs(anyDouble(r)), anyDouble(r),
          Math.abs(anyDouble(r)), Math.abs(anyDouble(r)) + Double.MIN_VALUE,
          Math.abs(anyDouble(r)), r.nextInt(Integer.MAX_VALUE), List.of("w" + r.nextInt()));
      ChronoUnit[] units = ChronoUnit.values();
      ChronoUnit unit = r.nextInt(4) == 0 ? null : units[r.nextInt(units.length)];
      return Arguments.of(new ModelState("model " + r.nextInt(100), unit, p, cov, report));
    });
  }

  @ParameterizedTest
  @MethodSource("randomStates")
  void everyFiniteDoubleRoundTripsToTheBit(ModelState s) throws IOException {
    ModelState back = ModelStateJson.fromJson(ModelStateJson.toJson(s));
    s.parameters().forEach((k, v) -> assertEquals(Double.doubleToRawLongBits(v),
        Double.doubleToRawLongBits(back.parameters().get(k)), k));
    for (int i = 0; i < s.covariance().size(); i++) {
      for (int j = 0; j < s.covariance().size(); j++) {
        assertEquals(Double.doubleToRawLongBits(s.covariance().get(i).get(j)),
            Double.doubleToRawLongBits(back.covariance().get(i).get(j)));
      }
    }
    assertEquals(s, back); // records compare doubles with Double.compare: bitwise
  }

  /** Reads {@code bytes}: a valid state, or the documented exception; nothing else. */
  private static void readsOrFailsCleanly(byte[] bytes) {
    try {
      ModelState s = ModelStateJson.read(new ByteArrayInputStream(bytes), "fuzz.json");
      // Whatever was accepted is a valid state that writes and reads back the same.
      assertEquals(s, ModelStateJson.fromJson(ModelStateJson.toJson(s)));
    } catch (ModelStateFormatException expected) {
      assertTrue(expected.getMessage().startsWith("fuzz.json"), expected.getMessage());
      assertTrue(expected.reason() != null && !expected.reason().isBlank());
    } catch (Exception | StackOverflowError other) {
      fail("not the documented exception", other);
    }
  }

  static Stream<Arguments> randomBytes() {
    return Cases.random(72L, 300, r -> {
      byte[] b = new byte[r.nextInt(600)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) r.nextInt(256);
      }
      if (r.nextBoolean() && b.length > 0) {
        b[0] = '{'; // get past the first token more often
      }
      return Arguments.of((Object) b);
    });
  }

  @ParameterizedTest
  @MethodSource("randomBytes")
  void randomBytesFailCleanly(byte[] bytes) {
    readsOrFailsCleanly(bytes);
  }

  private static final String[] JUNK = {"{", "}", "[", "]", ",", ":", "\"", "null", "true",
      "1e999", "-", "0", "-0", "1.5", "\"x\":1", "\"unit\":\"DAYS\"", "\\", "\\u0000", "\u0000",
      "\uFEFF", "NaN", "Infinity", "//", "/*", "\n", " ", "9".repeat(80), "\ud800", "é"};

  static Stream<Arguments> mangledDocuments() {
    String[] valid = {ModelStateJson.toJson(ModelStateJsonTest.bgNbdGiven()),
        ModelStateJson.toJson(ModelStateJsonTest.gammaGammaFitted()),
        ModelStateJson.toJson(ModelStateJsonTest.bgNbdFitted())};
    return Cases.random(73L, 300, r -> {
      StringBuilder s = new StringBuilder(valid[r.nextInt(valid.length)]);
      int edits = 1 + r.nextInt(3);
      for (int e = 0; e < edits && s.length() > 0; e++) {
        int at = r.nextInt(s.length());
        switch (r.nextInt(5)) {
          case 0 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(8)));
          case 1 -> s.insert(at, JUNK[r.nextInt(JUNK.length)]);
          case 2 -> s.setCharAt(at, (char) r.nextInt(0x80));
          case 3 -> s.setLength(at);
          default -> {
            int end = Math.min(s.length(), at + r.nextInt(40));
            s.insert(end, s.substring(at, end));
          }
        }
      }
      return Arguments.of(s.toString());
    });
  }

  @ParameterizedTest
  @MethodSource("mangledDocuments")
  void mangledDocumentsFailCleanly(String text) {
    readsOrFailsCleanly(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> depths() {
    return Stream.of(10, 1_000, 100_000).map(Arguments::of);
  }

  /** Deep nesting where the layout expects a number, and at the root. */
  @ParameterizedTest
  @MethodSource("depths")
  void deepNestingFailsCleanly(int depth) {
    String deep = "[".repeat(depth) + "]".repeat(depth);
    readsOrFailsCleanly(deep.getBytes(StandardCharsets.UTF_8));
    String inCovariance = "{\"format\":\"crmkit.model-state\",\"formatVersion\":1,"
        + "\"covariance\":[" + deep + "]}";
    var e = assertThrows(ModelStateFormatException.class,
        () -> ModelStateJson.fromJson(inCovariance));
    assertEquals("covariance[0][0]", e.field(), "the layout stops at the first nested array");
  }

  /** The read limit on depth itself, for any parser of the reader's factory. */
  @Test
  void theFactoryStopsDeepNestingAtItsLimit() throws IOException {
    String deep = "[".repeat(ModelStateJson.MAX_NESTING_DEPTH + 1);
    try (JsonParser p = ModelStateJsonLimits.factory().createParser(deep)) {
      var e = assertThrows(StreamConstraintsException.class, () -> {
        while (p.nextToken() != null) {
          // consume
        }
      });
      assertTrue(e.getMessage().contains("exceeds the maximum allowed ("
          + ModelStateJson.MAX_NESTING_DEPTH), e.getMessage());
    }
    String ok = "[".repeat(ModelStateJson.MAX_NESTING_DEPTH);
    try (JsonParser p = ModelStateJsonLimits.factory().createParser(ok)) {
      for (int i = 0; i < ModelStateJson.MAX_NESTING_DEPTH; i++) {
        p.nextToken();
      }
    }
  }

  static Stream<Arguments> numberLengths() {
    return Stream.of(ModelStateJson.MAX_NUMBER_LENGTH, ModelStateJson.MAX_NUMBER_LENGTH + 1,
        10_000, 1_000_000).map(Arguments::of);
  }

  private static String withParameter(String number) {
    return "{\"format\":\"crmkit.model-state\",\"formatVersion\":1,"
        + "\"libraryVersion\":\"x\",\"model\":\"M\",\"unit\":null,\"parameters\":{\"p\":"
        + number + "},\"covariance\":[],\"report\":null}";
  }

  /**
   * Huge numbers hit a read limit before they are converted: whole numbers of more than
   * MAX_NUMBER_LENGTH digits, and numbers with a fraction of any huge length (Jackson counts
   * their digits, and the text buffer's string limit stops the longest ones even earlier).
   */
  @ParameterizedTest
  @MethodSource("numberLengths")
  void hugeNumbersHitTheLimit(int digits) throws IOException {
    String integer = withParameter("1".repeat(digits));
    if (digits <= ModelStateJson.MAX_NUMBER_LENGTH) {
      // 64 ones: 1.111...e63, parsed as a double
      assertEquals(1.1111111111111111e63, ModelStateJson.fromJson(integer).parameter("p"),
          1e48);
    } else {
      var e = assertThrows(ModelStateFormatException.class,
          () -> ModelStateJson.fromJson(integer));
      assertTrue(e.reason().startsWith(digits < ModelStateJson.MAX_STRING_LENGTH
          ? "exceeds a read limit: Number value length" : "exceeds a read limit: "),
          e.reason());
    }
    if (digits > 1000) {
      String fraction = withParameter("0." + "1".repeat(digits));
      var e = assertThrows(ModelStateFormatException.class,
          () -> ModelStateJson.fromJson(fraction));
      assertTrue(e.reason().startsWith("exceeds a read limit: "), e.reason());
    }
  }

  @Test
  void hugeStringsAndNamesHitTheirLimits() {
    String longModel = "{\"format\":\"crmkit.model-state\",\"formatVersion\":1,\"model\":\""
        + "m".repeat(ModelStateJson.MAX_STRING_LENGTH + 1) + "\"}";
    var e = assertThrows(ModelStateFormatException.class,
        () -> ModelStateJson.fromJson(longModel));
    assertTrue(e.reason().startsWith("exceeds a read limit: String value length"), e.reason());
    String longName = "{\"format\":\"crmkit.model-state\",\"formatVersion\":1,\"parameters\":{\""
        + "n".repeat(ModelStateJson.MAX_NAME_LENGTH + 1) + "\":1}}";
    e = assertThrows(ModelStateFormatException.class, () -> ModelStateJson.fromJson(longName));
    assertTrue(e.reason().startsWith("exceeds a read limit: Name length"), e.reason());
  }
}
