/**
 * A built-in emulator of the vendor's API and hosted flow page, for dev mode, tests and demos. Served in dev and
 * test mode only; no production package may use it.
 */
package io.flowgate.sandbox;
