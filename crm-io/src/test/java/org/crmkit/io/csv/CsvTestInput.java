package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Input for the csv tests: text as a stream, bundled files, and random (hostile) input. */
final class CsvTestInput {

  private CsvTestInput() {}

  /** {@code s} as a UTF-8 stream. */
  static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A file of the test resources, such as {@code /data/handmade/customers.csv}. */
  static InputStream resource(String path) {
    return CsvTestInput.class.getResourceAsStream(path);
  }

  /** Up to {@code bound - 1} random bytes. */
  static byte[] randomBytes(SplittableRandom r, int bound) {
    byte[] b = new byte[r.nextInt(bound)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  /**
   * A random cell: one of {@code cells} except one time in {@code oneIn}, when it is up to
   * {@code lengthBound - 1} random characters below {@code charBound}.
   */
  static String cell(SplittableRandom r, String[] cells, int oneIn, int lengthBound,
      int charBound) {
    if (r.nextInt(oneIn) > 0) {
      return cells[r.nextInt(cells.length)];
    }
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(lengthBound);
    for (int i = 0; i < n; i++) {
      sb.append((char) r.nextInt(charBound));
    }
    return sb.toString();
  }

  /** Makes one cell. */
  interface Cells {
    String cell(SplittableRandom r);
  }

  /**
   * {@code header} and up to {@code rowBound - 1} rows of up to {@code cellBound - 1}
   * comma-separated cells, so rows of the wrong length and shifted columns are common.
   */
  static String mangledRows(SplittableRandom r, String header, int rowBound, int cellBound,
      Cells cells) {
    StringBuilder body = new StringBuilder(header);
    int rows = r.nextInt(rowBound);
    for (int i = 0; i < rows; i++) {
      int n = r.nextInt(cellBound);
      for (int c = 0; c < n; c++) {
        body.append(c == 0 ? "" : ",").append(cells.cell(r));
      }
      body.append('\n');
    }
    return body.toString();
  }

  /** A read of hostile input. */
  interface Read {
    void run() throws IOException;
  }

  /**
   * Runs {@code read}, which must return or throw an IOException with a message (the
   * documented {@link CsvReadException}, or a decoding error for invalid UTF-8), never another
   * exception.
   */
  static void readsOrFailsCleanly(Read read) {
    try {
      read.run();
    } catch (IOException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    } catch (RuntimeException other) {
      fail("not an IOException", other);
    }
  }
}
