package org.crmkit.models.churn;

import static org.crmkit.models.churn.ChurnFeaturesTest.C;
import static org.crmkit.models.churn.ChurnFeaturesTest.before;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.testing.CdnowFixture;
import org.junit.jupiter.api.Test;

class ChurnLabelsTest {

  @Test
  void nonContractualByHand() {
    TransactionLog log = TransactionLog.builder()
        .add("A", before(10), 5).add("A", before(-30), 5)      // buys again in the window
        .add("B", before(10), 5).add("B", before(-31), 5)      // window is 30 days: too late
        .add("R", before(10), 5).add("R", before(-5), -5)      // a refund is not a purchase
        .add("N", before(-3), 5)                               // new after the cutoff: no label
        .add("Z", before(1), 0).add("Z", before(-1), 0)        // $0 purchases count
        .build();
    ChurnLabels l = ChurnLabels.nonContractual(log, C, Period.ofDays(30));
    assertArrayEquals(new String[] {"A", "B", "R", "Z"}, l.customerIds());
    assertFalse(l.churned("A"));
    assertTrue(l.churned("B"));
    assertTrue(l.churned("R"));
    assertFalse(l.churned("Z"));
    assertEquals(2, l.churnedCount());
    assertEquals(0.5, l.churnRate());
    assertEquals("no purchase in (2020-06-30, 2020-07-30]", l.definition());
  }

  @Test
  void cdnowSampleChurnAt39Weeks() {
    // Independent count from the raw rows: customers with no purchase dated 1997-10-01..1998-06-30.
    LocalDate cutoff = LocalDate.of(1997, 9, 30);
    var active = new java.util.HashSet<String>();
    for (CdnowFixture.Row r : CdnowFixture.rows()) {
      if (r.date().isAfter(cutoff)) {
        active.add(r.masterId());
      }
    }
    ChurnLabels l = ChurnLabels.nonContractual(CdnowFixture.sample(), cutoff, Period.ofWeeks(39));
    assertEquals(2357, l.size());
    assertEquals(2357 - active.size(), l.churnedCount());
  }

  @Test
  void contractualByHand() {
    String[] ids = {"a", "b", "c", "d", "e"};
    LocalDate[] ends = {null, LocalDate.of(2020, 6, 30), LocalDate.of(2020, 7, 1),
        LocalDate.of(2020, 9, 30), LocalDate.of(2020, 10, 1)};
    // cutoff 2020-06-30: b ended on the cutoff day (left out); churned = ends before 2020-10-01
    ChurnLabels l = ChurnLabels.contractual(ids, ends, C, LocalDate.of(2020, 10, 1));
    assertArrayEquals(new String[] {"a", "c", "d", "e"}, l.customerIds());
    assertEquals(1, l.excluded());
    assertFalse(l.churned("a"));
    assertTrue(l.churned("c"));
    assertTrue(l.churned("d"));
    assertFalse(l.churned("e"));
    ChurnLabels all = ChurnLabels.contractual(ids, ends, LocalDate.of(2020, 7, 1));
    assertEquals(1, all.churnedCount()); // only b ends before 2020-07-01
  }

  @Test
  void alignToFollowsTheFeatureTable() {
    ChurnLabels l = ChurnLabels.of(new String[] {"x", "y", "z"}, new boolean[] {true, false, true});
    FeatureTable f = FeatureTable.of(new String[] {"z", "x"}, new String[] {"v"},
        new double[][] {{1}, {2}});
    assertArrayEquals(new int[] {1, 1}, l.alignTo(f));
    FeatureTable g = FeatureTable.of(new String[] {"x", "w"}, new String[] {"v"},
        new double[][] {{1}, {2}});
    var e = assertThrows(IllegalArgumentException.class, () -> l.alignTo(g));
    assertTrue(e.getMessage().contains("row 2, customer 'w'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ChurnLabels.of(new String[] {"x", "x"}, new boolean[2]));
    assertThrows(IllegalArgumentException.class,
        () -> ChurnLabels.contractual(new String[] {"a"}, new LocalDate[1], C, C));
  }
}
