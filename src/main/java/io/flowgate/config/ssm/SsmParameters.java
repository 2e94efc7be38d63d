package io.flowgate.config.ssm;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads every parameter under a path with one paginated {@code GetParametersByPath} (recursive, decrypted, 10 a page,
 * SSM's most), through a client of its own that is closed once done: nothing of it outlives startup. The SDK's
 * standard retries (3 attempts, backoff, throttling included), all the calls within {@code timeout}. Failures name the path and
 * the cause, never a value.
 */
public final class SsmParameters {

    /** SSM's largest page of GetParametersByPath. */
    static final int PAGE_SIZE = 10;

    private final Optional<Region> region;
    private final Optional<URI> endpointOverride;
    private final AwsCredentialsProvider credentials;
    private final Duration timeout;

    /**
     * {@code region} and {@code endpointOverride} empty: the SDK's chain ({@code AWS_REGION}) and the region's endpoint;
     * {@code credentials}: the default chain in production (the function role's, from Lambda's environment).
     */
    public SsmParameters(Optional<Region> region, Optional<URI> endpointOverride, AwsCredentialsProvider credentials,
            Duration timeout) {
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    /**
     * Every parameter under {@code path} (full name to decrypted value). At least one, or it fails: an empty path is a
     * wrong path, region or account, not a configuration.
     */
    public Map<String, String> read(ParameterPath path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        try (SsmClient ssm = client()) {
            // the calls are bounded, not the client's construction (class loading, on a JVM): a loaded machine must
            // not turn into a timeout before anything was sent
            long deadline = System.nanoTime() + timeout.toNanos();
            String next = null;
            do {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    throw failure(path, "not read within flowgate.ssm.timeout (" + timeout.toMillis() + " ms)");
                }
                String token = next;
                GetParametersByPathResponse page = ssm.getParametersByPath(request -> request.path(path.path())
                        .recursive(true).withDecryption(true).maxResults(PAGE_SIZE).nextToken(token)
                        .overrideConfiguration(call -> call.apiCallTimeout(left)));
                for (Parameter parameter : page.parameters()) {
                    parameters.put(parameter.name(), parameter.value());
                }
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
        } catch (AwsServiceException e) {
            throw failure(path, e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw failure(path, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (parameters.isEmpty()) {
            throw failure(path, "there is no parameter under it: create them (docs/deployment.md), or correct the "
                    + "path, the region or the account");
        }
        return parameters;
    }

    private SsmClient client() {
        SsmClientBuilder builder = SsmClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(3)))
                .credentialsProvider(credentials)
                .overrideConfiguration(client -> client.retryStrategy(RetryMode.STANDARD));
        region.ifPresent(builder::region);
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static IllegalStateException failure(ParameterPath path, String cause) {
        return new IllegalStateException("flowgate cannot start: cannot read its configuration from the SSM path "
                + path + " (flowgate.ssm.path): " + cause);
    }
}
