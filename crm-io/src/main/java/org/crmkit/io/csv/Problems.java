package org.crmkit.io.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad rows of one read: in strict mode the first one becomes a {@link CsvReadException}; in
 * lenient mode each is counted per reason and the first 100 are kept as examples.
 */
final class Problems {

  private final String source;
  private final boolean lenient;
  private final Map<String, Long> reasons = new LinkedHashMap<>();
  private final List<RowProblem> examples = new ArrayList<>();
  private long read;
  private long accepted;

  Problems(String source, boolean lenient) {
    this.source = source;
    this.lenient = lenient;
  }

  void rowRead() {
    read++;
  }

  void rowAccepted() {
    accepted++;
  }

  /** Records a bad row, or throws in strict mode. */
  void bad(long line, String column, String value, String reason) throws CsvReadException {
    if (!lenient) {
      throw new CsvReadException(source, line, column, value, reason);
    }
    reasons.merge(column == null ? reason : column + " " + reason, 1L, Long::sum);
    if (examples.size() < ReadReport.MAX_EXAMPLES) {
      examples.add(new RowProblem(line, column, value, reason));
    }
  }

  ReadReport report() {
    return new ReadReport(source, read, accepted, reasons, examples);
  }
}
