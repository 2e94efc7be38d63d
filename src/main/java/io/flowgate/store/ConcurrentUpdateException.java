package io.flowgate.store;

/** A conditional write lost: the stored session is not at the version the writer read. Re-read and retry. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String sessionId, long expectedVersion) {
        super("Session " + sessionId + " is no longer at version " + expectedVersion, null, false, false);
    }
}
