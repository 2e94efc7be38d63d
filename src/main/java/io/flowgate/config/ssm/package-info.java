/**
 * The configuration source that reads flowgate's secrets from SSM Parameter Store at startup (one paginated
 * {@code GetParametersByPath} per cold start), before CDI exists: plain classes, no beans.
 */
package io.flowgate.config.ssm;
