package io.flowgate.config.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterPathTest {

    private final ParameterPath prod = ParameterPath.of("/flowgate/prod/");

    @Test
    void mapsAParameterToTheFlowgatePropertyOfItsNameRelativeToThePath() {
        assertEquals(Optional.of("flowgate.flows.individuals.api-key"),
                prod.propertyOf("/flowgate/prod/flows/individuals/api-key"));
        assertEquals(Optional.of("flowgate.auth.tokens.backend.sha256"),
                prod.propertyOf("/flowgate/prod/auth/tokens/backend/sha256"));
        assertEquals(Optional.of("flowgate.state-secret"), prod.propertyOf("/flowgate/prod/state-secret"));
        assertEquals(Optional.of("flowgate.flows.individuals.webhook.secrets"),
                prod.propertyOf("/flowgate/prod/flows/individuals/webhook/secrets"));
        assertEquals(Optional.of("flowgate.return-url.allowed"), prod.propertyOf("/flowgate/prod/return-url/allowed"));
    }

    @Test
    void addsTheTrailingSlashAPathLacks() {
        ParameterPath withoutSlash = ParameterPath.of("/flowgate/prod");

        assertEquals("/flowgate/prod/", withoutSlash.path());
        assertEquals(Optional.of("flowgate.state-secret"), withoutSlash.propertyOf("/flowgate/prod/state-secret"));
    }

    @Test
    void mapsNothingOutsideThePathNorAnotherStageWhoseNameStartsTheSame() {
        assertEquals(Optional.empty(), prod.propertyOf("/flowgate/production/state-secret"));
        assertEquals(Optional.empty(), prod.propertyOf("/flowgate/dev/state-secret"));
        assertEquals(Optional.empty(), prod.propertyOf("/flowgate/prod/"));
    }

    @Test
    void refusesWhatIsNotAnSsmPathAndNamesTheProperty() {
        for (String wrong : new String[] {"flowgate/prod/", "/flowgate//prod/", "/flowgate/prod/${sls:stage}", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterPath.of(wrong));
            assertEquals("flowgate.ssm.path (FLOWGATE_SSM_PATH) must be an SSM path such as /flowgate/prod/: a / followed "
                    + "by letters, digits and _.-/", e.getMessage());
        }
    }

    @Test
    void turnsParametersIntoPropertiesWithTheirValues() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("/flowgate/prod/state-secret", "s3cret-value-0000000000000000000000");
        parameters.put("/flowgate/prod/flows/everyone/api-key", "key-everyone");

        assertEquals(Map.of("flowgate.state-secret", "s3cret-value-0000000000000000000000",
                "flowgate.flows.everyone.api-key", "key-everyone"), prod.properties(parameters));
    }

    @Test
    void refusesTwoParametersThatSetTheSamePropertyNamingThemButNoValue() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("/flowgate/prod/flows/everyone/api-key", "first-secret-value");
        parameters.put("/flowgate/prod/flows.everyone.api-key", "second-secret-value");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> prod.properties(parameters));

        assertEquals("the SSM parameters /flowgate/prod/flows/everyone/api-key and /flowgate/prod/flows.everyone.api-key "
                + "both set flowgate.flows.everyone.api-key: remove one", e.getMessage());
        assertFalse(e.getMessage().contains("secret-value"));
    }
}
