/**
 * RFM: recency, frequency and monetary scores, and segments built on them.
 *
 * <pre>{@code
 * RfmTable table = RfmScorer.defaults().score(log, LocalDate.of(2006, 12, 31));
 * Segmentation seg = table.segment(SegmentMap.rfmVignette());
 * SegmentSummary summary = seg.summary();
 * }</pre>
 *
 * <p>{@link org.crmkit.core.rfm.RfmScorer} aggregates a
 * {@link org.crmkit.core.log.TransactionLog} (or pre-aggregated arrays) per customer at an
 * analysis date and scores each dimension 1..n; {@link org.crmkit.core.rfm.RfmTable} holds the
 * values, the scores and the {@link org.crmkit.core.rfm.ScoreBins} (thresholds and counts).
 * {@link org.crmkit.core.rfm.SegmentMap}s are data: named inclusive score ranges, first match
 * wins, unmatched customers in an explicit "Others" segment, and a validator for overlaps and
 * gaps. Recency here is the number of days since the last purchase, not the buy-till-you-die
 * t<sub>x</sub> of {@code org.crmkit.core.summary}; frequency is the number of orders, not the
 * number of repeat purchases.
 *
 * <p>Sources:
 * <ul>
 *   <li>A. M. Hughes (1994), <i>Strategic Database Marketing</i>, Probus, ISBN 1-55738-552-0:
 *       RFM scoring in quintiles.</li>
 *   <li>R package rfm 0.3.0 (A. Hebbali, MIT licence), documentation of
 *       {@code rfm_table_order}, {@code rfm_table_customer} and {@code rfm_segment}, and its
 *       vignette "Introduction to rfm" (the 10-segment map, {@link
 *       org.crmkit.core.rfm.SegmentMap#rfmVignette()}). Its binning rule, described in
 *       {@link org.crmkit.core.rfm.Ties#KEEP_TOGETHER}, was worked out from its published results
 *       on its {@code rfm_data_orders} data; no code was taken from it.</li>
 *   <li>IBM SPSS Statistics, "RFM Analysis" (Direct Marketing option): binning with ties
 *       assigned to the same category, or split.</li>
 *   <li>R. J. Hyndman and Y. Fan (1996), Sample quantiles in statistical packages, <i>The
 *       American Statistician</i> 50(4), 361–365, doi:10.1080/00031305.1996.10473566: the type 7
 *       quantile (R's default).</li>
 * </ul>
 */
package org.crmkit.core.rfm;
