/**
 * Resuming a session: a new link into the same vendor session for a person who lost the tab or changed device.
 * Uses {@code session}, {@code callback} and {@code store}.
 */
package io.flowgate.flow.resumption;
