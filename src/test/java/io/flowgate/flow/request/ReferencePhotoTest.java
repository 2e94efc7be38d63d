package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencePhotoTest {

    private static final String FIELD = "faceToFace.photo";
    private static final long MAX = 5 * 1024 * 1024;
    private static final String NOT_BASE64 = "The photo must be standard base64, optionally after a "
            + "data:image/jpeg;base64, or data:image/png;base64, prefix.";
    private static final String NOT_JPEG_OR_PNG = "The photo must be a JPEG or PNG image.";

    private static final byte[] JPEG = image(new int[] {0xFF, 0xD8, 0xFF, 0xE0}, 301);
    private static final byte[] PNG = image(new int[] {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}, 200);
    private static final String JPEG_BASE64 = Base64.getEncoder().encodeToString(JPEG);
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    /** The magic bytes followed by filler: enough for the format check, not a real image. */
    private static byte[] image(int[] magic, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i < magic.length ? magic[i] : i * 31);
        }
        return bytes;
    }

    @Test
    void acceptsPlainBase64Jpeg() {
        ReferencePhoto photo = ReferencePhoto.parse(JPEG_BASE64, MAX, FIELD);

        assertEquals(ReferencePhoto.Format.JPEG, photo.format());
        assertEquals(301, photo.sizeBytes());
        assertEquals(JPEG_BASE64, photo.base64());
    }

    @Test
    void acceptsPngBehindADataUrlAndDropsThePrefix() {
        ReferencePhoto photo = ReferencePhoto.parse("data:image/png;base64," + PNG_BASE64, MAX, FIELD);

        assertEquals(ReferencePhoto.Format.PNG, photo.format());
        assertEquals(200, photo.sizeBytes());
        assertEquals(PNG_BASE64, photo.base64());
    }

    @Test
    void acceptsAJpegDataUrlWrittenInCapitals() {
        ReferencePhoto photo = ReferencePhoto.parse("DATA:IMAGE/JPEG;BASE64," + JPEG_BASE64, MAX, FIELD);

        assertEquals(ReferencePhoto.Format.JPEG, photo.format());
        assertEquals(JPEG_BASE64, photo.base64());
    }

    @Test
    void ignoresLineBreaksAndSpaces() {
        String mime = Base64.getMimeEncoder().encodeToString(JPEG);
        String spaced = "  " + mime.replace("\r\n", "\n \t") + "\n";

        assertEquals(JPEG_BASE64, ReferencePhoto.parse(mime, MAX, FIELD).base64());
        assertEquals(JPEG_BASE64, ReferencePhoto.parse(spaced, MAX, FIELD).base64());
    }

    @Test
    void canonicalisesUnusedTrailingBits() {
        byte[] oneExtraByte = Arrays.copyOf(JPEG, 4);
        String canonical = Base64.getEncoder().encodeToString(oneExtraByte);
        assertEquals("/9j/4A==", canonical);

        assertEquals(canonical, ReferencePhoto.parse("/9j/4B==", MAX, FIELD).base64());
    }

    @Test
    void acceptsAPhotoOfExactlyTheLimit() {
        for (byte[] image : new byte[][] {JPEG, Arrays.copyOf(JPEG, 300), Arrays.copyOf(JPEG, 299)}) {
            String base64 = Base64.getEncoder().encodeToString(image);
            assertEquals(image.length, ReferencePhoto.parse(base64, image.length, FIELD).sizeBytes());
        }
    }

    @Test
    void refusesAPhotoOneByteOverTheLimit() {
        assertRejected("photo_too_large", FIELD, "The photo must be at most 0.000286 MB (300 bytes) once decoded.",
                () -> ReferencePhoto.parse(JPEG_BASE64, 300, FIELD));
    }

    @Test
    void statesTheLimitInMegabytes() {
        String sixMegabytes = "A".repeat(8 * 1024 * 1024);

        assertRejected("photo_too_large", FIELD, "The photo must be at most 5 MB (5242880 bytes) once decoded.",
                () -> ReferencePhoto.parse(sixMegabytes, MAX, FIELD));
        assertRejected("photo_too_large", FIELD, "The photo must be at most 1.5 MB (1572864 bytes) once decoded.",
                () -> ReferencePhoto.parse(sixMegabytes, 1572864, FIELD));
    }

    @Test
    void refusesAnOversizedPhotoFromItsLengthBeforeLookingAtItsContent() {
        String oversizedAndNotBase64 = "!".repeat(2_000);

        assertRejected("photo_too_large", FIELD, "The photo must be at most 0.000977 MB (1024 bytes) once decoded.",
                () -> ReferencePhoto.parse(oversizedAndNotBase64, 1024, FIELD));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \n ", "data:image/png;base64,", "data:image/jpeg;base64, \r\n"})
    void refusesAnEmptyPhoto(String input) {
        assertRejected("invalid_photo_encoding", FIELD, "The photo is empty.", () -> ReferencePhoto.parse(input, MAX, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not base64!", "/9j/4A=", "/9j/4", "/9j/4A===", "/9j/4A=A", "/9j=/4AA", "====",
        "_9j_4A==", "-9j-4A==", "/9j/\u00004A==", "/9j/4A==,", "/9j/\u04104A=",
        "data:image/jpeg,/9j/4A==", "data:image/jpeg;base64", "data:image/jpeg;base64,/9j/4A==x",
        "data:image/jpeg;charset=utf-8,/9j/4A==",
    })
    void refusesWhatIsNotStandardBase64(String input) {
        assertRejected("invalid_photo_encoding", FIELD, NOT_BASE64, () -> ReferencePhoto.parse(input, MAX, FIELD));
    }

    @Test
    void refusesADataUrlWhoseHeaderIsImplausiblyLong() {
        String header = "data:image/jpeg;" + "x".repeat(60) + ";base64,";

        assertRejected("invalid_photo_encoding", FIELD, NOT_BASE64,
                () -> ReferencePhoto.parse(header + JPEG_BASE64, MAX, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "R0lGODlhAQABAAAAACw=",
        "AAAA",
        "/9g=",
        "iVBORw0KGg==",
        "data:;base64,/9j/4A==",
        "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
        "data:image/webp;base64,/9j/4A==",
        "data:text/plain;base64,/9j/4A==",
    })
    void refusesWhatIsNotJpegOrPng(String input) {
        assertRejected("unsupported_photo_format", FIELD, NOT_JPEG_OR_PNG, () -> ReferencePhoto.parse(input, MAX, FIELD));
    }

    @Test
    void refusesContentThatIsNotTheTypeItsDataUrlDeclares() {
        assertRejected("unsupported_photo_format", FIELD, "The photo's content is not the image type its data URL declares.",
                () -> ReferencePhoto.parse("data:image/png;base64," + JPEG_BASE64, MAX, FIELD));
    }

    @Test
    void showsOnlyFormatAndSizeInToString() {
        assertEquals("ReferencePhoto[PNG, 200 bytes]", ReferencePhoto.parse(PNG_BASE64, MAX, FIELD).toString());
    }
}
