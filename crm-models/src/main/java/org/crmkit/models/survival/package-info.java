/**
 * Survival analysis for customer retention and churn timing: Kaplan–Meier and Nelson–Aalen
 * estimates, log-rank tests, Cox proportional hazards, Harrell's concordance and retention curves
 * from tenures. Pure Java on commons-math3; this package never loads a Smile class, so it works
 * with Smile excluded from the class path.
 *
 * <p>Entry points: {@link org.crmkit.models.survival.SurvivalData},
 * {@link org.crmkit.models.survival.KaplanMeier#fit(double[], int[])},
 * {@link org.crmkit.models.survival.NelsonAalen#fit(double[], int[])},
 * {@link org.crmkit.models.survival.LogRank#test(SurvivalData)},
 * {@link org.crmkit.models.survival.CoxPh#fit(double[][], String[], double[], int[])},
 * {@link org.crmkit.models.survival.Concordance#of(double[], int[], double[])},
 * {@link org.crmkit.models.survival.RetentionCurve#fromDates}.
 *
 * <p>Conventions follow lifelines (Davidson-Pilon, doi:10.21105/joss.01317) and R's survival
 * package, and each class states where they differ. Sources:
 *
 * <ul>
 *   <li>Kaplan, E. L. &amp; Meier, P. (1958). Nonparametric estimation from incomplete
 *       observations. JASA 53(282), 457–481. doi:10.1080/01621459.1958.10501452
 *   <li>Greenwood, M. (1926). The natural duration of cancer. Reports on Public Health and
 *       Medical Subjects 33, 1–26. HMSO, London.
 *   <li>Kalbfleisch, J. D. &amp; Prentice, R. L. (2002). The Statistical Analysis of Failure Time
 *       Data, 2nd ed. Wiley. doi:10.1002/9781118032985 (log(−log) intervals).
 *   <li>Brookmeyer, R. &amp; Crowley, J. (1982). A confidence interval for the median survival
 *       time. Biometrics 38(1), 29–41. doi:10.2307/2530286
 *   <li>Nelson, W. (1972). Theory and applications of hazard plotting for censored failure data.
 *       Technometrics 14(4), 945–966. doi:10.1080/00401706.1972.10488991
 *   <li>Aalen, O. (1978). Nonparametric inference for a family of counting processes. Annals of
 *       Statistics 6(4), 701–726. doi:10.1214/aos/1176344247
 *   <li>Aalen, O., Borgan, Ø. &amp; Gjessing, H. (2008). Survival and Event History Analysis.
 *       Springer. doi:10.1007/978-0-387-68560-1 (tie-smoothed Nelson–Aalen, p. 84).
 *   <li>Mantel, N. (1966). Evaluation of survival data and two new rank order statistics arising
 *       in its consideration. Cancer Chemotherapy Reports 50(3), 163–170.
 *   <li>Peto, R. &amp; Peto, J. (1972). Asymptotically efficient rank invariant test procedures.
 *       JRSS A 135(2), 185–207. doi:10.2307/2344317
 *   <li>Cox, D. R. (1972). Regression models and life-tables. JRSS B 34(2), 187–220.
 *       doi:10.1111/j.2517-6161.1972.tb00899.x
 *   <li>Breslow, N. (1974). Covariance analysis of censored survival data. Biometrics 30(1),
 *       89–99. doi:10.2307/2529620 (ties; baseline hazard)
 *   <li>Efron, B. (1977). The efficiency of Cox's likelihood function for censored data. JASA
 *       72(359), 557–565. doi:10.1080/01621459.1977.10480613
 *   <li>Harrell, F. E., Califf, R. M., Pryor, D. B., Lee, K. L. &amp; Rosati, R. A. (1982).
 *       Evaluating the yield of medical tests. JAMA 247(18), 2543–2546.
 *       doi:10.1001/jama.1982.03320430047030
 *   <li>Harrell, F. E., Lee, K. L. &amp; Mark, D. B. (1996). Multivariable prognostic models.
 *       Statistics in Medicine 15(4), 361–387.
 *       doi:10.1002/(SICI)1097-0258(19960229)15:4&lt;361::AID-SIM168&gt;3.0.CO;2-4
 * </ul>
 */
package org.crmkit.models.survival;
