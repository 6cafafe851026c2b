package org.crmkit.benchmarks;

import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.models.clv.BgNbd;

/**
 * {@link ClvFitBenchmark} for BG/NBD on {@link SyntheticSummaries#bgNbd}. The target is
 * 0.5 s for a million customers on this 2-core machine (lifetimes, the Python peer: 9.7 s).
 */
public class BgNbdFitBenchmark extends ClvFitBenchmark {

  @Override
  CustomerSummaries simulate(int customers, long seed) {
    return SyntheticSummaries.bgNbd(customers, seed);
  }

  @Override
  Object fitModel(CustomerSummaries data) {
    return BgNbd.fit(data);
  }

  @Override
  double logLikelihoodAtTruth(WeightedSummaries table) {
    return SyntheticSummaries.BG_NBD.logLikelihood(table);
  }
}
