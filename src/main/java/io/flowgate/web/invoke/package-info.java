/**
 * Lambda events that are not API Gateway's: an EventBridge schedule's, or a direct invocation's plain JSON
 * ({@code aws lambda invoke}, Step Functions). The Lambda HTTP handler reads every event as an API Gateway HTTP
 * API event; {@link io.flowgate.web.invoke.DirectInvocationJson} teaches its JSON mapping to turn any other event
 * into a request for the deployed function's own route ({@code flowgate.function}), marked as direct, and to answer
 * such a request with the plain JSON of its body, or a Lambda function error whose type is the problem's code.
 */
package io.flowgate.web.invoke;
