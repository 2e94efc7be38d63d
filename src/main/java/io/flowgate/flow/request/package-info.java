/**
 * The integrator's input values and their rules: IIN, phone number, reference photo, locale, reference and the
 * return-URL policy, each refusing bad input with {@link io.flowgate.flow.request.InvalidRequestException}
 * (a machine-readable code and a message without personal data). Uses only {@code config}.
 */
package io.flowgate.flow.request;
