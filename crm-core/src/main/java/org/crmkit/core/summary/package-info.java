/**
 * Buy-till-you-die customer summaries (x, t_x, T, monetary) from a transaction log, their
 * compression to weighted unique rows, and the calibration / holdout split.
 *
 * <p>Conventions follow:
 *
 * <ul>
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005). "Counting your customers" the
 *       easy way: An alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 *       doi:10.1287/mksc.1040.0098
 *   <li>Fader, P. S. &amp; Hardie, B. G. S. (2001–2013), the CDNOW data notes: same-day
 *       purchases merged, weeks as the unit, calibration to 1997-09-30.
 * </ul>
 */
package org.crmkit.core.summary;
