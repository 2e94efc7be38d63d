package io.flowgate.testsupport.openapi;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A REST Assured filter that fails the request's test when the request or its answer is not one the
 * {@link OpenApiContract} allows: {@link #strict} checks both, {@link #responsesOnly} only the answer (for requests
 * made wrong on purpose). It records every operation and status it saw answered.
 */
public final class OpenApiValidationFilter implements Filter {

    private final OpenApiContract contract;
    private final boolean checkRequests;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    private OpenApiValidationFilter(OpenApiContract contract, boolean checkRequests) {
        this.contract = contract;
        this.checkRequests = checkRequests;
    }

    public static OpenApiValidationFilter strict(OpenApiContract contract) {
        return new OpenApiValidationFilter(contract, true);
    }

    public static OpenApiValidationFilter responsesOnly(OpenApiContract contract) {
        return new OpenApiValidationFilter(contract, false);
    }

    /** Failed when the document does not allow a request or an answer; the message lists every violation. */
    public static final class ContractViolation extends AssertionError {
        ContractViolation(String message) {
            super(message);
        }
    }

    /** {@code operationId status} of every answer checked so far. */
    public Set<String> answered() {
        return Set.copyOf(answered);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        HttpExchange.Request sent = exchangeOf(request);
        List<String> violations = new ArrayList<>();
        if (checkRequests) {
            violations.addAll(contract.requestViolations(sent));
        }
        Response response = context.next(request, responseSpec);
        HttpExchange.Response received = exchangeOf(response);
        violations.addAll(contract.responseViolations(sent, received));
        contract.operation(sent.method(), sent.path())
                .ifPresent(op -> answered.add(op.id() + " " + received.status()));
        if (!violations.isEmpty()) {
            throw new ContractViolation(sent.method() + " " + sent.path() + " answered " + received.status()
                    + " breaks docs/openapi.yaml:\n  " + String.join("\n  ", violations) + "\nanswer: "
                    + new String(received.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static HttpExchange.Request exchangeOf(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI());
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        Object body = request.getBody();
        byte[] bytes = body == null ? null
                : body instanceof byte[] raw ? raw : body.toString().getBytes(StandardCharsets.UTF_8);
        return new HttpExchange.Request(request.getMethod(), uri.getRawPath(), query, headers, request.getContentType(),
                bytes);
    }

    private static HttpExchange.Response exchangeOf(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        return new HttpExchange.Response(response.statusCode(), headers, response.contentType(),
                response.asByteArray());
    }
}
