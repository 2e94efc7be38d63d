/** Keys derived from the state secret, one per purpose, and the HMAC-SHA256 they sign with. */
package io.flowgate.flow.signing;
