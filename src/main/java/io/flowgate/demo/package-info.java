/**
 * The demo integrator's pages in dev mode. Served in dev mode only; no production package
 * may use it.
 */
package io.flowgate.demo;
