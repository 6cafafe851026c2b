package org.crmkit.io.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Turns whitespace-separated text (fields separated by runs of spaces or tabs, possibly with
 * leading or trailing white space, as in the CDNOW files) into tab-separated text, streaming.
 * Fields cannot contain spaces in such files, so no quoting is needed.
 */
final class WhitespaceReader extends Reader {

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private boolean lineStart = true;
  private boolean pendingSeparator;

  WhitespaceReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] out, int off, int max) throws IOException {
    int n = 0;
    while (n < max) {
      if (pos == len) {
        if (n > 0) {
          return n;
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      char c = buf[pos];
      if (c == ' ' || c == '\t') {
        if (!lineStart) {
          pendingSeparator = true;
        }
        pos++;
      } else if (c == '\n' || c == '\r') {
        pendingSeparator = false;
        lineStart = true;
        out[off + n++] = c;
        pos++;
      } else if (pendingSeparator) {
        out[off + n++] = '\t';
        pendingSeparator = false;
      } else {
        lineStart = false;
        out[off + n++] = c;
        pos++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
