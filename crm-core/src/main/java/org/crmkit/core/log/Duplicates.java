package org.crmkit.core.log;

/**
 * What {@link LogCleaner} does with exact duplicate rows.
 *
 * <p>Two rows are exact duplicates when they belong to the same customer and have the same time
 * and the same amount: a {@link TransactionLog} holds only these three columns, so nothing else
 * can tell them apart. Times are compared as stored (epoch day in a dated log, epoch second in a
 * timestamped one); amounts with {@code ==}, so {@code 0.0} and {@code -0.0} are the same amount.
 *
 * <p><b>Dated logs.</b> In a log of dates ({@link TimeBase#DAYS}), two genuine purchases of the
 * same amount by one customer on one day are indistinguishable from one purchase entered twice:
 * {@link #REMOVE} keeps only one of them. When the source has order ids, remove duplicates by
 * order id before building the log, and use {@link #KEEP} here.
 */
public enum Duplicates {

  /** Keep every row; nothing is counted as a duplicate. */
  KEEP,

  /**
   * Keep the first row of each run of exact duplicates and remove the others; the removed rows
   * are counted in {@link CleaningReport#duplicatesRemoved()}.
   */
  REMOVE
}
