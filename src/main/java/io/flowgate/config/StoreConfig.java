package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of flowgate: see {@link FlowgateConfig#store()}. */
public interface StoreConfig {
    /**
     * {@code dynamodb} (production) or {@code memory} (one process, lost on restart: dev and tests). Any
     * other value stops startup naming this property.
     */
    @WithDefault("dynamodb")
    Type type();

    /** How long a session is kept after its creation; DynamoDB's TTL deletes it afterwards. */
    @WithDefault("30D")
    Duration retention();

    /**
     * The largest vendor result kept, in bytes of JSON (a DynamoDB item holds 400 KB in all): past it, the
     * longest values are cut and the session is marked {@code rawTruncated}.
     */
    @WithDefault("300000")
    int maxResultBytes();

    /** The DynamoDB adapter. */
    Dynamodb dynamodb();

    interface Dynamodb {
        /** The sessions table. */
        @WithDefault("flowgate-sessions")
        String table();

        /** Create the table (with its indexes and TTL) at startup if it is missing: dev and tests only. */
        @WithDefault("false")
        boolean createTable();
    }

    /** Where sessions are kept. */
    enum Type {
        MEMORY,
        DYNAMODB
    }
}
