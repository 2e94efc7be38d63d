package io.flowgate.client;

/** The calls flowgate makes to the vendor, named as in logs and errors. */
public enum UpstreamOperation {
    CREATE_SESSION("create session", "create"),
    GET_RESULT("get result", "result"),
    DOWNLOAD_VIDEO("download video", "video");

    private final String description;
    private final String endpoint;

    UpstreamOperation(String description, String endpoint) {
        this.description = description;
        this.endpoint = endpoint;
    }

    /** The vendor endpoint's short name in metrics: {@code create}, {@code result} or {@code video}. */
    public String endpoint() {
        return endpoint;
    }

    public String description() {
        return description;
    }
}
