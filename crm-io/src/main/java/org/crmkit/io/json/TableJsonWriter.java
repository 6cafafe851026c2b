package org.crmkit.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.core.table.Table;

/**
 * Writes a {@link Table} as JSON: an array of objects, one per row, keyed by column name
 * ({@link #json()}), or JSON Lines, one object per line, for large outputs that are read as a
 * stream ({@link #jsonLines()}). Numbers are JSON numbers, dates ISO strings, missing cells
 * {@code null}. UTF-8. Immutable and thread-safe.
 */
public final class TableJsonWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final boolean lines;

  private TableJsonWriter(boolean lines) {
    this.lines = lines;
  }

  /** A JSON array of row objects. */
  public static TableJsonWriter json() {
    return new TableJsonWriter(false);
  }

  /** JSON Lines: one row object per line. */
  public static TableJsonWriter jsonLines() {
    return new TableJsonWriter(true);
  }

  /** Writes {@code table} to {@code file}, replacing it. */
  public void write(Table table, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(table, out);
    }
  }

  /** Writes {@code table} to {@code out} (flushed, not closed). */
  public void write(Table table, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      List<String> names = table.columns();
      if (lines) {
        g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
      } else {
        g.writeStartArray();
      }
      for (int r = 0; r < table.rowCount(); r++) {
        g.writeStartObject();
        for (int c = 0; c < names.size(); c++) {
          g.writeFieldName(names.get(c));
          Object v = table.value(r, c);
          if (v == null) {
            g.writeNull();
          } else if (v instanceof Double d) {
            g.writeNumber(d);
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else {
            g.writeString(v.toString());
          }
        }
        g.writeEndObject();
      }
      if (!lines) {
        g.writeEndArray();
      } else if (table.rowCount() > 0) {
        g.writeRaw('\n');
      }
      g.flush();
    }
  }
}
