package io.flowgate.client;

/** The vendor knows no session with that id (404). */
public class UpstreamSessionUnknownException extends UpstreamException {

    public UpstreamSessionUnknownException(UpstreamOperation operation) {
        super(operation, 404, "The vendor knows no such session (" + operation.description() + ")");
    }
}
