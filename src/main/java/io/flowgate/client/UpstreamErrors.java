package io.flowgate.client;

import com.fasterxml.jackson.core.JacksonException;
import io.flowgate.client.UpstreamUnavailableException.Reason;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** The one place where a failed vendor call becomes one of our few typed errors. */
final class UpstreamErrors {

    private UpstreamErrors() {
    }

    static UpstreamException fromStatus(UpstreamOperation operation, int status, Object body) {
        if (status == 401 || status == 403) {
            return new UpstreamKeyRejectedException(operation, status);
        }
        if (status == 404) {
            return new UpstreamSessionUnknownException(operation);
        }
        if (status == 400 || status == 422) {
            return new UpstreamRequestRejectedException(operation, status, VendorMessages.fromBody(body));
        }
        if (status == 429) {
            return new UpstreamUnavailableException(operation, Reason.RATE_LIMITED, status);
        }
        if (status >= 300 && status < 500) {
            return new UpstreamUnavailableException(operation, Reason.MALFORMED_RESPONSE, status);
        }
        return new UpstreamUnavailableException(operation, Reason.SERVER_ERROR, status);
    }

    static UpstreamException from(UpstreamOperation operation, RuntimeException failure) {
        if (failure instanceof UpstreamException known) {
            return known;
        }
        if (has(failure, JacksonException.class)) {
            return new UpstreamUnavailableException(operation, Reason.MALFORMED_RESPONSE, 200);
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            Response response = web.getResponse();
            return fromStatus(operation, response.getStatus(), readBody(response));
        }
        if (has(failure, ConnectException.class) || has(failure, UnknownHostException.class)) {
            return new UpstreamUnavailableException(operation, Reason.NOT_CONNECTED, 0);
        }
        if (has(failure, TimeoutException.class) || has(failure, java.net.SocketTimeoutException.class)
                || mentionsTimeout(failure)) {
            return new UpstreamUnavailableException(operation, Reason.TIMEOUT, 0);
        }
        if (failure instanceof ProcessingException || has(failure, java.io.IOException.class)) {
            return new UpstreamUnavailableException(operation, Reason.CONNECTION_FAILED, 0);
        }
        return new UpstreamUnavailableException(operation, Reason.MALFORMED_RESPONSE, 0);
    }

    /** The failure's cause chain by class name only (messages may hold the request URL and its key). */
    static String causeClasses(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.isEmpty() ? "" : "<-").append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static Object readBody(Response response) {
        try {
            return response.readEntity(Map.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase();
            if (name.contains("timeout")) {
                return true;
            }
        }
        return false;
    }
}
