/**
 * crmkit core: shared argument checks. The features live in the sub-packages:
 * {@link org.crmkit.core.customer} (records), {@link org.crmkit.core.log} (the columnar transaction
 * log and its cleaning), {@link org.crmkit.core.summary} (buy-till-you-die customer summaries) and
 * {@link org.crmkit.core.rfm} (RFM scores and segments).
 */
package org.crmkit.core;
