package io.flowgate.config;

import io.smallrye.config.WithDefault;

/** Settings of flowgate: see {@link FlowgateConfig#photo()}. */
public interface PhotoConfig {
    /** The largest reference photo accepted, in bytes after base64 decoding. */
    @WithDefault("5242880")
    long maxBytes();
}
