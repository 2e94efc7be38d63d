/**
 * A stored session as integrators read it: the caller and the flows it may use, the session's view (status,
 * technologies, document, decision, webhook delivery), look-up by id or reference, and the stored form of the
 * vendor's results. Never calls the vendor. Uses {@code request}, {@code decision} and {@code store}.
 */
package io.flowgate.flow.session;
