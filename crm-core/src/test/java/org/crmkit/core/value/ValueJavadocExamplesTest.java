package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

/** The code examples of the value package's Javadoc, as written. */
class ValueJavadocExamplesTest {

  private static final List<String> IDS = List.of("C001", "C042", "C077", "C100", "C123");

  @Test
  void valueScorerExample() {
    List<String> ids = IDS;
    double[] revenue = {100, 900, 400, 50, 300};
    double[] orders = {2, 9, 4, 1, 3};
    double[] complaints = {0, 4, 0, 1, 0};

    Map<String, Double> w = new LinkedHashMap<>();
    w.put("revenue", 0.5); w.put("orders", 0.3); w.put("complaints", 0.2);
    ValueScores s = ValueScorer.of(w).withLowerIsBetter("complaints")
        .withNormalisation(Normalisation.PERCENTILE)
        .score(ids, Map.of("revenue", revenue, "orders", orders, "complaints", complaints));
    ValueTiers tiers = ValueTiers.byQuantiles(s.customerIds(), s.scores(), 0.2, 0.5);

    // C042: revenue and orders rank 5 of 5 (1.0), complaints rank 5 reversed (0.0): 0.8
    assertEquals(0.8, s.score("C042"), 1e-15);
    assertEquals(ValueTier.HIGH, tiers.tier("C042"));
  }

  @Test
  void valueTiersExample() {
    List<String> ids = IDS;
    double[] clv = {1500, 150, 800, 200, 1000};

    ValueTiers t = ValueTiers.byThresholds(ids, clv, 1000, 200);   // high >= 1000, medium >= 200
    ValueTiers q = ValueTiers.byQuantiles(ids, clv, 0.2, 0.5);     // top 20 %, bottom 50 %
    q.counts();   // {HIGH=.., MEDIUM=.., LOW=..}

    assertEquals(Map.of(ValueTier.HIGH, 2L, ValueTier.MEDIUM, 2L, ValueTier.LOW, 1L),
        t.counts());
    // Q(0.8) of 150 200 800 1000 1500: h = 3.2 -> 1000 + 0.2 * 500 = 1100; Q(0.5) = 800
    assertEquals(Map.of(ValueTier.HIGH, 1L, ValueTier.MEDIUM, 2L, ValueTier.LOW, 2L),
        q.counts());
  }

  @Test
  void valueMatrixExample() {
    List<String> ids = IDS;
    double[] currentValue = {500, 50, 400, 20, 300};
    double[] potentialValue = {900, 800, 10, 30, 700};

    ValueMatrix m = ValueMatrix.byMedians(ids, currentValue, potentialValue);
    m.quadrant("C042");                       // MOST_GROWABLE
    m.withLabels(Map.of(Quadrant.LOW_VALUE, "basic service")).toTable();

    assertEquals(Quadrant.MOST_GROWABLE, m.quadrant("C042"));
  }

  @Test
  void lifecycleExamples() {
    TransactionLog log = TransactionLog.builder()
        .add("C042", LocalDate.of(2023, 11, 1), 40).add("C042", LocalDate.of(2024, 2, 1), 40)
        .add("C100", LocalDate.of(2024, 6, 1), 10)
        .build();
    LocalDate asOf = LocalDate.of(2024, 6, 30);

    LifecycleStages<ActivityStage> a = LifecycleStages.of(log, asOf, ActivityRules.defaults());
    LifecycleStages<RelationshipStage> r = LifecycleStages.of(log, asOf, RelationshipRules.defaults());
    a.counts();          // customers per stage, every stage listed
    a.stage("C042");     // AT_RISK

    LifecycleStages<ActivityStage> s = LifecycleStages.of(log, LocalDate.of(2024, 6, 30),
        ActivityRules.defaults().withLapsedAfter(Period.ofMonths(12)));
    s.counts();   // {NEW=.., REACTIVATED=.., ACTIVE=.., AT_RISK=.., LAPSED=..}

    assertEquals(ActivityStage.AT_RISK, a.stage("C042"));   // last 2024-02-01: 150 days
    assertEquals(RelationshipStage.ATTRACT, r.stage("C100"));
    assertEquals(5, s.counts().size());
  }
}
