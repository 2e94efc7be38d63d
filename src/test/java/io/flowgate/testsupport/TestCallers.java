package io.flowgate.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every Quarkus test calls flowgate as the test caller, with the token the test profile configures: REST
 * Assured adds it to every request that has no {@code Authorization} header of its own. A test of a
 * request without any token uses a plain HTTP client.
 */
public class TestCallers implements QuarkusTestBeforeEachCallback {

    /** May use every flow (application.properties, %test). */
    public static final String TOKEN = "flowgate-test-token";
    /** May use the flow {@code legal-entities} only. */
    public static final String LEGAL_ENTITIES_ONLY_TOKEN = "flowgate-test-token-legal-entities-only";

    public static String bearer(String token) {
        return Tokens.bearer(token);
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        useTestToken();
    }

    /** From now on, REST Assured sends the test token with every request that has no token of its own. */
    public static void useTestToken() {
        RestAssured.replaceFiltersWith(TestCallers::withTestToken);
    }

    private static Response withTestToken(FilterableRequestSpecification request,
            FilterableResponseSpecification response, FilterContext next) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", bearer(TOKEN));
        }
        return next.next(request, response);
    }
}
