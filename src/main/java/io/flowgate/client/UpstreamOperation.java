package io.flowgate.client;

/** The calls flowgate makes to the vendor, named as in logs and errors. */
public enum UpstreamOperation {
    CREATE_SESSION("create session"),
    GET_RESULT("get result"),
    DOWNLOAD_VIDEO("download video");

    private final String description;

    UpstreamOperation(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
