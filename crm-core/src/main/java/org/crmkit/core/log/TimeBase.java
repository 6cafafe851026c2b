package org.crmkit.core.log;

/**
 * What the time column of a {@link TransactionLog} counts.
 */
public enum TimeBase {
  /** Calendar dates, stored as epoch days ({@link java.time.LocalDate#toEpochDay()}). */
  DAYS,
  /**
   * Instants, stored as epoch seconds; dates are read in the log's
   * {@link TransactionLog#zone() zone}.
   */
  SECONDS
}
