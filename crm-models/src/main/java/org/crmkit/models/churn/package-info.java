/**
 * Churn prediction: labels, leakage-free features at a cutoff date, classifiers, calibration,
 * evaluation and risk scoring.
 *
 * <ol>
 *   <li>Labels: {@link org.crmkit.models.churn.ChurnLabels#nonContractual} (no purchase in a window
 *       after the cutoff) and {@link org.crmkit.models.churn.ChurnLabels#contractual}
 *       (subscription ends before a date).
 *   <li>Features: {@link org.crmkit.models.churn.ChurnFeatures#at} builds a
 *       {@link org.crmkit.models.churn.FeatureTable} (recency, frequency, monetary, tenure,
 *       inter-purchase times, trend, BG/NBD P(alive) and expected purchases, survey and ticket
 *       features) from the log cut at the cutoff: it cannot see later rows.
 *   <li>Classifiers: {@link org.crmkit.models.churn.ChurnClassifier} (logistic regression, random
 *       forest — crmkit's own or Smile's — and gradient boosting) with {@link org.crmkit.models.churn.ClassWeights} and
 *       {@link org.crmkit.models.churn.Calibration} ({@link org.crmkit.models.churn.PlattScaling},
 *       {@link org.crmkit.models.churn.IsotonicRegression}); fitted models are
 *       {@link org.crmkit.models.churn.ChurnPredictor}s.
 *   <li>Evaluation, in plain Java: {@link org.crmkit.models.churn.ChurnMetrics} (ROC AUC, average
 *       precision, log loss, Brier), {@link org.crmkit.models.churn.ConfusionMatrix},
 *       {@link org.crmkit.models.churn.GainsTable},
 *       {@link org.crmkit.models.churn.CalibrationTable},
 *       {@link org.crmkit.models.churn.ChurnEvaluation},
 *       {@link org.crmkit.models.churn.CrossValidation} over
 *       {@link org.crmkit.models.churn.StratifiedKFold} folds, and
 *       {@link org.crmkit.models.churn.PermutationImportance}.
 *   <li>Scoring: {@link org.crmkit.models.churn.ChurnScores} with
 *       {@link org.crmkit.models.churn.RiskTiers} and value at risk (probability × CLV).
 * </ol>
 *
 * <p><b>Smile and its licence.</b> Logistic regression, gradient boosting and the random forest's
 * {@link org.crmkit.models.churn.ChurnClassifier.Engine#SMILE} engine are Smile 4.4.2's
 * (smile-core and smile-base only; the parent POM excludes Smile's heavy transitive
 * dependencies). The random forest's default engine,
 * {@link org.crmkit.models.churn.ChurnClassifier.Engine#CRMKIT}, is crmkit's own and uses no
 * Smile class. Smile is GPL-3.0 (or commercial) and stays a dependency of crm-models: an
 * application that ships with {@link org.crmkit.models.churn.ChurnClassifier} ships Smile under
 * its terms, whichever engine it uses. Only {@code SmileBackend} in this package calls Smile;
 * features, labels, the crmkit forest, metrics, cross-validation of fixed scores, calibrators and
 * scores do not, but they share the package with classes that do.
 *
 * <p>Sources:
 *
 * <ul>
 *   <li>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005). "Counting your customers" the easy
 *       way: an alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 *       doi:10.1287/mksc.1040.0098 (BG/NBD features)
 *   <li>Breiman, L. (2001). Random forests. Machine Learning 45(1), 5–32.
 *       doi:10.1023/A:1010933404324 (forest; permutation importance)
 *   <li>Breiman, L., Friedman, J. H., Olshen, R. A. &amp; Stone, C. J. (1984). Classification
 *       and Regression Trees. Wadsworth. (CART trees and Gini impurity of crmkit's forest)
 *   <li>Friedman, J. H. (2001). Greedy function approximation: a gradient boosting machine. Annals
 *       of Statistics 29(5), 1189–1232. doi:10.1214/aos/1013203451
 *   <li>Friedman, J. H. (2002). Stochastic gradient boosting. Computational Statistics &amp; Data
 *       Analysis 38(4), 367–378. doi:10.1016/S0167-9473(01)00065-2
 *   <li>Platt, J. C. (1999). Probabilistic outputs for support vector machines and comparisons to
 *       regularized likelihood methods. In Advances in Large Margin Classifiers, MIT Press, 61–74.
 *   <li>Lin, H.-T., Lin, C.-J. &amp; Weng, R. C. (2007). A note on Platt's probabilistic outputs
 *       for support vector machines. Machine Learning 68(3), 267–276.
 *       doi:10.1007/s10994-007-5018-6
 *   <li>Ayer, M., Brunk, H. D., Ewing, G. M., Reid, W. T. &amp; Silverman, E. (1955). An empirical
 *       distribution function for sampling with incomplete information. Annals of Mathematical
 *       Statistics 26(4), 641–647. doi:10.1214/aoms/1177728423 (pool adjacent violators)
 *   <li>Zadrozny, B. &amp; Elkan, C. (2002). Transforming classifier scores into accurate
 *       multiclass probability estimates. KDD '02, 694–699. doi:10.1145/775047.775151 (isotonic
 *       calibration)
 *   <li>Hanley, J. A. &amp; McNeil, B. J. (1982). The meaning and use of the area under a receiver
 *       operating characteristic (ROC) curve. Radiology 143(1), 29–36.
 *       doi:10.1148/radiology.143.1.7063747
 *   <li>Davis, J. &amp; Goadrich, M. (2006). The relationship between precision-recall and ROC
 *       curves. ICML '06, 233–240. doi:10.1145/1143844.1143874
 *   <li>Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *       Weather Review 78(1), 1–3. doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2
 *   <li>Fisher, A., Rudin, C. &amp; Dominici, F. (2019). All models are wrong, but many are
 *       useful. JMLR 20(177), 1–81 (model reliance: permutation importance).
 * </ul>
 */
package org.crmkit.models.churn;
