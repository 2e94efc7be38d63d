/**
 * The browser's return: the signed, expiring state token that names the session, the verification URL that
 * carries it to the vendor, and the callback's check-collect-redirect. Uses {@code result} and {@code config}.
 */
package io.flowgate.flow.callback;
