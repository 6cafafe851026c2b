/**
 * CRM metrics with their uncertainty: survey scores (NPS, CSAT, CES) with counts, intervals and
 * comparisons, breakdowns by group, weighted indexes and SERVQUAL gaps, also straight from
 * survey-response records by touchpoint, channel and period ({@link
 * org.crmkit.core.metrics.Surveys}); service metrics from service tickets — complaint rate,
 * first-contact resolution, SLA compliance, resolution-time percentiles, reopen rate — overall,
 * by category and by channel ({@link org.crmkit.core.metrics.ServiceReport}); A/B tests and
 * sample sizes; commercial ratios, conversion funnels and period sales from a transaction log;
 * retention, churn and repeat purchase between periods, monthly acquisition cohorts, and
 * active / inactive status by an inactivity window.
 *
 * <p>Shared shapes: every metric gives n, an estimate, a standard error and an {@link
 * org.crmkit.core.metrics.Interval}; every comparison of two groups a and b is a {@link
 * org.crmkit.core.metrics.Comparison} of a − b (difference, standard error, z or t, degrees of
 * freedom, two-sided p-value, interval). Results are immutable records; bad input raises an
 * {@link java.lang.IllegalArgumentException} naming the value and its position, and an explicit
 * lenient mode excludes out-of-range scores and counts them.
 *
 * <p>Sources:
 *
 * <ul>
 *   <li>Reichheld, F. F. (2003). The one number you need to grow. Harvard Business Review
 *       81(12), 46–54. (NPS: promoters 9–10, detractors 0–6.)
 *   <li>Rocks, B. (2016). Interval estimation for the "net promoter score". The American
 *       Statistician 70(4), 365–372. doi:10.1080/00031305.2016.1158124 (variance
 *       p_P + p_D − (p_P − p_D)², Wald and adjusted Wald intervals.)
 *   <li>Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
 *       inference. JASA 22(158), 209–212. doi:10.1080/01621459.1927.10502953
 *   <li>Newcombe, R. G. (1998). Interval estimation for the difference between independent
 *       proportions: comparison of eleven methods. Statistics in Medicine 17, 873–890.
 *       doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I
 *   <li>Welch, B. L. (1947). The generalization of "Student's" problem when several different
 *       population variances are involved. Biometrika 34(1–2), 28–35.
 *       doi:10.1093/biomet/34.1-2.28
 *   <li>Parasuraman, A., Zeithaml, V. A. &amp; Berry, L. L. (1988). SERVQUAL: a multiple-item
 *       scale for measuring consumer perceptions of service quality. Journal of Retailing
 *       64(1), 12–40.
 *   <li>Fleiss, J. L., Levin, B. &amp; Paik, M. C. (2003). Statistical Methods for Rates and
 *       Proportions, 3rd ed., Wiley, chapter 4 (sample size for two proportions, without
 *       continuity correction; the equation R's {@code power.prop.test} solves).
 *   <li>Katz, D., Baptista, J., Azen, S. P. &amp; Pike, M. C. (1978). Obtaining confidence
 *       intervals for the risk ratio in cohort studies. Biometrics 34(3), 469–474.
 *       doi:10.2307/2530610 (interval of the relative uplift.)
 *   <li>Garwood, F. (1936). Fiducial limits for the Poisson distribution. Biometrika 28(3/4),
 *       437–442. doi:10.1093/biomet/28.3-4.437 (exact interval of the complaint rate.)
 *   <li>Hyndman, R. J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. The
 *       American Statistician 50(4), 361–365. doi:10.1080/00031305.1996.10473566 (type-7
 *       percentiles of resolution times.)
 * </ul>
 */
package org.crmkit.core.metrics;
