package org.crmkit.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;

/**
 * Writes a fitted model's {@link ModelState} (with its {@link FitReport}) as JSON and reads it
 * back, strictly. crm-io knows no model class: rebuild the model from the state with the model's
 * {@code from(state)}, for example {@code BgNbd.from(ModelStateJson.read(path))}.
 *
 * <pre>{@code
 * ModelStateJson.write(fit.state(), Path.of("bgnbd.json"));
 * BgNbd again = BgNbd.from(ModelStateJson.read(Path.of("bgnbd.json")));
 * }</pre>
 *
 * <p><b>The document</b> (UTF-8, format version {@value #FORMAT_VERSION}):
 *
 * <pre>{@code
 * {
 *   "format" : "crmkit.model-state",
 *   "formatVersion" : 1,
 *   "libraryVersion" : "0.1.0",
 *   "model" : "BG/NBD",
 *   "unit" : "WEEKS",
 *   "parameters" : { "r" : 0.2425..., "alpha" : 4.4136..., "a" : 0.7929..., "b" : 2.4261... },
 *   "covariance" : [ [ ... ], [ ... ], [ ... ], [ ... ] ],
 *   "report" : { "converged" : true, "iterations" : 23, "evaluations" : 61,
 *                "optimizer" : "...", "gradientNorm" : 1.2E-9, "logLikelihood" : -9582.43,
 *                "penalty" : 0.0, "timeScale" : 1.0, "customers" : 2357.0, "rows" : 1340,
 *                "warnings" : [ ] }
 * }
 * }</pre>
 *
 * {@code model} is the model's type as its state names it; {@code unit} is a
 * {@link ChronoUnit} name or {@code null} (models without time, such as Gamma-Gamma);
 * {@code parameters} keep their order; {@code covariance} is empty and {@code report} null for a
 * model whose parameters were given rather than fitted. {@code libraryVersion} is the version of
 * crm-io that wrote the file ({@link #libraryVersion()}): informative, not checked on reading.
 *
 * <p><b>Doubles are exact to the bit.</b> They are written with {@link Double#toString(double)}
 * (the shortest decimal that rounds back to the same double) and read with
 * {@link Double#parseDouble(String)}, so every finite double — subnormals, {@code -0.0},
 * {@link Double#MAX_VALUE} — comes back bit for bit. NaN and infinities never appear in a valid
 * state: writing a state that holds one throws {@link IllegalArgumentException}, and a number
 * that overflows to infinity on reading (such as {@code 1e400}) is rejected.
 *
 * <p><b>Reading is strict.</b> The document must start with {@code format} and
 * {@code formatVersion} (so that a newer format is named as such); every other field is
 * required exactly once, in any order; unknown fields, duplicate fields, values of the wrong JSON
 * type ({@code "1.5"} for a number, {@code 2.0} for a whole number), numbers that are not finite,
 * comments, trailing content and anything {@link ModelState} rejects (blank names, a covariance
 * of the wrong shape) are errors. No object mapper is involved: the document is read token by
 * token against this layout, so there is no polymorphic typing of any kind and no class is ever
 * named by the input. Jackson's read constraints bound what hostile input can cost before the
 * layout rejects it: nesting depth {@value #MAX_NESTING_DEPTH}, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, strings of at most {@value #MAX_STRING_LENGTH}, field
 * names of at most {@value #MAX_NAME_LENGTH}, documents of at most {@value #MAX_DOCUMENT_LENGTH}
 * bytes and {@value #MAX_TOKEN_COUNT} tokens. Every problem with the input is a
 * {@link ModelStateFormatException} naming the source, line, column, field and reason; other
 * {@link IOException}s come only from the underlying stream. Thread-safe.
 */
public final class ModelStateJson {

  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.model-state";

  /** The format version this class writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The deepest nesting of arrays and objects accepted. */
  public static final int MAX_NESTING_DEPTH = 8;

  /** The longest number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 65_536;

  /** The longest field name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  /** The longest document accepted, in bytes. */
  public static final long MAX_DOCUMENT_LENGTH = 16L << 20;

  /** The most tokens a document may have. */
  public static final long MAX_TOKEN_COUNT = 2_000_000L;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
          .maxTokenCount(MAX_TOKEN_COUNT)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private static final List<String> REPORT_FIELDS = List.of("converged", "iterations",
      "evaluations", "optimizer", "gradientNorm", "logLikelihood", "penalty", "timeScale",
      "customers", "rows", "warnings");

  private ModelStateJson() {}

  /** The factory with the read constraints (package-private for tests). */
  static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * A state read from a document, with what the document says about itself.
   *
   * @param state the model state
   * @param formatVersion the document's format version
   * @param libraryVersion the version of crm-io that wrote it, as written
   */
  public record Document(ModelState state, int formatVersion, String libraryVersion) {}

  /**
   * The version of this library (crm-io): from the resource
   * {@code org/crmkit/io/version.properties}, which the build generates from the project version
   * (Maven resource filtering) and packs into the jar; else from the jar manifest's
   * {@code Implementation-Version}; else {@code "unknown"}.
   */
  public static String libraryVersion() {
    return LibraryVersion.VERSION;
  }

  // ---------------------------------------------------------------- writing

  /**
   * The state as a JSON document.
   *
   * @throws IllegalArgumentException if a number of the state is NaN or infinite, or the report
   *     breaks the rules the reader checks (see {@link #read(InputStream, String)})
   */
  public static String toJson(ModelState state) {
    var out = new ByteArrayOutputStream();
    try {
      write(state, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes the state to {@code file}, replacing it (see {@link #toJson(ModelState)}). */
  public static void write(ModelState state, Path file) throws IOException {
    check(state);
    try (OutputStream out = Files.newOutputStream(file)) {
      write(state, out);
    }
  }

  /** Writes the state to {@code out}, flushed, not closed (see {@link #toJson(ModelState)}). */
  public static void write(ModelState state, OutputStream out) throws IOException {
    check(state);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      g.writeStringField("libraryVersion", libraryVersion());
      g.writeStringField("model", state.model());
      if (state.unit() == null) {
        g.writeNullField("unit");
      } else {
        g.writeStringField("unit", state.unit().name());
      }
      g.writeObjectFieldStart("parameters");
      for (Map.Entry<String, Double> e : state.parameters().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("covariance");
      for (List<Double> row : state.covariance()) {
        g.writeStartArray();
        for (double v : row) {
          g.writeNumber(v);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      FitReport r = state.report();
      if (r == null) {
        g.writeNullField("report");
      } else {
        g.writeObjectFieldStart("report");
        g.writeBooleanField("converged", r.converged());
        g.writeNumberField("iterations", r.iterations());
        g.writeNumberField("evaluations", r.evaluations());
        g.writeStringField("optimizer", r.optimizer());
        g.writeNumberField("gradientNorm", r.gradientNorm());
        g.writeNumberField("logLikelihood", r.logLikelihood());
        g.writeNumberField("penalty", r.penalty());
        g.writeNumberField("timeScale", r.timeScale());
        g.writeNumberField("customers", r.customers());
        g.writeNumberField("rows", r.rows());
        g.writeArrayFieldStart("warnings");
        for (String w : r.warnings()) {
          g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    }
  }

  /** What the writer refuses and the reader would reject. */
  private static void check(ModelState state) {
    Objects.requireNonNull(state, "state");
    for (int i = 0; i < state.covariance().size(); i++) {
      List<Double> row = state.covariance().get(i);
      for (int j = 0; j < row.size(); j++) {
        Double v = row.get(j);
        if (v == null || !Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "covariance[" + i + "][" + j + "] must be finite: " + v);
        }
      }
    }
    FitReport r = state.report();
    if (r != null) {
      String problem = problem(r);
      if (problem != null) {
        throw new IllegalArgumentException("report." + problem);
      }
    }
  }

  /** The first rule {@code r} breaks, as "field reason", or null. */
  private static String problem(FitReport r) {
    if (r.iterations() < 0) {
      return "iterations must be >= 0: " + r.iterations();
    }
    if (r.evaluations() < 0) {
      return "evaluations must be >= 0: " + r.evaluations();
    }
    if (r.rows() < 0) {
      return "rows must be >= 0: " + r.rows();
    }
    if (r.optimizer() == null) {
      return "optimizer must not be null";
    }
    double[] v = {r.gradientNorm(), r.logLikelihood(), r.penalty(), r.timeScale(),
        r.customers()};
    String[] n = {"gradientNorm", "logLikelihood", "penalty", "timeScale", "customers"};
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        return n[i] + " must be finite: " + v[i];
      }
      if (i != 1 && i != 3 && v[i] < 0) {
        return n[i] + " must be >= 0: " + v[i];
      }
    }
    if (!(r.timeScale() > 0)) {
      return "timeScale must be > 0: " + r.timeScale();
    }
    return null;
  }

  // ---------------------------------------------------------------- reading

  /** Reads a state from a file (see {@link #read(InputStream, String)}). */
  public static ModelState read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /**
   * Reads a state from a JSON document in a string.
   *
   * @throws ModelStateFormatException if the document is not a valid model state
   */
  public static ModelState fromJson(String json) throws ModelStateFormatException {
    try {
      return readDocument(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
          "<string>").state();
    } catch (ModelStateFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /**
   * Reads a state from a stream (UTF-8; not closed here).
   *
   * @param source the name used in messages (for example the file name)
   * @throws ModelStateFormatException if the document is not a valid model state (see the class
   *     description)
   * @throws IOException if the stream fails
   */
  public static ModelState read(InputStream in, String source) throws IOException {
    return readDocument(in, source).state();
  }

  /**
   * Reads a state and the document's format and library versions (see
   * {@link #read(InputStream, String)}).
   */
  public static Document readDocument(InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    try (JsonParser p = FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new Reader(p, source).document();
    } catch (StreamConstraintsException e) {
      throw fail(source, e.getLocation(), null, "exceeds a read limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw fail(source, e.getLocation(), null, "is not valid JSON: "
          + firstLine(e.getOriginalMessage()));
    } catch (CharConversionException e) {
      throw fail(source, null, null, "is not valid text: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    return s == null ? "malformed input" : s.lines().findFirst().orElse("malformed input");
  }

  private static ModelStateFormatException fail(String source, JsonLocation at, String field,
      String reason) {
    return new ModelStateFormatException(source, at == null ? -1 : at.getLineNr(),
        at == null ? -1 : at.getColumnNr(), field, reason);
  }

  /** Reads one document against the layout. */
  private static final class Reader {
    private final JsonParser p;
    private final String source;

    Reader(JsonParser p, String source) {
      this.p = p;
      this.source = source;
    }

    private ModelStateFormatException fail(String field, String reason) {
      return ModelStateJson.fail(source, p.currentTokenLocation(), field, reason);
    }

    private JsonToken next() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail(null, "ends too early");
      }
      return t;
    }

    private static String describe(JsonToken t) {
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT -> "a whole number";
        case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        default -> t.toString();
      };
    }

    private ModelStateFormatException expected(String field, String what, JsonToken found) {
      return fail(field, "expected " + what + ", found " + describe(found));
    }

    private void expect(JsonToken want, String field, String what) throws IOException {
      JsonToken t = next();
      if (t != want) {
        throw expected(field, what, t);
      }
    }

    /** The next field name of an object, or null at its end. */
    private String fieldName(String object) throws IOException {
      JsonToken t = next();
      if (t == JsonToken.END_OBJECT) {
        return null;
      }
      if (t != JsonToken.FIELD_NAME) {
        throw expected(object, "a field name", t);
      }
      return p.currentName();
    }

    private String string(String field) throws IOException {
      JsonToken t = next();
      if (t != JsonToken.VALUE_STRING) {
        throw expected(field, "a string", t);
      }
      return p.getText();
    }

    private double number(String field) throws IOException {
      JsonToken t = next();
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw expected(field, "a number", t);
      }
      double v = p.getDoubleValue();
      if (!Double.isFinite(v)) {
        throw fail(field, "is not a finite double: " + p.getText());
      }
      return v;
    }

    private int wholeNumber(String field) throws IOException {
      JsonToken t = next();
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw expected(field, "a whole number", t);
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw fail(field, "is out of the range of an int: " + p.getText());
      }
      return p.getIntValue();
    }

    Document document() throws IOException {
      expect(JsonToken.START_OBJECT, null, "an object");
      if (!"format".equals(fieldName(""))) {
        throw fail(null, "the first field must be \"format\": \"" + FORMAT + "\"");
      }
      String format = string("format");
      if (!FORMAT.equals(format)) {
        throw fail("format", "is '" + format + "', not '" + FORMAT + "'");
      }
      if (!"formatVersion".equals(fieldName(""))) {
        throw fail(null, "the second field must be \"formatVersion\"");
      }
      int version = wholeNumber("formatVersion");
      if (version < 1 || version > FORMAT_VERSION) {
        throw fail("formatVersion", "is " + version + "; this crm-io ("
            + libraryVersion() + ") reads format version " + FORMAT_VERSION
            + (version > FORMAT_VERSION ? ": the file was written by a newer crmkit" : ""));
      }
      String libraryVersion = null;
      String model = null;
      ChronoUnit unit = null;
      Map<String, Double> parameters = null;
      List<List<Double>> covariance = null;
      FitReport report = null;
      Set<String> seen = new HashSet<>();
      String name;
      while ((name = fieldName("")) != null) {
        if (!seen.add(name)) {
          throw fail(name, "appears twice");
        }
        switch (name) {
          case "libraryVersion" -> libraryVersion = string(name);
          case "model" -> model = string(name);
          case "unit" -> unit = unit();
          case "parameters" -> parameters = parameters();
          case "covariance" -> covariance = covariance();
          case "report" -> report = report();
          default -> throw fail(name, "is not a field of format version " + FORMAT_VERSION
              + " (libraryVersion, model, unit, parameters, covariance, report)");
        }
      }
      for (String f : List.of("libraryVersion", "model", "unit", "parameters", "covariance",
          "report")) {
        if (!seen.contains(f)) {
          throw fail(f, "is missing");
        }
      }
      JsonLocation end = p.currentTokenLocation();
      if (p.nextToken() != null) {
        throw fail(null, "has content after the end of the document");
      }
      try {
        return new Document(new ModelState(model, unit, parameters, covariance, report),
            version, libraryVersion);
      } catch (IllegalArgumentException e) {
        throw ModelStateJson.fail(source, end, null, "is not a valid model state: "
            + e.getMessage());
      }
    }

    private ChronoUnit unit() throws IOException {
      JsonToken t = next();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_STRING) {
        throw expected("unit", "a time unit name or null", t);
      }
      String s = p.getText();
      for (ChronoUnit u : ChronoUnit.values()) {
        if (u.name().equals(s)) {
          return u;
        }
      }
      throw fail("unit", "'" + s + "' is not a time unit " + Arrays.toString(ChronoUnit.values()));
    }

    private Map<String, Double> parameters() throws IOException {
      expect(JsonToken.START_OBJECT, "parameters", "an object");
      Map<String, Double> m = new LinkedHashMap<>();
      String name;
      while ((name = fieldName("parameters")) != null) {
        String field = "parameters." + name;
        if (m.put(name, number(field)) != null) {
          throw fail(field, "appears twice");
        }
      }
      return m;
    }

    private List<List<Double>> covariance() throws IOException {
      expect(JsonToken.START_ARRAY, "covariance", "an array");
      List<List<Double>> rows = new ArrayList<>();
      JsonToken t;
      while ((t = next()) != JsonToken.END_ARRAY) {
        String rowField = "covariance[" + rows.size() + "]";
        if (t != JsonToken.START_ARRAY) {
          throw expected(rowField, "an array", t);
        }
        List<Double> row = new ArrayList<>();
        while ((t = next()) != JsonToken.END_ARRAY) {
          String field = rowField + "[" + row.size() + "]";
          if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw expected(field, "a number", t);
          }
          double v = p.getDoubleValue();
          if (!Double.isFinite(v)) {
            throw fail(field, "is not a finite double: " + p.getText());
          }
          row.add(v);
        }
        rows.add(row);
      }
      return rows;
    }

    private FitReport report() throws IOException {
      JsonToken t = next();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.START_OBJECT) {
        throw expected("report", "an object or null", t);
      }
      JsonLocation start = p.currentTokenLocation();
      boolean converged = false;
      int iterations = 0;
      int evaluations = 0;
      String optimizer = null;
      double[] reals = new double[5];
      int rows = 0;
      List<String> warnings = null;
      Set<String> seen = new HashSet<>();
      String name;
      while ((name = fieldName("report")) != null) {
        String field = "report." + name;
        if (!REPORT_FIELDS.contains(name)) {
          throw fail(field, "is not a field of a fit report " + REPORT_FIELDS);
        }
        if (!seen.add(name)) {
          throw fail(field, "appears twice");
        }
        switch (name) {
          case "converged" -> {
            JsonToken b = next();
            if (b != JsonToken.VALUE_TRUE && b != JsonToken.VALUE_FALSE) {
              throw expected(field, "a boolean", b);
            }
            converged = b == JsonToken.VALUE_TRUE;
          }
          case "iterations" -> iterations = wholeNumber(field);
          case "evaluations" -> evaluations = wholeNumber(field);
          case "optimizer" -> optimizer = string(field);
          case "gradientNorm" -> reals[0] = number(field);
          case "logLikelihood" -> reals[1] = number(field);
          case "penalty" -> reals[2] = number(field);
          case "timeScale" -> reals[3] = number(field);
          case "customers" -> reals[4] = number(field);
          case "rows" -> rows = wholeNumber(field);
          default -> warnings = warnings(field);
        }
      }
      for (String f : REPORT_FIELDS) {
        if (!seen.contains(f)) {
          throw fail("report." + f, "is missing");
        }
      }
      FitReport r = new FitReport(converged, iterations, evaluations, optimizer, reals[0],
          reals[1], reals[2], reals[3], reals[4], rows, warnings);
      String problem = problem(r);
      if (problem != null) {
        throw ModelStateJson.fail(source, start, "report", problem);
      }
      return r;
    }

    private List<String> warnings(String field) throws IOException {
      expect(JsonToken.START_ARRAY, field, "an array");
      List<String> w = new ArrayList<>();
      JsonToken t;
      while ((t = next()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.VALUE_STRING) {
          throw expected(field + "[" + w.size() + "]", "a string", t);
        }
        w.add(p.getText());
      }
      return w;
    }
  }
}
