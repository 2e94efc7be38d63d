/**
 * Redaction: erasing a final session's personal data (its results, the document fields read from them, its archived
 * video, a review's note) and keeping a tombstone. Uses {@code session}, {@code webhook} and {@code store}.
 */
package io.flowgate.flow.redaction;
