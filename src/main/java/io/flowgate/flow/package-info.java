/**
 * The domain: what flowgate does with a verification session, one sub-package per capability. It uses
 * {@code client} (the vendor), {@code store} (sessions) and {@code config}, and knows nothing of HTTP, Funqy or
 * DynamoDB. Its sub-packages depend on each other without cycles, in this order from the bottom: {@code request},
 * {@code decision} → {@code session} → {@code webhook}, {@code video} → {@code result} → {@code callback} →
 * {@code creation} → {@code lifecycle}; {@code cancellation} (over {@code webhook}) and {@code resumption} (over
 * {@code callback}) sit at the top beside {@code creation}.
 * {@code ArchitectureTest} keeps them without cycles.
 */
package io.flowgate.flow;
