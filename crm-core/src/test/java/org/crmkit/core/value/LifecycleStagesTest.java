package org.crmkit.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle stages at 2024-06-30 with hand-checked boundaries. With the default windows: a 90-day
 * window covers 2024-04-02 .. 2024-06-30, a 180-day window 2024-01-03 .. 2024-06-30.
 */
class LifecycleStagesTest {

  private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  private static TransactionLog log() {
    return TransactionLog.builder()
        .add("N1", d("2024-05-01"), 20)                                   // NEW
        .add("N2", d("2024-04-02"), 20)                                   // NEW, first day in
        .add("X1", d("2024-04-01"), 20)                                   // AT_RISK, a day out
        .add("A1", d("2023-12-01"), 10).add("A1", d("2024-03-01"), 10)
        .add("A1", d("2024-06-01"), 10).add("A1", d("2024-06-10"), -5)    // ACTIVE; refund
        .add("R1", d("2023-06-01"), 30).add("R1", d("2024-05-15"), 30)    // REACTIVATED
        .add("R2", d("2023-06-01"), 30).add("R2", d("2024-03-01"), 30)
        .add("R2", d("2024-06-01"), 30)                                   // ACTIVE: came back too early
        .add("R3", d("2023-12-04"), 30).add("R3", d("2024-06-01"), 30)    // gap exactly 180 days
        .add("R4", d("2023-12-05"), 30).add("R4", d("2024-06-01"), 30)    // gap 179 days: ACTIVE
        .add("L1", d("2023-01-01"), 40).add("L1", d("2023-12-31"), 40)    // LAPSED
        .add("L2", d("2024-01-03"), 40)                                   // AT_RISK, last day in
        .add("Z1", d("2024-02-01"), -10)                                  // refunds only
        .add("F1", d("2024-07-15"), 50)                                   // after asOf only
        .build();
  }

  @Test
  void activityStagesByHand() {
    LifecycleStages<ActivityStage> s = LifecycleStages.of(log(), AS_OF,
        ActivityRules.defaults());
    Map<String, ActivityStage> expected = Map.ofEntries(
        Map.entry("N1", ActivityStage.NEW), Map.entry("N2", ActivityStage.NEW),
        Map.entry("X1", ActivityStage.AT_RISK), Map.entry("A1", ActivityStage.ACTIVE),
        Map.entry("R1", ActivityStage.REACTIVATED), Map.entry("R2", ActivityStage.ACTIVE),
        Map.entry("R3", ActivityStage.REACTIVATED), Map.entry("R4", ActivityStage.ACTIVE),
        Map.entry("L1", ActivityStage.LAPSED), Map.entry("L2", ActivityStage.AT_RISK));
    expected.forEach((id, stage) -> assertEquals(stage, s.stage(id), id));
    assertEquals(10, s.size());
    assertEquals(2, s.withoutPurchase());   // Z1, F1
    assertEquals(2, s.refundRows());        // A1's and Z1's
    assertEquals(1, s.rowsAfterAsOf());     // F1's
    assertEquals(Map.of(ActivityStage.NEW, 2L, ActivityStage.REACTIVATED, 2L,
        ActivityStage.ACTIVE, 3L, ActivityStage.AT_RISK, 2L, ActivityStage.LAPSED, 1L),
        s.counts());
    assertThrows(IllegalArgumentException.class, () -> s.stage("Z1"));
    Table t = s.toTable();
    assertEquals(List.of("customer_id", "stage", "first_purchase", "last_purchase",
        "purchase_days"), t.columns());
    int a1 = s.customerIds().indexOf("A1");
    assertEquals(d("2023-12-01"), t.value(a1, 2));
    assertEquals(3L, t.value(a1, 4));
  }

  @Test
  void windowsMustNest() {
    assertThrows(IllegalArgumentException.class, () -> LifecycleStages.of(log(), AS_OF,
        ActivityRules.defaults().withNewWithin(Period.ofDays(120))));
    assertThrows(IllegalArgumentException.class, () -> LifecycleStages.of(log(), AS_OF,
        ActivityRules.defaults().withLapsedAfter(Period.ofDays(90))));
    // longer windows: lapsed after 12 months makes L1 (last 2023-12-31) at risk
    LifecycleStages<ActivityStage> s = LifecycleStages.of(log(), AS_OF,
        ActivityRules.defaults().withLapsedAfter(Period.ofMonths(12)));
    assertEquals(ActivityStage.AT_RISK, s.stage("L1"));
  }

  /**
   * Relationship stages, defaults (churn after 180 days, establish at 2 purchase days, mature at
   * 4, trend 180 days, growth 20 %): the recent window is 2024-01-03 .. 2024-06-30, the one
   * before 2023-07-07 .. 2024-01-02.
   */
  @Test
  void relationshipStagesByHand() {
    TransactionLog log = TransactionLog.builder()
        .add("C1", d("2023-01-01"), 10).add("C1", d("2023-12-31"), 10)     // CHURN
        .add("T1", d("2024-06-01"), 10)                                    // ATTRACT
        .add("E1", d("2024-01-10"), 10).add("E1", d("2024-02-10"), 10)
        .add("E1", d("2024-06-10"), 10)                                    // ESTABLISH (3 days)
        .add("M1", d("2023-08-01"), 100).add("M1", d("2023-10-01"), 100)
        .add("M1", d("2024-02-01"), 50).add("M1", d("2024-05-01"), 50)    // 200 -> 100: MAINTAIN
        .add("D1", d("2023-08-01"), 50).add("D1", d("2024-02-01"), 30)
        .add("D1", d("2024-03-01"), 10).add("D1", d("2024-03-01"), 20)    // same day: one day
        .add("D1", d("2024-05-01"), 10)                                    // 50 -> 70: DEVELOP
        .add("S1", d("2023-08-01"), 50).add("S1", d("2024-02-01"), 20)
        .add("S1", d("2024-03-01"), 20).add("S1", d("2024-04-01"), 10)    // 50 -> 50: MAINTAIN
        .build();
    LifecycleStages<RelationshipStage> s = LifecycleStages.of(log, AS_OF,
        RelationshipRules.defaults());
    assertEquals(RelationshipStage.CHURN, s.stage("C1"));
    assertEquals(RelationshipStage.ATTRACT, s.stage("T1"));
    assertEquals(RelationshipStage.ESTABLISH, s.stage("E1"));
    assertEquals(RelationshipStage.MAINTAIN, s.stage("M1"));
    assertEquals(RelationshipStage.DEVELOP, s.stage("D1"));
    assertEquals(RelationshipStage.MAINTAIN, s.stage("S1"));
    assertEquals(4, s.purchaseDays()[s.customerIds().indexOf("D1")]);
    // growth 0 counts any non-falling spending as developing: S1 (50 -> 50) develops
    LifecycleStages<RelationshipStage> flat = LifecycleStages.of(log, AS_OF,
        RelationshipRules.defaults().withTrend(Period.ofDays(180), 0));
    assertEquals(RelationshipStage.DEVELOP, flat.stage("S1"));
    assertEquals(RelationshipStage.MAINTAIN, flat.stage("M1"));
    assertTrue(s.toString().contains("DEVELOP"), s::toString);
    assertThrows(IllegalArgumentException.class,
        () -> RelationshipRules.defaults().withPurchaseDays(1, 4));
    assertThrows(IllegalArgumentException.class,
        () -> RelationshipRules.defaults().withPurchaseDays(3, 2));
  }

  @Test
  void callersOwnRules() {
    LifecycleRules<ValueTier> bySpend = new LifecycleRules<>() {
      @Override
      public Class<ValueTier> stageType() {
        return ValueTier.class;
      }

      @Override
      public ValueTier stageOf(PurchaseHistory h) {
        double total = h.spendBetween(h.firstPurchase(), h.asOf());
        return total >= 60 ? ValueTier.HIGH : total >= 30 ? ValueTier.MEDIUM : ValueTier.LOW;
      }
    };
    LifecycleStages<ValueTier> s = LifecycleStages.of(log(), AS_OF, bySpend);
    assertEquals(ValueTier.HIGH, s.stage("L1"));     // 80
    assertEquals(ValueTier.MEDIUM, s.stage("A1"));   // 30: the refund is not spend
    assertEquals(ValueTier.LOW, s.stage("N1"));      // 20
  }
}
