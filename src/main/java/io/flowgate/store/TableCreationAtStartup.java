package io.flowgate.store;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.StoreConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Creates the sessions table at startup when {@code flowgate.store.dynamodb.create-table} is true. Apart from
 * {@link SessionTable}, which names the DynamoDB model in its code: loading this class at every start loads none
 * of the AWS SDK's, so a start without table creation (production, the memory store) does no DynamoDB work.
 */
class TableCreationAtStartup {

    static void onStart(@Observes StartupEvent event, FlowgateConfig config, Instance<SessionTable> tables) {
        if (config.store().type() == StoreConfig.Type.DYNAMODB && config.store().dynamodb().createTable()) {
            tables.get().createIfMissing();
        }
    }
}
