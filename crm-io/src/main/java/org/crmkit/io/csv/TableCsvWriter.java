package org.crmkit.io.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.core.table.Table;

/**
 * Writes a {@link Table} as CSV (UTF-8, comma-separated, a header line, '"' quotes where needed,
 * '\n' line ends) through Jackson's CSV generator.
 *
 * <p><b>Formula injection.</b> A spreadsheet that opens a CSV file runs a cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return) as a formula. Text
 * cells that start with one of these characters are therefore written with a leading apostrophe
 * ({@code '=cmd} for {@code =cmd}), as OWASP recommends; spreadsheets show the text and hide the
 * apostrophe. Numeric cells are written as numbers and never altered, so {@code -12.5} stays a
 * number. {@link #withoutNeutralising()} turns the protection off for files read by programs.
 * Missing cells are empty. Immutable and thread-safe.
 */
public final class TableCsvWriter {

  private final boolean neutralise;

  private TableCsvWriter(boolean neutralise) {
    this.neutralise = neutralise;
  }

  /** A writer that neutralises formula-like text cells. */
  public static TableCsvWriter standard() {
    return new TableCsvWriter(true);
  }

  /** A copy that writes text cells unchanged. */
  public TableCsvWriter withoutNeutralising() {
    return new TableCsvWriter(false);
  }

  /** Writes {@code table} to {@code file}, replacing it. */
  public void write(Table table, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(table, out);
    }
  }

  /** Writes {@code table} to {@code out} (flushed, not closed). */
  public void write(Table table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
    for (String name : table.columns()) {
      schema.addColumn(name);
    }
    CsvFactory factory = new CsvFactory();
    try (CsvGenerator g = factory.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setSchema(schema.build());
      int cols = table.columnCount();
      for (int r = 0; r < table.rowCount(); r++) {
        g.writeStartArray();
        for (int c = 0; c < cols; c++) {
          Object v = table.value(r, c);
          if (v == null) {
            g.writeString("");
          } else if (v instanceof Double d) {
            g.writeNumber(d);
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else if (v instanceof String s) {
            g.writeString(neutralise ? neutralise(s) : s);
          } else {
            g.writeString(v.toString());
          }
        }
        g.writeEndArray();
      }
      g.flush();
    }
    w.flush();
  }

  /**
   * The text as written: with a leading apostrophe when it starts with =, +, -, @, a tab or a
   * carriage return.
   */
  public static String neutralise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
