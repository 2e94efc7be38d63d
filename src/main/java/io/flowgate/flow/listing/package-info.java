/**
 * The caller's listing of its own sessions ({@code listSessions}): the request's checks, the filters, the signed
 * page tokens bound to the caller and the filters. Uses {@code session}, {@code request}, {@code creation} (the
 * refusal of a flow the caller may not use), {@code signing}, {@code store} and {@code config}.
 */
package io.flowgate.flow.listing;
