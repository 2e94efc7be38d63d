package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ServerlessTableTest {

    private final JsonNode resources = ServerlessYaml.load().root().path("resources").path("Resources");
    private final JsonNode table = resources.path("SessionsTable").path("Properties");

    @Test
    void definesTheSessionsTableOnDemandKeyedBySessionId() {
        assertEquals("AWS::DynamoDB::Table", resources.path("SessionsTable").path("Type").asText());
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals(json("[{\"AttributeName\":\"sessionId\",\"KeyType\":\"HASH\"}]"), table.path("KeySchema"));
        assertEquals(json("""
                [{"AttributeName":"sessionId","AttributeType":"S"},{"AttributeName":"callerReference","AttributeType":"S"},
                 {"AttributeName":"createdAt","AttributeType":"N"},{"AttributeName":"dueKind","AttributeType":"S"},
                 {"AttributeName":"dueAt","AttributeType":"N"},
                 {"AttributeName":"webhookState","AttributeType":"S"},{"AttributeName":"webhookAt","AttributeType":"N"},
                 {"AttributeName":"failedWebhookFlow","AttributeType":"S"},{"AttributeName":"failedWebhookKey","AttributeType":"S"},
                 {"AttributeName":"callerFlow","AttributeType":"S"},{"AttributeName":"createdKey","AttributeType":"S"}]
                """), table.path("AttributeDefinitions"));
    }

    @Test
    void definesTheFiveIndexesTheStoreQueries() {
        assertEquals(json("""
                [{"IndexName":"reference-index",
                  "KeySchema":[{"AttributeName":"callerReference","KeyType":"HASH"},{"AttributeName":"createdAt","KeyType":"RANGE"}],
                  "Projection":{"ProjectionType":"ALL"}},
                 {"IndexName":"due-index",
                  "KeySchema":[{"AttributeName":"dueKind","KeyType":"HASH"},{"AttributeName":"dueAt","KeyType":"RANGE"}],
                  "Projection":{"ProjectionType":"ALL"}},
                 {"IndexName":"webhook-index",
                  "KeySchema":[{"AttributeName":"webhookState","KeyType":"HASH"},{"AttributeName":"webhookAt","KeyType":"RANGE"}],
                  "Projection":{"ProjectionType":"ALL"}},
                 {"IndexName":"failed-webhook-index",
                  "KeySchema":[{"AttributeName":"failedWebhookFlow","KeyType":"HASH"},{"AttributeName":"failedWebhookKey","KeyType":"RANGE"}],
                  "Projection":{"ProjectionType":"ALL"}},
                 {"IndexName":"caller-flow-index",
                  "KeySchema":[{"AttributeName":"callerFlow","KeyType":"HASH"},{"AttributeName":"createdKey","KeyType":"RANGE"}],
                  "Projection":{"ProjectionType":"ALL"}}]
                """), table.path("GlobalSecondaryIndexes"));
    }

    @Test
    void expiresItemsOnTheTtlAttributeAndKeepsPointInTimeRecovery() {
        assertEquals(json("{\"AttributeName\":\"ttl\",\"Enabled\":true}"), table.path("TimeToLiveSpecification"));
        assertEquals(json("{\"PointInTimeRecoveryEnabled\":true}"), table.path("PointInTimeRecoverySpecification"));
        assertEquals("Retain", resources.path("SessionsTable").path("DeletionPolicy").asText());
    }

    @Test
    void givesTheFunctionsTheTablesNameFromTheStack() {
        assertEquals(json("{\"Ref\":\"SessionsTable\"}"),
                ServerlessYaml.load().root().path("provider").path("environment").path("FLOWGATE_STORE_DYNAMODB_TABLE"));
    }

    private static JsonNode json(String text) {
        try {
            return ServerlessYaml.YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
