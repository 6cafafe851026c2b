package org.crmkit.io.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a read did: data rows seen, rows accepted, and — in lenient mode — rows skipped, counted
 * per reason, with the first 100 examples. A strict read never skips a row: it stops at the
 * first bad one with a {@link CsvReadException}.
 *
 * @param source the file name or source description
 * @param rowsRead data rows seen (header and blank lines excluded)
 * @param rowsAccepted rows that went into the result
 * @param skippedByReason skipped rows per reason, in order of first occurrence
 * @param examples the first (at most 100) skipped rows
 */
public record ReadReport(String source, long rowsRead, long rowsAccepted,
    Map<String, Long> skippedByReason, List<RowProblem> examples) {

  /** The most examples a report keeps. */
  public static final int MAX_EXAMPLES = 100;

  /** Copies the collections. */
  public ReadReport {
    skippedByReason = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
    examples = List.copyOf(examples);
  }

  /** Rows skipped in all. */
  public long rowsSkipped() {
    return rowsRead - rowsAccepted;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "ReadReport %s: %,d rows read, %,d accepted, %,d skipped", source, rowsRead,
        rowsAccepted, rowsSkipped()));
    skippedByReason.forEach((reason, n) -> sb.append(String.format(Locale.ROOT,
        "%n  %,8d  %s", n, reason)));
    int shown = Math.min(examples.size(), 5);
    for (int i = 0; i < shown; i++) {
      sb.append(String.format(Locale.ROOT, "%n  e.g. %s", examples.get(i)));
    }
    return sb.toString();
  }
}
