package io.flowgate.flow.webhook;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a webhook to an integrator's endpoint with the JDK's HTTP client: the given bytes as they are, no
 * redirects followed, one timeout for the whole exchange (the answer's body is read and dropped). Never throws for what the network or the receiver
 * does: the answer says what happened. Neither the URL (it may hold a token) nor the headers are logged here.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;

    @Inject
    WebhookSender(FlowgateConfig config) {
        this(config.webhooks().timeout());
    }

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * What became of one POST.
     *
     * @param statusCode the receiver's HTTP status, or null when it gave none
     * @param error {@code timeout}, {@code connection_failed}, {@code io_error}, {@code invalid_url} or
     *        {@code interrupted} when there was no status; else null
     */
    public record Answer(Integer statusCode, String error) {

        public boolean accepted() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public Answer post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return new Answer(null, "invalid_url");
        }
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            return new Answer(exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode(), null);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Answer(null, "timeout");
        } catch (ExecutionException e) {
            return new Answer(null, error(e.getCause()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    private static String error(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection_failed";
        }
        return "io_error";
    }
}
