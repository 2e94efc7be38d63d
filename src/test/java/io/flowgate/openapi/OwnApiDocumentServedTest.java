package io.flowgate.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.testsupport.openapi.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Dev and test builds serve {@code docs/openapi.yaml} as it is, without a token, at {@code /demo/openapi.yaml}. */
@QuarkusTest
class OwnApiDocumentServedTest {

    @Test
    void servesTheDocumentToAnyoneAsItIs() throws IOException, InterruptedException {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/demo/openapi.yaml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, served.statusCode());
        assertEquals("application/yaml;charset=UTF-8", served.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals(Files.readString(OpenApiContract.FLOWGATE), served.body());
    }
}
