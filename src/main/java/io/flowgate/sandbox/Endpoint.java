package io.flowgate.sandbox;

/** The vendor API endpoints the sandbox emulates, each at the vendor's exact path (trailing slash included). */
public enum Endpoint {
    CREATE("/api/v1/flows/session/create/"),
    RESULT("/api/v1/flows/session/result/"),
    VIDEO("/api/v1/liveness/video/download/");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
