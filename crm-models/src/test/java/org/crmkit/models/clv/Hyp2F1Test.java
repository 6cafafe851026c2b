package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Hyp2F1Test {

  // Target values computed with mpmath 1.3.0, mp.hyp2f1 at 40 digits: {a, b, c, z, value}.
  private static final double[][] MPMATH = {
      {1, 1, 2, 0.3, 1.1889164797957746},
      {1, 1, 2, 0.9, 2.5584278811044954},
      {1, 1, 2, -5, 0.358351893845611},
      {0.5, 0.5, 1.5, 0.7, 1.1846587084327787},
      {2.976, -0.207, 2.219, 0.6, 0.74280184919845715},
      {0.243, 2.426, 2.219, 0.946, 2.3834119091635901},
      {0.243, 2.426, 2.219, 0.99, 4.3752613674085372},
      {0.243, 2.426, 2.219, 0.9999, 29.996187028101585},
      {26.243, 28.426, 28.219, 0.62, 129032613939.51196},
      {1.5, 2.5, 4.0, 0.95, 7.824226341235016},
      {1.5, 2.5, 5.0, 0.97, 4.2802946995453111},
      {3.2, -1.3, 0.7, 0.8, -0.77632986865409394},
      {0.3, 0.7, 2.0, -30.0, 0.55692205809907778},
      {10.5, 0.5, 3.0, -0.9, 0.46346143369671694},
      {0.5, 0.25, 1.75, 0.999999, 1.1441376641669429},
      {200.25, 202.5, 202.3, 0.3, 1.1215877750705025e+31},
      {2.0, 3.0, 6.0, 0.75, 3.0582233189222227},
      {-2.0, 1.5, 3.0, 0.9, 0.35312499999999999},
      {0.793, 0.25, 1.2, 0.98, 1.5942936989536662},
  };

  @Test
  void matchesMpmath() {
    for (double[] t : MPMATH) {
      double v = Hyp2F1.value(t[0], t[1], t[2], t[3]);
      assertEquals(t[4], v, 1e-11 * Math.abs(t[4]),
          () -> String.format("2F1(%s, %s; %s; %s)", t[0], t[1], t[2], t[3]));
    }
  }

  @Test
  void cancellingValueToAbsoluteTolerance() {
    // mpmath 1.3.0: 2F1(2.976, -0.207; 2.219; 0.946) = -0.0029996631819428372
    assertEquals(-0.0029996631819428372, Hyp2F1.value(2.976, -0.207, 2.219, 0.946), 1e-13);
  }

  @Test
  void nearIntegerCMinusAMinusBIsInterpolated() {
    // c - a - b = 1e-7 away from 0: the 1 - z formula is singular there. mpmath 1.3.0.
    assertEquals(3.9987510641001149, Hyp2F1.value(1.0, 2.0, 3.0000001, 0.93),
        1e-9 * 3.9987510641001149);
    // c - a - b = 0 exactly and z so close to 1 that the series path is not taken
    assertEquals(6.9146699489310672, Hyp2F1.value(1, 1, 2, 0.999), 1e-9 * 6.91);
    // exactly integer c - a - b with a negative parameter (not the positive-series path)
    double z = 0.8;
    // 2F1(-0.5, 1; 1.5; z)... closed form via 2F1(a, b; b; z) = (1 - z)^-a with c - a - b = 1
    assertEquals(Math.pow(1 - z, 0.5), Hyp2F1.value(-0.5, 1.5, 1.5, z), 1e-12);
  }

  @Test
  void closedForms() {
    for (double z : new double[] {-50, -3, -0.9, -0.3, 0.1, 0.45, 0.55, 0.8, 0.95, 0.9999}) {
      // 2F1(1, 1; 2; z) = -ln(1 - z) / z
      // (c - a - b = 0: for z > 0.99 the interpolated connection formula, good to ~1e-10)
      assertEquals(-Math.log1p(-z) / z, Hyp2F1.value(1, 1, 2, z),
          (z > 0.99 ? 1e-9 : 1e-12) * Math.abs(Math.log1p(-z) / z), "ln at " + z);
      // 2F1(a, b; b; z) = (1 - z)^-a
      assertEquals(Math.pow(1 - z, -0.37), Hyp2F1.value(0.37, 2.5, 2.5, z),
          1e-12 * Math.pow(1 - z, -0.37), "power at " + z);
      if (z > 0) {
        double s = Math.sqrt(z);
        // 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z
        assertEquals(Math.asin(s) / s, Hyp2F1.value(0.5, 0.5, 1.5, z), 1e-12, "asin at " + z);
      } else {
        double s = Math.sqrt(-z);
        // 2F1(1/2, 1; 3/2; -z^2) = arctan(z) / z
        assertEquals(Math.atan(s) / s, Hyp2F1.value(0.5, 1, 1.5, z), 1e-12, "atan at " + z);
      }
    }
  }

  @Test
  void gaussTheoremAtOne() {
    // 2F1(a, b; c; 1) = Γ(c)Γ(c-a-b) / (Γ(c-a)Γ(c-b)); 2F1(1, 1; 3; 1) = 2
    assertEquals(2.0, Hyp2F1.value(1, 1, 3, 1), 1e-13);
    assertEquals(2.0, Hyp2F1.value(1, 1, 3, 1 - 1e-9), 1e-6);
  }

  @Test
  void terminatingPolynomial() {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
    double b = 1.5;
    double c = 3;
    for (double z : new double[] {-4, -0.7, 0.3, 0.9}) {
      double expect = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
      assertEquals(expect, Hyp2F1.value(-2, b, c, z), 1e-12 * Math.max(1, Math.abs(expect)));
    }
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> Hyp2F1.value(1, 1, -2, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Hyp2F1.value(1, 1, 2, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Hyp2F1.value(1, 1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Hyp2F1.value(Double.NaN, 1, 2, 0.5));
  }
}
