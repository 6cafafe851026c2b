/**
 * JMH benchmarks of crmkit (never published): transaction log build and footprint, customer
 * summaries, RFM, CSV reading, CLV fits and predictions, segmentation and churn classifiers.
 * Results, machine and commands are in BENCHMARKS.md at the top of the repository.
 */
package org.crmkit.benchmarks;
