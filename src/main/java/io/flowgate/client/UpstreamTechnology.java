package io.flowgate.client;

/**
 * One technology as the result lists it. The vendor documents objects {@code {name, description}}
 * and has been seen sending bare codes; a bare code fills {@code code} only, an object fills
 * {@code name} and {@code description} (and {@code code} when it carries one).
 */
public record UpstreamTechnology(String code, String name, String description) {
}
