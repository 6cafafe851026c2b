/**
 * Probabilistic customer-lifetime-value models: {@link org.crmkit.models.clv.BgNbd},
 * {@link org.crmkit.models.clv.MbgNbd}, {@link org.crmkit.models.clv.ParetoNbd} and the
 * {@link org.crmkit.models.clv.GammaGamma} spend model, fitted by maximum likelihood from
 * customer summaries ({@link org.crmkit.core.summary.CustomerSummaries},
 * {@link org.crmkit.core.summary.WeightedSummaries}); {@link org.crmkit.models.clv.BgBb} for
 * transactions at discrete opportunities (fitted to a recency/frequency table with counts) and
 * the shifted-beta-geometric {@link org.crmkit.models.clv.ShiftedBetaGeometric} for contract
 * renewals (one or several cohorts); customer lifetime value
 * ({@link org.crmkit.models.clv.Clv}, {@link org.crmkit.models.clv.ClvTable}) with discount
 * rates stated per year ({@link org.crmkit.models.clv.Discounting}); and a
 * {@link org.crmkit.models.clv.LikelihoodRatioTest} between nested fits.
 *
 * <p><b>Checking and uncertainty.</b> {@link org.crmkit.models.clv.Diagnostics} returns the
 * usual model checks as tables (calibration frequency histogram, holdout expectation by
 * frequency, tracking series, P(alive) matrix, AIC/BIC); {@link org.crmkit.models.clv.Bootstrap}
 * gives customer-level bootstrap percentile intervals for parameters and predictions, seeded
 * and independent of the number of cores.
 *
 * <p><b>Fitting.</b> Identical rows are merged and weighted; parameters are optimised on the log
 * scale by Nelder–Mead (on a systematic subsample of at most 20,000 rows for large tables), then
 * BFGS with analytic gradients, then Newton steps with a Hessian from central differences of the
 * gradient, until the Newton decrement g'H⁻¹g is below 1e-8. Times are divided internally by
 * (max T)/10 and money by the mean spend, so daily and weekly data (or cents and dollars) run
 * the same optimisation; estimates are reported in the data's units. Standard errors come from
 * that Hessian by the delta method. Log-likelihoods are summed in parallel over fixed chunks of
 * rows and added in a fixed order, so results do not depend on the number of cores. Every fit
 * carries a {@link org.crmkit.core.model.FitReport}; a fit that did not converge says so there
 * and in its {@code toString()}.
 *
 * <p><b>Large tables.</b> Rows are compressed by a radix sort of packed (x, rank t_x, rank T)
 * keys. The likelihoods factor each row into terms of (x, T) and (x, t_x), computed once per
 * distinct pair (a few tens of thousands for a million daily customers) and kept in linear
 * scale within each x, so that a row costs one logarithm; table predictions likewise evaluate
 * their expensive part once per distinct pair (primitive hash, no boxing) and scatter back.
 *
 * <p><b>Discounting and CLV.</b> Rates are effective annual rates d, converted inside to the
 * continuous δ = ln(1 + d) per year, divided by the periods per year of the model's unit, and
 * to the monthly m = (1 + d)^(1/12) − 1 of lifetimes' monthly cash-flow form. DERT has a closed
 * form for the Pareto/NBD (Tricomi's U(s, s, z) = e^z Γ(1 − s, z), our own upper incomplete
 * gamma for negative first arguments) and is a Gauss–Kronrod quadrature of the discounted
 * purchase intensity for BG/NBD and MBG/NBD.
 *
 * <p><b>Time.</b> A model's time parameters are in its {@link java.time.temporal.ChronoUnit};
 * horizons are given either as numbers in that unit or as {@link java.time.Period} /
 * {@link java.time.Duration} (a year is 365.2425 days, see
 * {@link org.crmkit.core.summary.TimeUnits}). Table predictions convert summaries given in
 * another unit.
 *
 * <p><b>Numerics.</b> Likelihoods are in log space with log-sum-exp; ln Γ, ln B, ψ and the
 * regularised incomplete beta are Commons Math's. The Gauss hypergeometric function is our own
 * (series; Pfaff's transformation for z &lt; −½; the 1 − z connection formula, interpolated in c
 * where c − a − b is an integer; an iteration cap that throws rather than return NaN). The BG
 * expectations are evaluated through Euler's transformation with the factor (a − 1) divided out
 * analytically, so a = 1 is a regular point, where that series is well conditioned (z ≤ ¾,
 * a &lt; 20, fewer than four digits lost to cancellation, which it checks); everywhere else —
 * long horizons, large dropout shapes (a fit can end at a, b ~ 1e7 when dropout is rare), huge
 * B — as an expectation over the dropout probability by Gauss–Kronrod quadrature in logit p,
 * checked against 50-digit values. BG/NBD and MBG/NBD DERT is one quadrature over p of a closed
 * form in λ. P(alive) is the logistic of a log-odds, so it is 0, not NaN, where the odds
 * overflow. No method returns NaN: results are finite, a documented infinity, or an exception.
 *
 * <p><b>Sources</b> (formulas written from these; no code was taken from other projects):
 *
 * <ul>
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005). "Counting your customers" the
 *       easy way: An alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 *       doi:10.1287/mksc.1040.0098
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2008). Computing P(alive) using the
 *       BG/NBD model; Hardie's notes "Deriving an expression for P(X(t) = x) under the
 *       Pareto/NBD and BG/NBD models" and on the BG/NBD conditional expectation (brucehardie.com).
 *   <li>Schmittlein, D. C., Morrison, D. G. &amp; Colombo, R. (1987). Counting your customers:
 *       who are they and what will they do next? Management Science 33(1), 1–24.
 *       doi:10.1287/mnsc.33.1.1
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005). A note on implementing the
 *       Pareto/NBD model in MATLAB; Fader &amp; Hardie (2005), A note on deriving the Pareto/NBD
 *       model and related expressions; (2006) Deriving an expression for P(X(t) = x) under the
 *       Pareto/NBD model (brucehardie.com).
 *   <li>Batislam, E. P., Denizel, M. &amp; Filiztekin, A. (2007). Empirical validation and
 *       comparison of models for customer base analysis. International Journal of Research in
 *       Marketing 24(3), 201–209. doi:10.1016/j.ijresmar.2006.12.005
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005). RFM and CLV: Using iso-value
 *       curves for customer base analysis. Journal of Marketing Research 42(4), 415–430.
 *       doi:10.1509/jmkr.2005.42.4.415
 *   <li>Fader, P. S. &amp; Hardie, B. G. S. (2013). The Gamma-Gamma model of monetary value
 *       (note, brucehardie.com).
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Shang, J. (2010). Customer-base analysis in a
 *       discrete-time noncontractual setting. Marketing Science 29(6), 1086–1108.
 *       doi:10.1287/mksc.1100.0580 (BG/BB)
 *   <li>Fader, P. S. &amp; Hardie, B. G. S. (2007). How to project customer retention. Journal
 *       of Interactive Marketing 21(1), 76–90. doi:10.1002/dir.20074 (shifted-beta-geometric)
 *   <li>Fader, P. S. &amp; Hardie, B. G. S. (2010). Customer-base valuation in a contractual
 *       setting: the perils of ignoring heterogeneity. Marketing Science 29(1), 85–93.
 *       doi:10.1287/mksc.1080.0482 (DEL and DERL); and their note "Fitting the sBG model to
 *       multi-cohort data" (2017, brucehardie.com).
 *   <li>Efron, B. &amp; Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman
 *       &amp; Hall. doi:10.1201/9780429246593 (percentile intervals)
 *   <li>Abramowitz, M. &amp; Stegun, I. A. (1964). Handbook of Mathematical Functions, ch. 15
 *       (hypergeometric transformations 15.3.3–15.3.6).
 *   <li>NIST Digital Library of Mathematical Functions, ch. 8 (incomplete gamma functions),
 *       https://dlmf.nist.gov/8; Piessens, R. et al. (1983). QUADPACK.
 *       doi:10.1007/978-3-642-61786-7 (Gauss–Kronrod quadrature).
 *   <li>Wilks, S. S. (1938). The large-sample distribution of the likelihood ratio for testing
 *       composite hypotheses. Annals of Mathematical Statistics 9(1), 60–62.
 *       doi:10.1214/aoms/1177732360; Self, S. G. &amp; Liang, K.-Y. (1987), JASA 82(398),
 *       605–610, doi:10.1080/01621459.1987.10478472 (boundary cases).
 *   <li>Marsaglia, G. &amp; Tsang, W. W. (2000). A simple method for generating gamma variables.
 *       ACM Transactions on Mathematical Software 26(3), 363–372. doi:10.1145/358407.358414
 *       (simulation).
 * </ul>
 *
 * <p>This package never loads a Smile class.
 */
package org.crmkit.models.clv;
