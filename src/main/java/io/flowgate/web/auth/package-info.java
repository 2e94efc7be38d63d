/**
 * Authentication of callers by hashed bearer tokens, deny by default: every route needs a token unless
 * {@link io.flowgate.web.auth.PublicRoutes} names it.
 */
package io.flowgate.web.auth;
