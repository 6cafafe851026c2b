/**
 * Immutable, validated records of what a company knows about its customers.
 *
 * <p>The fields follow the data model of the CRM documents: {@link
 * org.crmkit.core.customer.Customer customers} (acquisition date and cost, free attributes),
 * {@link org.crmkit.core.customer.Transaction transactions} (purchases and refunds),
 * {@link org.crmkit.core.customer.SurveyResponse survey responses} (NPS, CSAT, CES on a
 * {@link org.crmkit.core.customer.Scale scale}), {@link org.crmkit.core.customer.ServiceTicket
 * service tickets} (response and resolution times, contacts, reopenings) and
 * {@link org.crmkit.core.customer.Interaction interactions} (other contacts: emails, visits,
 * calls).
 *
 * <p>Every record checks its components in its constructor and throws an
 * {@link java.lang.IllegalArgumentException} whose message names the customer, the field and
 * the value: {@code customer 'C0042': score 11 is outside the NPS scale 0..10}. Dates and
 * instants must fall between {@link org.crmkit.core.Checks#MIN_DATE} and
 * {@link org.crmkit.core.Checks#MAX_DATE} (instants by their UTC date).
 *
 * <p>Optional components are nullable; the records offer {@code Optional} accessors for them
 * and {@code with…} methods that return a changed copy. A survey response's touchpoint and
 * channel, when given, must not be blank, so that "absent" has one spelling: null.
 *
 * <p>Channels, categories, touchpoints and interaction kinds are free text, because every
 * source system names them differently; only the survey
 * {@link org.crmkit.core.customer.Instrument instrument} and the ticket
 * {@link org.crmkit.core.customer.Severity severity}, which metrics group and rank by, are
 * enums.
 *
 * <p>All records are immutable and safe to share between threads.
 */
package org.crmkit.core.customer;
