/**
 * The columnar transaction log and its cleaning.
 *
 * <ul>
 *   <li>{@link org.crmkit.core.log.TransactionLog}: an immutable log of (customer, time, amount)
 *       rows, sorted by customer id, time and amount; dated ({@link
 *       org.crmkit.core.log.TimeBase#DAYS}) or timestamped ({@link
 *       org.crmkit.core.log.TimeBase#SECONDS}, read in a zone).
 *   <li>{@link org.crmkit.core.log.LogCleaner}: removes exact duplicates, merges same-day
 *       purchases and applies a refund policy ({@link org.crmkit.core.log.Duplicates}, {@link
 *       org.crmkit.core.log.Refunds}), returning a {@link org.crmkit.core.log.CleanedLog} with a
 *       {@link org.crmkit.core.log.CleaningReport} of what changed.
 * </ul>
 *
 * <p>Buy-till-you-die summaries count repeat purchase periods with same-day purchases merged:
 * clean with {@code mergeSameDay(true)} first (Fader, Hardie &amp; Lee 2005, Marketing Science
 * 24(2), doi:10.1287/mksc.1040.0098; on the CDNOW sample, 6,919 rows become 6,696
 * customer-days).
 */
package org.crmkit.core.log;
