package org.crmkit.io.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens byte input as text: gzip detected by its magic bytes, a UTF-8 byte-order mark skipped. */
final class Sources {

  private Sources() {}

  /** Reads a stream; {@code source} names it in messages. */
  interface StreamReader<R> {
    R read(InputStream in, String source) throws IOException;
  }

  /** Opens {@code file}, reads it with {@code reader} under its file name, and closes it. */
  static <R> R readFile(Path file, StreamReader<R> reader) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return reader.read(in, file.getFileName().toString());
    }
  }

  /** UTF-8 text of {@code raw}; malformed bytes are an error, not replaced silently. */
  static Reader open(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    in.mark(4);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
      in.reset();
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(in, decoder);
  }
}
