package io.flowgate.client;

import java.util.List;

/** The vendor's answer to session creation: the new session's id and its flow's technology codes. */
public record CreatedUpstreamSession(String sessionId, List<String> technologies) {
}
