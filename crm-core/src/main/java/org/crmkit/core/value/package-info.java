/**
 * Customer value: simple lifetime value formulas ({@link org.crmkit.core.value.SimpleClv}),
 * weighted value scores over normalised indicators ({@link org.crmkit.core.value.ValueScorer})
 * with weights given or derived by the analytic hierarchy process
 * ({@link org.crmkit.core.value.Ahp}), value tiers ({@link org.crmkit.core.value.ValueTiers}),
 * the current × potential value matrix ({@link org.crmkit.core.value.ValueMatrix}) and lifecycle
 * stages at an analysis date ({@link org.crmkit.core.value.LifecycleStages}).
 *
 * <p>Results are immutable records that expose {@code toTable()}; bad input raises an
 * {@link java.lang.IllegalArgumentException} naming the value and the customer.
 *
 * <p>Sources:
 *
 * <ul>
 *   <li>Gupta, S. &amp; Lehmann, D. R. (2003). Customers as assets. Journal of Interactive
 *       Marketing 17(1), 9–24. doi:10.1002/dir.10045 (retention-based CLV m·r/(1 + i − r).)
 *   <li>Berger, P. D. &amp; Nasr, N. I. (1998). Customer lifetime value: marketing models and
 *       applications. Journal of Interactive Marketing 12(1), 17–30.
 *   <li>Fader, P. S. &amp; Hardie, B. G. S. (2010). Customer-base valuation in a contractual
 *       setting: the perils of ignoring heterogeneity. Marketing Science 29(1), 85–93.
 *       doi:10.1287/mksc.1080.0482
 *   <li>Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill, New York. (Principal
 *       eigenvector, consistency index and ratio, random index.)
 *   <li>Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European
 *       Journal of Operational Research 48(1), 9–26. doi:10.1016/0377-2217(90)90057-I
 *   <li>Alonso, J. A. &amp; Lamata, M. T. (2006). Consistency in the analytic hierarchy process:
 *       a new approach. International Journal of Uncertainty, Fuzziness and Knowledge-Based
 *       Systems 14(4), 445–459. doi:10.1142/S0218488506004114
 *   <li>Hyndman, R. J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. The
 *       American Statistician 50(4), 361–365. doi:10.1080/00031305.1996.10473566 (type-7
 *       quantiles for tiers and medians.)
 *   <li>Peppers, D., Rogers, M. &amp; Dorf, B. (1999). Is your company ready for one-to-one
 *       marketing? Harvard Business Review 77(1), 151–160. (Most valuable and most growable
 *       customers.)
 * </ul>
 */
package org.crmkit.core.value;
