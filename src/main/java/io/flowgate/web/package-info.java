/**
 * The endpoints that need HTTP semantics (the browser's callback with its redirect and pages, the video stream)
 * and the one problem-details mapping (RFC 9457) used by both HTTP frameworks. Uses {@code flow}, and
 * {@code client}/{@code store} only for their exception types.
 */
package io.flowgate.web;
