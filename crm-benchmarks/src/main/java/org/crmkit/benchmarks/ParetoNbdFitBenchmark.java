package org.crmkit.benchmarks;

import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.models.clv.ParetoNbd;

/**
 * {@link ClvFitBenchmark} for Pareto/NBD on {@link SyntheticSummaries#paretoNbd}. The issue's
 * target is 5 s for a million customers on this 2-core machine (lifetimes, the Python peer:
 * 398 s).
 */
public class ParetoNbdFitBenchmark extends ClvFitBenchmark {

  @Override
  CustomerSummaries simulate(int customers, long seed) {
    return SyntheticSummaries.paretoNbd(customers, seed);
  }

  @Override
  Object fitModel(CustomerSummaries data) {
    return ParetoNbd.fit(data);
  }

  @Override
  double logLikelihoodAtTruth(WeightedSummaries table) {
    return SyntheticSummaries.PARETO_NBD.logLikelihood(table);
  }
}
