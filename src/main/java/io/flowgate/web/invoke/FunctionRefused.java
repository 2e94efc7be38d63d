package io.flowgate.web.invoke;

import java.io.IOException;

/**
 * A direct invocation answered with a problem: becomes the invocation's Lambda function error. An
 * {@link IOException}, so that Jackson hands it on unwrapped while it writes the answer.
 */
public final class FunctionRefused extends IOException {

    private final String code;

    FunctionRefused(String code, String problemJson) {
        super(problemJson);
        this.code = code;
    }

    /** The problem's code: the function error's type. */
    public String code() {
        return code;
    }
}
