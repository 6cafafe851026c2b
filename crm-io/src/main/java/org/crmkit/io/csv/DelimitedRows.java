package org.crmkit.io.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the rows of a delimited file through Jackson's CSV parser, one row at a time, without
 * holding the text. Shared by crm-io's readers.
 *
 * <p>Limits (Jackson read constraints): a field holds at most {@link #MAX_FIELD_LENGTH}
 * characters and a row at most {@link #MAX_FIELDS} fields; longer input is a
 * {@link CsvReadException}, not an out-of-memory error.
 */
final class DelimitedRows {

  /** The longest field accepted, in characters. */
  static final int MAX_FIELD_LENGTH = 1 << 16;

  /** The most fields a row may have. */
  static final int MAX_FIELDS = 4096;

  /** Receives one data row. */
  interface RowHandler {
    /**
     * @param line the 1-based line on which the row starts
     * @param fields the row's fields (reused between calls: copy what you keep)
     * @param count the number of fields
     */
    void row(long line, String[] fields, int count) throws CsvReadException;
  }

  private final CsvFormat format;
  private final String source;
  private String[] header;

  DelimitedRows(CsvFormat format, String source) {
    this.format = format;
    this.source = source;
  }

  /** The header names (after {@link #read}), or null for a headerless format. */
  String[] header() {
    return header == null ? null : header.clone();
  }

  /**
   * Reads all rows of {@code raw} (gzip detected, BOM skipped); calls {@code onHeader} (when not
   * null) once before the first data row: with the header names, or — for a headerless format —
   * with null before anything is read.
   */
  void read(InputStream raw, HeaderHandler onHeader, RowHandler handler) throws IOException {
    if (!format.header() && onHeader != null) {
      onHeader.header(null);
    }
    Reader text = Sources.open(raw);
    if (format.whitespace()) {
      text = new WhitespaceReader(text);
    }
    CsvFactory factory = CsvFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(MAX_FIELD_LENGTH)
            .maxNumberLength(1000)
            .maxNestingDepth(4)
            .build())
        .build();
    CsvSchema schema = CsvSchema.emptySchema()
        .withColumnSeparator(format.whitespace() ? '\t' : format.separator())
        .withQuoteChar(format.quote())
        .withoutEscapeChar()
        .withoutHeader();
    String[] fields = new String[16];
    try (CsvParser p = factory.createParser(text)) {
      p.setSchema(schema);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      int count = 0;
      long line = 0;
      boolean inRow = false;
      JsonToken t;
      while ((t = next(p)) != null) {
        if (t == JsonToken.START_ARRAY) {
          inRow = true;
          count = 0;
        } else if (t == JsonToken.END_ARRAY) {
          if (!inRow) {
            continue;
          }
          inRow = false;
          if (count == 1 && fields[0].isBlank()) {
            continue; // a line of white space only
          }
          if (header == null && format.header()) {
            header = new String[count];
            for (int i = 0; i < count; i++) {
              header[i] = fields[i].strip();
            }
            if (onHeader != null) {
              onHeader.header(header.clone());
            }
            continue;
          }
          handler.row(line, fields, count);
        } else if (t.isScalarValue()) {
          if (count == 0) {
            line = p.currentTokenLocation().getLineNr();
          }
          if (count == fields.length) {
            if (count >= MAX_FIELDS) {
              throw new CsvReadException(source, p.currentTokenLocation().getLineNr(), null, null,
                  "has more than " + MAX_FIELDS + " fields");
            }
            fields = Arrays.copyOf(fields, count * 2);
          }
          fields[count++] = p.getText();
        }
      }
      if (format.header() && header == null) {
        throw new CsvReadException(source, 1, null, null, "has no header line (the file is empty)");
      }
    }
  }

  private JsonToken next(CsvParser p) throws CsvReadException {
    try {
      return p.nextToken();
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new CsvReadException(source, p.currentLocation().getLineNr(), null, null,
          "exceeds a read limit: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CsvReadException(source, p.currentLocation().getLineNr(), null, null,
          "cannot be parsed: " + e.getMessage().lines().findFirst().orElse("malformed input"));
    }
  }

  /** Receives the header names. */
  interface HeaderHandler {
    void header(String[] names) throws CsvReadException;
  }

  /**
   * Resolves columns against a header: the index of each, or a {@link CsvReadException} naming
   * the missing column and the header.
   */
  static int[] resolve(String source, String[] header, List<Column> columns)
      throws CsvReadException {
    int[] idx = new int[columns.size()];
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      if (c.name() == null) {
        idx[k] = c.index();
        continue;
      }
      if (header == null) {
        throw new CsvReadException(source, 1, c.name(), null,
            "is chosen by name but the format has no header line; choose it by position");
      }
      idx[k] = -1;
      for (int i = 0; i < header.length; i++) {
        if (header[i].equals(c.name())) {
          if (idx[k] >= 0) {
            throw new CsvReadException(source, 1, c.name(), null,
                "appears twice in the header " + Arrays.toString(header));
          }
          idx[k] = i;
        }
      }
      if (idx[k] < 0) {
        throw new CsvReadException(source, 1, c.name(), null,
            "is not in the header " + Arrays.toString(header));
      }
    }
    return idx;
  }

  /** Names for messages: the header name, or "#index". */
  static List<String> labels(String[] header, List<Column> columns, int[] idx) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      out.add(header != null && idx[k] < header.length ? header[idx[k]] : "#" + idx[k]);
    }
    return out;
  }
}
