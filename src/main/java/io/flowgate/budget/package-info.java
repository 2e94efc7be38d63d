/**
 * Time budgets: how long a piece of work may take, on the monotonic clock. A function's entry point sets the
 * budget of its invocation ({@link InvocationBudget#within}) from its Lambda invocation's remaining time and
 * API Gateway's limit; the vendor client gives each attempt at most what is left of it, and scheduled work
 * takes no new piece once too little is left. Depends on nothing of flowgate's; everything may use it.
 */
package io.flowgate.budget;
