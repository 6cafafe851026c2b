package org.crmkit.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStateJsonTest {

  /** Parameters in the model's order (not alphabetical), to check that the order is kept. */
  private static Map<String, Double> params(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  // A BG/NBD-like state with given (not fitted) parameters: ORACLES.md's published estimates.
  static ModelState bgNbdGiven() {
    return new ModelState("BG/NBD", ChronoUnit.WEEKS,
        params("r", 0.2425982, "alpha", 4.4136842, "a", 0.7929899, "b", 2.4261667), null, null);
  }

  // A Gamma-Gamma-like fitted state: no time unit, a covariance and a report with a warning.
  static ModelState gammaGammaFitted() {
    return new ModelState("Gamma-Gamma", null,
        params("p", 6.24957, "q", 3.74422, "gamma", 15.44352),
        List.of(List.of(1.2, -0.3, 0.01), List.of(-0.3, 0.4, -0.02), List.of(0.01, -0.02, 9.5)),
        new FitReport(true, 17, 45, "Nelder-Mead + BFGS + Newton", 3.2e-9, -4055.9177, 0.0,
            35.0, 946.0, 946, List.of("parameter gamma ran to a bound (\"quoted\" text)")));
  }

  // A fitted BG/NBD-like state in days with a penalty and no warnings.
  static ModelState bgNbdFitted() {
    return new ModelState("MBG/NBD", ChronoUnit.DAYS,
        params("r", 0.525, "alpha", 43.281, "a", 0.891, "b", 1.614),
        List.of(List.of(1e-3, 2e-4, 0.0, -0.0), List.of(2e-4, 0.5, 1e-300, 3.0),
            List.of(0.0, 1e-300, 0.02, 4.9e-324), List.of(-0.0, 3.0, 4.9e-324, 0.07)),
        new FitReport(false, 200, 731, "BFGS", 0.0123, -9582.136, 0.1, 7.0, 2357.0, 1340,
            List.of()));
  }

  private static void assertBitwiseEqual(ModelState a, ModelState b) {
    assertEquals(a.model(), b.model());
    assertEquals(a.unit(), b.unit());
    assertEquals(List.copyOf(a.parameters().keySet()), List.copyOf(b.parameters().keySet()),
        "parameter order");
    a.parameters().forEach((k, v) -> assertEquals(Double.doubleToRawLongBits(v),
        Double.doubleToRawLongBits(b.parameters().get(k)), k));
    assertEquals(a.covariance().size(), b.covariance().size());
    for (int i = 0; i < a.covariance().size(); i++) {
      for (int j = 0; j < a.covariance().get(i).size(); j++) {
        assertEquals(Double.doubleToRawLongBits(a.covariance().get(i).get(j)),
            Double.doubleToRawLongBits(b.covariance().get(i).get(j)), i + "," + j);
      }
    }
    assertEquals(a.report(), b.report()); // record equality compares doubles bitwise
    assertEquals(a, b);
  }

  @Test
  void everyKindOfStateRoundTrips() throws IOException {
    for (ModelState s : List.of(bgNbdGiven(), gammaGammaFitted(), bgNbdFitted())) {
      assertBitwiseEqual(s, ModelStateJson.fromJson(ModelStateJson.toJson(s)));
    }
  }

  @Test
  void filesRoundTripAndCarryTheVersions(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("gg.json");
    ModelStateJson.write(gammaGammaFitted(), f);
    assertBitwiseEqual(gammaGammaFitted(), ModelStateJson.read(f));
    var doc = ModelStateJson.readDocument(Files.newInputStream(f), "gg.json");
    assertEquals(1, doc.formatVersion());
    assertEquals(ModelStateJson.libraryVersion(), doc.libraryVersion());
  }

  // The version comes from version.properties, filtered by Maven from the project version.
  @Test
  void libraryVersionIsTheProjectVersion() {
    String v = ModelStateJson.libraryVersion();
    assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), v);
  }

  // The document layout, written out by hand from the format described in ModelStateJson.
  @Test
  void theDocumentLooksAsDocumented() {
    String expected = """
        {
          "format" : "crmkit.model-state",
          "formatVersion" : 1,
          "libraryVersion" : "%s",
          "model" : "BG/NBD",
          "unit" : "WEEKS",
          "parameters" : {
            "r" : 0.2425982,
            "alpha" : 4.4136842,
            "a" : 0.7929899,
            "b" : 2.4261667
          },
          "covariance" : [ ],
          "report" : null
        }
        """.formatted(ModelStateJson.libraryVersion());
    assertEquals(expected, ModelStateJson.toJson(bgNbdGiven()));
  }

  @Test
  void writingANonFiniteNumberIsRefused() {
    var cov = new ModelState("X", null, params("p", 1.0), List.of(List.of(Double.NaN)), null);
    var e = assertThrows(IllegalArgumentException.class, () -> ModelStateJson.toJson(cov));
    assertEquals("covariance[0][0] must be finite: NaN", e.getMessage());
    var report = new ModelState("X", null, params("p", 1.0), null, new FitReport(false, 1, 1,
        "BFGS", Double.POSITIVE_INFINITY, -1, 0, 1, 1, 1, List.of()));
    e = assertThrows(IllegalArgumentException.class, () -> ModelStateJson.toJson(report));
    assertEquals("report.gradientNorm must be finite: Infinity", e.getMessage());
  }

  private static String doc(String body) {
    return "{\"format\":\"crmkit.model-state\",\"formatVersion\":1," + body + "}";
  }

  private static final String REST = "\"libraryVersion\":\"0.1.0\",\"model\":\"M\",\"unit\":null,"
      + "\"parameters\":{\"p\":1.5},\"covariance\":[],\"report\":null";

  private static ModelStateFormatException rejects(String json) {
    return assertThrows(ModelStateFormatException.class, () -> ModelStateJson.fromJson(json));
  }

  @Test
  void aMinimalHandWrittenDocumentIsRead() throws IOException {
    ModelState s = ModelStateJson.fromJson(doc(REST));
    assertEquals("M", s.model());
    assertNull(s.unit());
    assertEquals(1.5, s.parameter("p"), 0.0);
    // JSON has one number type: a whole number is a valid double.
    assertEquals(2.0, ModelStateJson.fromJson(doc(REST.replace("1.5", "2"))).parameter("p"), 0.0);
  }

  @Test
  void strictReadingNamesFieldAndReason() {
    // column 50: the opening quote of "extra" (counted by hand)
    assertEquals("<string>, line 1, column 50, at extra: is not a field of format version 1 "
        + "(libraryVersion, model, unit, parameters, covariance, report)",
        rejects(doc("\"extra\":1," + REST)).getMessage());
    assertEquals("expected a number, found a string",
        rejects(doc(REST.replace("1.5", "\"1.5\""))).reason());
    assertEquals("parameters.p", rejects(doc(REST.replace("1.5", "\"1.5\""))).field());
    assertEquals("is not a finite double: 1e400",
        rejects(doc(REST.replace("1.5", "1e400"))).reason());
    assertEquals("'FORTNIGHTS' is not a time unit " + java.util.Arrays.toString(
        ChronoUnit.values()), rejects(doc(REST.replace("\"unit\":null",
        "\"unit\":\"FORTNIGHTS\""))).reason());
    assertEquals("is missing", rejects(doc(REST.replace(",\"report\":null", ""))).reason());
    assertEquals("has content after the end of the document",
        rejects(doc(REST) + "{}").reason());
    assertTrue(rejects(doc(REST.replace("1.5", "NaN"))).reason().startsWith(
        "is not valid JSON: Non-standard token 'NaN'"));
    assertTrue(rejects(doc(REST + ",\"model\":\"N\"")).reason().contains("Duplicate field"));
    assertTrue(rejects("/* c */" + doc(REST)).reason().startsWith("is not valid JSON"));
    assertEquals("is not a valid model state: covariance must have 1 rows: 2",
        rejects(doc(REST.replace("[]", "[[1.0],[2.0]]"))).reason());
    assertEquals("is not a valid model state: parameter name must not be blank: ' '",
        rejects(doc(REST.replace("\"p\"", "\" \""))).reason().replace("\"", "'"));
  }

  @Test
  void formatAndVersionComeFirstAndANewerVersionIsNamed() {
    var newer = rejects("{\"format\":\"crmkit.model-state\",\"formatVersion\":2," + REST + "}");
    assertEquals("formatVersion", newer.field());
    assertTrue(newer.reason().startsWith("is 2; this crm-io ("), newer.reason());
    assertTrue(newer.reason().endsWith("reads format version 1: the file was written by a "
        + "newer crmkit"), newer.reason());
    assertEquals("is 'something-else', not 'crmkit.model-state'", rejects(
        "{\"format\":\"something-else\",\"formatVersion\":1," + REST + "}").reason());
    assertEquals("the first field must be \"format\": \"crmkit.model-state\"",
        rejects("{" + REST + "}").reason());
  }

  @Test
  void reportFieldsAreTypedAndComplete() {
    String report = "\"report\":{\"converged\":true,\"iterations\":3,\"evaluations\":9,"
        + "\"optimizer\":\"BFGS\",\"gradientNorm\":1e-9,\"logLikelihood\":-10.5,"
        + "\"penalty\":0,\"timeScale\":1,\"customers\":10,\"rows\":4,\"warnings\":[\"w\"]}";
    String ok = doc(REST.replace("\"report\":null", report));
    assertTrue(assertDoesNotThrowRead(ok).report().converged());
    assertEquals("expected a whole number, found a number with a fraction or exponent",
        rejects(ok.replace("\"iterations\":3", "\"iterations\":3.0")).reason());
    assertEquals("is out of the range of an int: 3000000000",
        rejects(ok.replace("\"iterations\":3", "\"iterations\":3000000000")).reason());
    assertEquals("expected a boolean, found a whole number",
        rejects(ok.replace("\"converged\":true", "\"converged\":1")).reason());
    assertEquals("report.warnings[0]",
        rejects(ok.replace("[\"w\"]", "[1]")).field());
    assertEquals("is missing",
        rejects(ok.replace(",\"rows\":4", "")).reason());
    assertEquals("timeScale must be > 0: 0.0",
        rejects(ok.replace("\"timeScale\":1", "\"timeScale\":0")).reason());
  }

  private static ModelState assertDoesNotThrowRead(String json) {
    try {
      return ModelStateJson.read(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "ok.json");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
