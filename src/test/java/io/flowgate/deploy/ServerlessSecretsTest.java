package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets are read by the functions at run time, never resolved into the template by the framework. */
class ServerlessSecretsTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();

    @Test
    void everyFunctionReadsItsStagesPathAndMayDecryptOnlyThroughSsm() {
        assertEquals(List.of(), DeploymentChecks.secretsAtRunTime(yaml));
    }

    @Test
    void noSsmLookupIsLeftInTheFileNotEvenInAComment() throws Exception {
        String text = Files.readString(Path.of("serverless.yml"));

        assertEquals(-1, text.indexOf("${ssm:"));
        assertEquals(-1, text.indexOf("${aws:"));
    }

    @Test
    void keepsTheFrameworksOutputOutOfGit() throws Exception {
        assertEquals(true, Files.readAllLines(Path.of(".gitignore")).contains(".serverless/"));
    }

    @Test
    void reportsADeployTimeLookupAndAVariableThatNeedsCredentialsToPackage() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("provider").path("environment"))
                .put("FLOWGATE_STATE_SECRET", "${ssm:/flowgate/${sls:stage}/state-secret}")
                .put("FLOWGATE_SSM_REGION", "${aws:region}");

        assertEquals(List.of(
                "provider.environment.FLOWGATE_STATE_SECRET reads SSM at deploy time (${ssm:/flowgate/${sls:stage}/"
                        + "state-secret}): its value would be written into the template; let the function read it at "
                        + "startup",
                "provider.environment.FLOWGATE_SSM_REGION needs AWS credentials to package (${aws:region}): use Fn::Sub "
                        + "with ${AWS::Region} / ${AWS::AccountId}"),
                DeploymentChecks.secretsAtRunTime(ServerlessYaml.of(copy)));
    }

    @Test
    void reportsAFunctionThatReadsAnotherPath() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("callback").path("environment"))
                .put("FLOWGATE_SSM_PATH", "/flowgate/prod/");

        assertEquals(List.of("callback reads the SSM path /flowgate/prod/, not /flowgate/${sls:stage}/ (FLOWGATE_SSM_PATH)"),
                DeploymentChecks.secretsAtRunTime(ServerlessYaml.of(copy)));
    }

    @Test
    void reportsADecryptionNotBoundToSsmAndTheStagesParameters() {
        ObjectNode copy = yaml.mutableCopy();
        ArrayNode statements = (ArrayNode) copy.path("resources").path("Resources").path("VideoRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument").path("Statement");
        for (var statement : statements) {
            if (statement.path("Action").toString().contains("kms:Decrypt")) {
                ((ObjectNode) statement).remove("Condition");
            }
        }

        assertEquals(List.of("video may kms:Decrypt other than through SSM (kms:ViaService)",
                "video may kms:Decrypt other parameters than its stage's (kms:EncryptionContext:PARAMETER_ARN)"),
                DeploymentChecks.secretsAtRunTime(ServerlessYaml.of(copy)));
    }
}
