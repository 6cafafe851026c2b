/**
 * Typed, read-only tables: the common shape in which crmkit's results are written (by crm-io as
 * CSV, JSON or JSON Lines) and printed.
 */
package org.crmkit.core.table;
