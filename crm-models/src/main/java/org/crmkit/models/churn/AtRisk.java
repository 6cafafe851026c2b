package org.crmkit.models.churn;

/**
 * One customer of a ranked at-risk list ({@link ChurnScores#topAtRisk}).
 *
 * @param rank 1 for the customer at the top
 * @param customerId the customer's id
 * @param probability P(churn)
 * @param tier the risk tier of the probability
 * @param value the customer's value (CLV) as given, or null when no values were given
 * @param valueAtRisk probability × value, or null when no values were given
 */
public record AtRisk(int rank, String customerId, double probability, RiskTier tier, Double value,
    Double valueAtRisk) {}
