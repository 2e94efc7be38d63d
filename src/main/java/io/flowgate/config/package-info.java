/**
 * The configuration tree ({@code flowgate.*}, one {@code @ConfigMapping}), its start-up checks and the clock.
 * Depends on no other package of flowgate.
 */
package io.flowgate.config;
