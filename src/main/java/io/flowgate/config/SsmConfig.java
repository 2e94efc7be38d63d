package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of flowgate: see {@link FlowgateConfig#ssm()}. Read by {@code io.flowgate.config.ssm.SsmConfigSourceFactory}
 * before the rest of the configuration exists (from the environment, system properties or application.properties);
 * declared here so that they are checked and documented like every other key.
 */
public interface SsmConfig {
    /**
     * The SSM Parameter Store path whose parameters become configuration at startup ({@code FLOWGATE_SSM_PATH}, e.g.
     * {@code /flowgate/prod/}): each parameter under it is the property {@code flowgate.} followed by its name relative
     * to the path, with {@code /} read as {@code .} ({@code /flowgate/prod/flows/individuals/api-key} is
     * {@code flowgate.flows.individuals.api-key}). Unset: SSM is not read (dev mode, the tests).
     */
    Optional<String> path();

    /** The SSM region; unset: the SDK's chain ({@code AWS_REGION} in Lambda). */
    Optional<String> region();

    /** Another SSM endpoint (a stand-in in tests, or a VPC endpoint's URL); unset: the region's SSM. */
    Optional<String> endpointOverride();

    /**
     * How long the calls that read the parameters may take in all, every page and the SDK's retries included; then
     * startup fails. Lambda gives a function's initialisation 10 s.
     */
    @WithDefault("5S")
    Duration timeout();
}
