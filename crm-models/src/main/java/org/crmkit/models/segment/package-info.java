/**
 * Customer segmentation: feature tables, scaling, clustering, validity indices and segment
 * profiles.
 *
 * <pre>{@code
 * FeatureTable raw = FeatureTable.fromRfm(RfmScorer.defaults().score(log, analysisDate));
 * FittedScaler scaler = Scaler.zScore().withLog1p("orders", "monetary").fit(raw);
 * FeatureTable x = scaler.transform(raw);
 * KSelection sel = KSelection.of(x, 2, 8, k -> KMeansClusterer.withK(k).withSeed(42));
 * Clusters segments = sel.clusters(sel.best(KSelection.Criterion.SILHOUETTE));
 * SegmentProfiles profiles = SegmentProfiles.of(raw, segments);
 * Assignment next = segments.assign(scaler.transform(newCustomers));
 * }</pre>
 *
 * <p>Entry points: {@link org.crmkit.models.segment.FeatureTable},
 * {@link org.crmkit.models.segment.Scaler}, the {@link org.crmkit.models.segment.Clusterer}s
 * ({@link org.crmkit.models.segment.KMeansClusterer},
 * {@link org.crmkit.models.segment.GMeansClusterer},
 * {@link org.crmkit.models.segment.DbscanClusterer},
 * {@link org.crmkit.models.segment.HierarchicalClusterer},
 * {@link org.crmkit.models.segment.GaussianMixtureClusterer}),
 * {@link org.crmkit.models.segment.Validity}, {@link org.crmkit.models.segment.KSelection} and
 * {@link org.crmkit.models.segment.SegmentProfiles}.
 *
 * <p><b>Smile and its licence.</b> G-means, DBSCAN, hierarchical clustering and k-means with
 * {@link org.crmkit.models.segment.KMeansClusterer.Engine#SMILE} run on Smile 4.4.2 (smile-core +
 * smile-base only), which is GPL-3.0 (or commercial): an application that ships them is bound by
 * the GPL. This package and {@code churn} are the only ones of crmkit that load Smile classes.
 * Feature tables, scaling, k-means with the default engine (crmkit's own), Gaussian mixtures
 * (Commons Math, Apache-2.0), validity indices, k selection and profiles do not touch Smile. Smile
 * logs every k-means iteration at INFO under the logger {@code smile}; set it to WARN to keep logs
 * quiet.
 *
 * <p><b>Reproducibility.</b> crmkit's k-means and the silhouette sample draw from a
 * {@link java.util.SplittableRandom} seeded with the clusterer's (or the call's) seed. Smile's
 * random numbers come from {@code smile.math.MathEx}, one generator per thread; the Smile-based
 * clusterers reseed the calling thread's generator with their seed immediately before fitting
 * ({@code MathEx.setSeed}), and Smile 4.4.2 draws all of a fit's random numbers on that thread
 * (its parallel streams only compute distances and sums), so a fit with the same data, options
 * and seed gives the same segments on any thread. Segments are then renumbered by decreasing
 * size.
 *
 * <p>Sources:
 *
 * <ul>
 *   <li>Lloyd, S. P. (1982). Least squares quantization in PCM. IEEE Transactions on Information
 *       Theory 28(2), 129–137. doi:10.1109/TIT.1982.1056489
 *   <li>Arthur, D. &amp; Vassilvitskii, S. (2007). k-means++: the advantages of careful seeding.
 *       Proceedings of SODA 2007, 1027–1035. doi:10.5555/1283383.1283494
 *   <li>Hamerly, G. (2010). Making k-means even faster. Proceedings of the 2010 SIAM
 *       International Conference on Data Mining, 130–140. doi:10.1137/1.9781611972801.12
 *   <li>Kanungo, T., Mount, D. M., Netanyahu, N. S., Piatko, C. D., Silverman, R. &amp; Wu, A. Y.
 *       (2002). An efficient k-means clustering algorithm: analysis and implementation. IEEE
 *       TPAMI 24(7), 881–892. doi:10.1109/TPAMI.2002.1017616
 *   <li>Pelleg, D. &amp; Moore, A. (2000). X-means: extending k-means with efficient estimation of
 *       the number of clusters. Proceedings of ICML 2000, 727–734. (Not offered: Smile 4.4.2's
 *       XMeans never splits; see {@link org.crmkit.models.segment.GMeansClusterer}.)
 *   <li>Hamerly, G. &amp; Elkan, C. (2003). Learning the k in k-means. Advances in Neural
 *       Information Processing Systems 16 (NIPS 2003).
 *   <li>Ester, M., Kriegel, H.-P., Sander, J. &amp; Xu, X. (1996). A density-based algorithm for
 *       discovering clusters in large spatial databases with noise. Proceedings of KDD-96,
 *       226–231.
 *   <li>Ward, J. H. (1963). Hierarchical grouping to optimize an objective function. JASA
 *       58(301), 236–244. doi:10.1080/01621459.1963.10500845
 *   <li>Lance, G. N. &amp; Williams, W. T. (1967). A general theory of classificatory sorting
 *       strategies: 1. Hierarchical systems. The Computer Journal 9(4), 373–380.
 *       doi:10.1093/comjnl/9.4.373
 *   <li>Dempster, A. P., Laird, N. M. &amp; Rubin, D. B. (1977). Maximum likelihood from incomplete
 *       data via the EM algorithm. JRSS B 39(1), 1–38.
 *       doi:10.1111/j.2517-6161.1977.tb01600.x
 *   <li>Schwarz, G. (1978). Estimating the dimension of a model. Annals of Statistics 6(2),
 *       461–464. doi:10.1214/aos/1176344136
 *   <li>Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and
 *       validation of cluster analysis. Journal of Computational and Applied Mathematics 20,
 *       53–65. doi:10.1016/0377-0427(87)90125-7
 *   <li>Davies, D. L. &amp; Bouldin, D. W. (1979). A cluster separation measure. IEEE TPAMI 1(2),
 *       224–227. doi:10.1109/TPAMI.1979.4766909
 *   <li>Caliński, T. &amp; Harabasz, J. (1974). A dendrite method for cluster analysis.
 *       Communications in Statistics 3(1), 1–27. doi:10.1080/03610927408827101
 *   <li>Hyndman, R. J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. The
 *       American Statistician 50(4), 361–365. doi:10.1080/00031305.1996.10473566
 *   <li>Hughes, A. M. (1994). Strategic Database Marketing. Probus (RFM).
 * </ul>
 */
package org.crmkit.models.segment;
