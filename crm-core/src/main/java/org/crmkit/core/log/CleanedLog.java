package org.crmkit.core.log;

import org.crmkit.core.Checks;

/**
 * The result of {@link LogCleaner#clean(TransactionLog)}: the cleaned log and what changed.
 *
 * @param log the cleaned log; the input log itself when nothing changed
 *     ({@link CleaningReport#unchanged()})
 * @param report the counts of rows removed, merged and seen
 */
public record CleanedLog(TransactionLog log, CleaningReport report) {

  /** Checks that neither component is null. */
  public CleanedLog {
    Checks.notNull("log", log);
    Checks.notNull("report", report);
  }

  /** The report, then the log's first rows. */
  @Override
  public String toString() {
    return report + "\n" + log;
  }
}
