package org.crmkit.models.segment;

import java.util.Locale;

/**
 * The validity indices of one segmentation (see {@link Validity} for the formulas).
 *
 * @param k the number of segments
 * @param customers the customers in segments (noise excluded)
 * @param noise the noise customers, left out of every index
 * @param inertia Σ ‖x − centroid(x)‖² (lower is better for a given k)
 * @param silhouette the mean silhouette, in [−1, 1] (higher is better)
 * @param silhouetteSample the number of customers the silhouette was computed on: all of them
 *     (exact) or a seeded sample
 * @param daviesBouldin the Davies–Bouldin index, &ge; 0 (lower is better)
 * @param calinskiHarabasz the Calinski–Harabasz index, &gt; 0 (higher is better)
 */
public record ValidityIndices(int k, int customers, int noise, double inertia, double silhouette,
    int silhouetteSample, double daviesBouldin, double calinskiHarabasz) {

  /** True when the silhouette used every customer in segments. */
  public boolean silhouetteExact() {
    return silhouetteSample == customers;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Validity: k = %d, %s customers%s; inertia %s, silhouette %.4f (%s), Davies-Bouldin"
            + " %.4f, Calinski-Harabasz %s", k, Fmt.count(customers),
        noise > 0 ? " (+" + Fmt.count(noise) + " noise)" : "", Fmt.num(inertia), silhouette,
        silhouetteExact() ? "exact" : "sample of " + Fmt.count(silhouetteSample), daviesBouldin,
        Fmt.num(calinskiHarabasz));
  }
}
