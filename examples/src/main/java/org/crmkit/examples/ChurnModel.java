package org.crmkit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.models.churn.AtRisk;
import org.crmkit.models.churn.ChurnClassifier;
import org.crmkit.models.churn.ChurnFeatures;
import org.crmkit.models.churn.ChurnLabels;
import org.crmkit.models.churn.ChurnPredictor;
import org.crmkit.models.churn.ChurnScores;
import org.crmkit.models.churn.CrossValidation;
import org.crmkit.models.churn.FeatureTable;
import org.crmkit.models.churn.PermutationImportance;
import org.crmkit.models.churn.RiskTiers;
import org.crmkit.models.churn.StratifiedKFold;
import org.crmkit.models.clv.BgNbd;
import org.crmkit.models.clv.Clv;
import org.crmkit.models.clv.ClvTable;
import org.crmkit.models.clv.GammaGamma;
import org.crmkit.models.segment.Clusters;
import org.crmkit.models.segment.FittedScaler;
import org.crmkit.models.segment.KMeansClusterer;
import org.crmkit.models.segment.Scaler;
import org.crmkit.models.segment.SegmentProfiles;

/**
 * Churn on the full CDNOW master file (23,570 customers who first bought in Q1 1997): features at
 * 1997-09-30, label "no purchase in the next 39 weeks" (to 1998-06-30), cross-validated AUC of
 * logistic regression, random forest (crmkit's engine and Smile's) and gradient boosting against
 * the BG/NBD baselines, then the customers in k-means segments (RFM at the cutoff) with each
 * segment's churn risk and CLV at risk, and the customers most at risk.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.ChurnModel}. Arguments (optional, through
 * {@code -Dcrm.args="..."}): {@code --sample} for the bundled 1/10 sample instead of the master
 * file, {@code --folds K} (default 5), {@code --trees N} (default 100), {@code --seed S} (default
 * 42). The random forest with Smile's engine takes most of the time (about a minute per fold on
 * a busy 2-core machine; crmkit's engine needs a few seconds).
 *
 * <p>The value at risk multiplies P(churn) by the customer's CLV over the same 39 weeks
 * ({@link Clv}: BG/NBD and Gamma-Gamma fitted to the purchases up to the cutoff, with
 * {@link CustomerReport}'s 30 % margin and 10 % annual discount rate), joined by customer id
 * ({@link ChurnScores#withValues}).
 */
public final class ChurnModel {

  /** Features are built at this date (the end of the 39-week CDNOW calibration period). */
  public static final LocalDate CUTOFF = LocalDate.of(1997, 9, 30);

  /** The number of k-means segments the churn risk is broken down by. */
  static final int SEGMENTS = 4;

  /** Churned = no purchase in (cutoff, cutoff + 39 weeks] = (1997-09-30, 1998-06-30]. */
  public static final Period WINDOW = Period.ofWeeks(39);

  private ChurnModel() {}

  /** Runs the comparison and prints it to standard output. */
  public static void main(String[] args) {
    // Smile logs every boosting iteration at INFO; keep its warnings only (slf4j-simple).
    if (System.getProperty("org.slf4j.simpleLogger.log.smile") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
    }
    boolean sample = false;
    int folds = 5;
    int trees = 100;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sample" -> sample = true;
        case "--folds" -> folds = Integer.parseInt(args[++i]);
        case "--trees" -> trees = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    TransactionLog log = sample ? SampleData.cdnowSample() : cdnowMaster();
    run(log, sample ? "CDNOW 1/10 sample" : "CDNOW master", folds, trees, seed, System.out);
  }

  /**
   * The CDNOW master file bundled with the examples: 69,659 purchases of 23,570 customers, id =
   * the 5-digit customer id, date, dollar value; see {@code data/README.md}.
   */
  public static TransactionLog cdnowMaster() {
    var builder = TransactionLog.builder().expectedSize(69_659);
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    try (InputStream in = ChurnModel.class.getResourceAsStream("data/CDNOW_master.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.contains("customer_id")) {
          continue; // the header
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != 4) {
          throw new IllegalStateException(
              "CDNOW_master.txt line " + lineNo + ": expected 4 fields, found " + f.length);
        }
        builder.add(f[0], LocalDate.parse(f[1], yyyymmdd), Double.parseDouble(f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }

  /** The result of one comparison: name and mean ± sd of the folds' ROC AUC. */
  record Row(String name, double meanAuc, double sdAuc, double meanAp, double pooledAuc) {}

  /** Runs the whole comparison on {@code log} and prints it; returns the AUC rows. */
  static List<Row> run(TransactionLog log, String title, int folds, int trees, long seed,
      PrintStream out) {
    out.printf(Locale.ROOT, "crmkit churn model — %s: %,d purchases of %,d customers, %s to %s%n",
        title, log.size(), log.customerCount(), log.firstDate(), log.lastDate());

    ChurnLabels labels = ChurnLabels.nonContractual(log, CUTOFF, WINDOW);
    FeatureTable features = ChurnFeatures.at(CUTOFF).withHorizon(WINDOW).build(log);
    int[] y = labels.alignTo(features);
    out.println(labels);
    out.printf(Locale.ROOT, "Features at %s: %,d customers × %d features%n", CUTOFF,
        features.size(), features.featureCount());
    out.println();

    List<ChurnClassifier> classifiers = List.of(
        ChurnClassifier.logisticRegression(),
        ChurnClassifier.randomForest().withTrees(trees),
        ChurnClassifier.randomForest().withTrees(trees).withEngine(ChurnClassifier.Engine.SMILE),
        ChurnClassifier.gradientBoosting().withTrees(trees));
    List<Row> rows = new ArrayList<>();
    for (ChurnClassifier c : classifiers) {
      CrossValidation cv = CrossValidation.run(c.withSeed(seed), features, y, folds, seed);
      rows.add(new Row(cv.name(), cv.meanRocAuc(), cv.sdRocAuc(), cv.meanAveragePrecision(),
          cv.pooled().rocAuc()));
    }
    double[] pAlive = features.column("p_alive");
    double[] notAlive = new double[pAlive.length];
    for (int i = 0; i < pAlive.length; i++) {
      notAlive[i] = 1 - pAlive[i];
    }
    for (var base : List.of(
        CrossValidation.ofScores("BG/NBD 1 - P(alive)", notAlive, y, folds, seed),
        CrossValidation.ofScores("BG/NBD P(no purchase in 39 weeks)",
            features.column("p_no_purchase"), y, folds, seed))) {
      rows.add(new Row(base.name(), base.meanRocAuc(), base.sdRocAuc(),
          base.meanAveragePrecision(), base.pooled().rocAuc()));
    }
    out.printf(Locale.ROOT, "Stratified %d-fold cross-validation (seed %d), ROC AUC:%n", folds,
        seed);
    out.printf(Locale.ROOT, "  %-46s %8s %8s %8s %8s%n", "model", "mean", "sd", "pooled",
        "mean AP");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "  %-46s %8.4f %8.4f %8.4f %8.4f%n", r.name(), r.meanAuc(),
          r.sdAuc(), r.pooledAuc(), r.meanAp());
    }
    // P(alive) is 1 for every customer without a repeat purchase (BG/NBD lets a customer drop
    // out only after a purchase), and most of them churn: among repeat buyers it ranks well.
    double[] frequency = features.column("frequency");
    int[] repeat = java.util.stream.IntStream.range(0, y.length).filter(i -> frequency[i] > 1)
        .toArray();
    double repeatAuc = org.crmkit.models.churn.ChurnMetrics.rocAuc(pick(y, repeat),
        java.util.Arrays.stream(repeat).mapToDouble(i -> notAlive[i]).toArray());
    out.printf(Locale.ROOT, "  (1 - P(alive) among the %,d repeat buyers only: ROC AUC %.4f; "
        + "P(alive) = 1 for the %,d one-time buyers)%n", repeat.length, repeatAuc,
        y.length - repeat.length);
    out.println();

    // Permutation importance of gradient boosting on a held-out fold.
    ChurnClassifier gbt = ChurnClassifier.gradientBoosting().withTrees(trees).withSeed(seed);
    int[] fold = StratifiedKFold.folds(y, folds, seed);
    int[] train = positions(fold, false);
    int[] test = positions(fold, true);
    ChurnPredictor held = gbt.fit(features.rowsAt(train), pick(y, train));
    out.println(PermutationImportance.of(held, features.rowsAt(test), pick(y, test), 3, seed)
        .toString().replace("PermutationImportance:", "Gradient boosting, held-out fold 1:"));
    out.println();

    // Score everyone with a model fitted on all customers; the value at risk is P(churn) times
    // the customer's CLV over the window: BG/NBD and Gamma-Gamma fitted to the data up to the
    // cutoff, the report's margin and discount rate.
    ChurnPredictor model = gbt.fit(features, y);
    CustomerSummaries atCutoff = CustomerSummaries.of(log, CUTOFF, ChronoUnit.WEEKS);
    // Gamma-Gamma models positive spend, and the master file has $0 orders: a repeat buyer whose
    // repeat purchases were all $0 cannot be valued by it. Those customers are left out of the
    // spend model and given the value 0, and counted here.
    int[] valued = java.util.stream.IntStream.range(0, atCutoff.size())
        .filter(i -> atCutoff.x(i) == 0 || atCutoff.monetary(i) > 0).toArray();
    CustomerSummaries spendable = CustomerSummaries.ofColumns(
        java.util.Arrays.stream(valued).mapToObj(atCutoff::customerId).toArray(String[]::new),
        java.util.Arrays.stream(valued).map(atCutoff::x).toArray(),
        java.util.Arrays.stream(valued).mapToDouble(atCutoff::tx).toArray(),
        java.util.Arrays.stream(valued).mapToDouble(atCutoff::T).toArray(),
        java.util.Arrays.stream(valued).mapToDouble(atCutoff::monetary).toArray(),
        ChronoUnit.WEEKS);
    ClvTable clv = Clv.of(BgNbd.fit(atCutoff), GammaGamma.fit(spendable))
        .withAnnualDiscountRate(CustomerReport.ANNUAL_DISCOUNT_RATE)
        .withMargin(CustomerReport.MARGIN)
        .over(WINDOW)
        .forCustomers(spendable);
    double[] value = new double[features.size()]; // 0 for the customers left out
    double[] clvs = clv.clv();
    for (int i = 0; i < clvs.length; i++) {
      value[features.indexOf(clv.customerId(i))] = clvs[i];
    }
    out.printf(Locale.ROOT, "CLV over the 39 weeks (BG/NBD and Gamma-Gamma at the cutoff) for "
        + "%,d customers; repeat buyers whose repeat purchases were all $0, valued at 0: %,d%n",
        valued.length, atCutoff.size() - valued.length);
    ChurnScores scores = model.score(features)
        .withValues(features.customerIds(), value)
        .withTiers(RiskTiers.of(0.5, 0.8));
    out.printf(Locale.ROOT, "Risk tiers %s; CLV at risk %.2f%n", scores.tierCounts(),
        scores.totalValueAtRisk());
    out.println();

    // The customers in segments (k-means on RFM at the cutoff: weeks since the last purchase,
    // orders and spend, log1p on the skewed two, then z-scores) and each segment's churn risk.
    var rfm = org.crmkit.models.segment.FeatureTable.fromSummaries(atCutoff)
        .select("since_last_purchase", "orders", "total_spend");
    FittedScaler scaler = Scaler.zScore().withLog1p("orders", "total_spend").fit(rfm);
    Clusters segments = KMeansClusterer.withK(SEGMENTS).withSeed(seed).fit(scaler.transform(rfm));
    SegmentProfiles profiles = SegmentProfiles.withDefaults().withRevenue("total_spend")
        .withRoles("total_spend", "orders", "since_last_purchase").of(rfm, segments);
    String[] segmentOf = new String[scores.size()];
    double[] customers = new double[SEGMENTS];
    double[] risk = new double[SEGMENTS];
    double[] churned = new double[SEGMENTS];
    double[] atRisk = new double[SEGMENTS];
    for (int i = 0; i < segments.size(); i++) {
      int c = segments.segment(i);
      int row = features.indexOf(segments.customerId(i));
      segmentOf[row] = profiles.profile(c).label();
      customers[c]++;
      risk[c] += scores.probability(row);
      churned[c] += y[row];
      atRisk[c] += scores.valueAtRisk(row);
    }
    out.printf(Locale.ROOT, "Churn risk by segment (k-means, k = %d, seed %d, on weeks since the "
        + "last purchase, orders and spend at the cutoff):%n", SEGMENTS, seed);
    out.printf(Locale.ROOT, "  %-34s %9s %13s %13s %12s%n", "segment", "customers",
        "mean p(churn)", "churned (39w)", "CLV at risk");
    for (int c = 0; c < SEGMENTS; c++) {
      out.printf(Locale.ROOT, "  %-34s %,9.0f %13.3f %12.1f%% %,12.2f%n",
          c + " " + profiles.profile(c).label(), customers[c], risk[c] / customers[c],
          100 * churned[c] / customers[c], atRisk[c]);
    }
    out.println();
    out.printf(Locale.ROOT, "Top 10 customers by value at risk (P(churn) × 39-week CLV, margin "
        + "%.0f %%, %.0f %% a year):%n", 100 * CustomerReport.MARGIN,
        100 * CustomerReport.ANNUAL_DISCOUNT_RATE);
    out.printf(Locale.ROOT, "  %4s  %-8s %8s %-6s %10s %10s  %s%n", "rank", "customer",
        "p(churn)", "tier", "value", "at risk", "segment");
    for (AtRisk a : scores.topAtRisk(10)) {
      out.printf(Locale.ROOT, "  %4d  %-8s %8.4f %-6s %10.2f %10.2f  %s%n", a.rank(),
          a.customerId(), a.probability(), a.tier(), a.value(), a.valueAtRisk(),
          segmentOf[features.indexOf(a.customerId())]);
    }
    return rows;
  }

  private static int[] positions(int[] fold, boolean test) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(i -> (fold[i] == 0) == test).toArray();
  }

  private static int[] pick(int[] y, int[] at) {
    int[] out = new int[at.length];
    for (int k = 0; k < at.length; k++) {
      out[k] = y[at[k]];
    }
    return out;
  }
}
