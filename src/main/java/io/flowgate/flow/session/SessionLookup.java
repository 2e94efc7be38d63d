package io.flowgate.flow.session;

import io.flowgate.client.VendorSessionIds;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.request.Reference;
import io.flowgate.logging.LogContext;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a stored session by its id or by the integrator's reference; never calls the vendor. */
@ApplicationScoped
public class SessionLookup {

    private final SessionStore store;

    SessionLookup(SessionStore store) {
        this.store = store;
    }

    public SessionView find(String sessionId, String reference, boolean includeRaw, Caller caller) {
        return SessionViews.of(readable(record(sessionId, reference, caller), caller), includeRaw);
    }

    /**
     * Checks that the session exists and is the caller's ({@link Caller#owns}); another caller's session, or one of a
     * flow it may not use, is answered as not found, so a caller learns nothing of other callers' sessions.
     */
    public String checkAccess(String sessionId, Caller caller) {
        readable(store.find(checkedId(sessionId)).orElseThrow(() -> new SessionNotFoundException("id")), caller);
        return sessionId;
    }

    /** The stored session {@code sessionId} if it is the caller's ({@link #checkAccess}), as it is now. */
    public SessionRecord owned(String sessionId, Caller caller) {
        return readable(store.find(checkedId(sessionId)).orElseThrow(() -> new SessionNotFoundException("id")), caller);
    }

    private static SessionRecord readable(SessionRecord session, Caller caller) {
        if (!caller.owns(session)) {
            throw new SessionNotFoundException("id");
        }
        LogContext.session(session.sessionId(), session.flow());
        return session;
    }

    SessionRecord record(String sessionId, String reference, Caller caller) {
        if ((sessionId == null) == (reference == null)) {
            throw new InvalidRequestException("missing_field", "sessionId",
                    "Give exactly one of sessionId and reference.");
        }
        if (sessionId != null) {
            return store.find(checkedId(sessionId)).orElseThrow(() -> new SessionNotFoundException("id"));
        }
        String checked = Reference.check(reference, "reference").orElseThrow();
        return store.findByReference(caller.name(), checked)
                .orElseThrow(() -> new SessionNotFoundException("reference"));
    }

    /** A session id of the form the vendor's ids are accepted in; anything else is refused before the store is asked. */
    public static String checkedId(String sessionId) {
        if (!VendorSessionIds.isSafe(sessionId)) {
            throw new InvalidRequestException("invalid_session_id", "sessionId",
                    "A session id is " + VendorSessionIds.RULE + ".");
        }
        return sessionId;
    }
}
