package io.flowgate.testsupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowgate.flow.request.InvalidRequestException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a request is refused with exactly this code, field and detail. */
public final class Rejections {

    private Rejections() {
    }

    public static InvalidRequestException assertRejected(String code, String field, String detail, Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertAll(
                () -> assertEquals(code, e.code(), "code"),
                () -> assertEquals(field, e.field(), "field"),
                () -> assertEquals(detail, e.getMessage(), "detail"));
        return e;
    }
}
