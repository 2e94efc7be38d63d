/**
 * Sessions at rest: the {@link io.flowgate.store.SessionStore} port with its DynamoDB adapter (production) and
 * in-memory adapter (dev, tests), the reference reservations, and the video archive bucket. Every state change is
 * a conditional write. Uses only {@code config}.
 */
package io.flowgate.store;
