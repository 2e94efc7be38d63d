package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.web.FunctionRoutes;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every deployed function knows which it is, and serves the routes serverless.yml gives it. */
class ServerlessFunctionIdentityTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();

    @Test
    void everyFunctionSetsItsOwnNameAsFlowgateFunction() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        yaml.functions().forEach((name, function) -> {
            expected.put(name, name);
            actual.put(name, function.path("environment").path("FLOWGATE_FUNCTION").asText(null));
        });

        assertEquals(expected, actual);
    }

    @Test
    void everyFunctionServesTheRoutesItIsGivenAndNoOtherFunctionsRoute() {
        yaml.functions().keySet().forEach(name -> yaml.routes(name).forEach(route -> {
            String path = route.substring(route.indexOf(' ') + 1).replace("{sessionId}", "3fa85f64-5717");
            assertTrue(FunctionRoutes.serves(name, path), name + " serves " + route);
            yaml.functions().keySet().stream().filter(other -> !other.equals(name))
                    .forEach(other -> assertTrue(!FunctionRoutes.serves(other, path), other + " does not serve " + route));
        }));
    }
}
