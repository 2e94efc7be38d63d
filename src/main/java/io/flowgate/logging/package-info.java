/**
 * The context of the invocation being served, in the logging MDC: each log line of an invocation carries its request
 * ids and, once known, its session, flow and caller (JSON fields in production). Never personal data: ids and
 * names of configuration only. Depends on nothing of flowgate's; everything may use it.
 */
package io.flowgate.logging;
