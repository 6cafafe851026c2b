package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BgFamilyTest {

  // h(R, A, a, B, t) = E[(1 - (1 + p t / A)^-R) / p], p ~ Beta(a, B), by direct numerical
  // integration over p with mpmath 1.3.0 (mp.quad, 30 digits): independent of the
  // hypergeometric closed form. Covers a = 1 (the removable singularity), a within 5e-5 of 1
  // with z near 1, a + B < 1.5 (the contiguous-relation branch), z = 0.9991 and large R.
  private static final double[][] QUADRATURE = {
      {0.243, 4.414, 1.0, 2.426, 52, 1.2899882524840689},
      {0.243, 4.414, 1.0, 2.426, 400, 3.4237974368638211},
      {0.243, 4.414, 1.00005, 2.426, 400, 3.4236091964909914},
      {0.5, 3, 0.3, 0.4, 20, 1.7032655347889521},
      {0.5, 3, 0.3, 0.4, 300, 11.115366581379843},
      // integrand singular at both ends: reference from the closed form in mpmath (40 digits),
      // which the contiguous relation B/(a+B) h(a, B+1) + 1 - (1-z)^R 2F1(R, B; a+B; z) confirms
      {2.0, 1.0, 0.6, 0.2, 5, 1.9079753414552312},
      {0.243, 4.414, 0.793, 2.426, 5000, 11.987053076811554},
      {26.243, 35.414, 0.793, 28.426, 52, 26.584559702377584},
      {1.5, 0.01, 2.5, 3.0, 1e4, 2.9999997696199162},
  };

  @Test
  void expectedCountMatchesQuadrature() {
    for (double[] c : QUADRATURE) {
      double h = BgFamily.expectedCount(c[0], c[1], c[2], c[3], c[4]);
      assertEquals(c[5], h, 1e-9 * c[5], () -> java.util.Arrays.toString(c));
    }
  }

  @Test
  void expectedCountIsContinuousAcrossAEqualsOne() {
    for (double t : new double[] {1, 39, 52, 400, 1e5}) {
      double below = BgFamily.expectedCount(0.243, 4.414, 1 - 1e-3 - 1e-9, 2.426, t);
      double at = BgFamily.expectedCount(0.243, 4.414, 1, 2.426, t);
      double above = BgFamily.expectedCount(0.243, 4.414, 1 + 1e-3 + 1e-9, 2.426, t);
      // the branches (series below 1e-3 from a = 1, 2F1 beyond) meet to second order
      assertEquals(at, 0.5 * (below + above), 1e-5 * at, "t=" + t);
    }
    // mpmath 1.3.0 quadrature at a = 1, t = 1e5 (z = 0.99996): 13.384955006742355
    assertEquals(13.384955006742355, BgFamily.expectedCount(0.243, 4.414, 1, 2.426, 1e5),
        1e-10 * 13.38);
  }
}
