package io.flowgate.flow.request;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The reference photo a face is compared with (face-to-face): a JPEG or PNG image, sent upstream as
 * base64. Personal data (a face): {@link #toString()} shows only the format and size.
 */
public final class ReferencePhoto {

    /** The image formats the vendor takes, recognised by their first bytes. */
    public enum Format {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A});

        private final String mediaType;
        private final byte[] magic;

        Format(String mediaType, byte[] magic) {
            this.mediaType = mediaType;
            this.magic = magic;
        }

        public String mediaType() {
            return mediaType;
        }

        private boolean starts(byte[] content) {
            return content.length >= magic.length
                    && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
        }
    }

    private static final String DATA_URL_SCHEME = "data:";
    private static final String DATA_URL_BASE64 = ";base64";
    private static final int MAX_DATA_URL_HEADER = 64;
    private static final String NOT_BASE64 = "The photo must be standard base64, optionally after a "
            + "data:image/jpeg;base64, or data:image/png;base64, prefix.";
    private static final String NOT_JPEG_OR_PNG = "The photo must be a JPEG or PNG image.";
    private static final String NOT_AS_DECLARED = "The photo's content is not the image type its data URL declares.";

    private final String base64;
    private final Format format;
    private final int sizeBytes;

    private ReferencePhoto(String base64, Format format, int sizeBytes) {
        this.base64 = base64;
        this.format = format;
        this.sizeBytes = sizeBytes;
    }

    /**
     * @param base64 standard base64 (whitespace and line breaks ignored), optionally prefixed with
     *     {@code data:image/jpeg;base64,} or {@code data:image/png;base64,}
     * @param maxBytes the largest decoded size accepted
     * @param field the request field, named in the error
     * @throws InvalidRequestException {@code invalid_photo_encoding}, {@code photo_too_large} (decided
     *     from the length, before anything is decoded) or {@code unsupported_photo_format}
     */
    public static ReferencePhoto parse(String base64, long maxBytes, String field) {
        if (base64 == null) {
            throw new InvalidRequestException("invalid_photo_encoding", field, "The photo is empty.");
        }
        int start = 0;
        Format declared = null;
        if (base64.regionMatches(true, 0, DATA_URL_SCHEME, 0, DATA_URL_SCHEME.length())) {
            int comma = base64.indexOf(',', 0);
            if (comma < 0 || comma > MAX_DATA_URL_HEADER) {
                throw new InvalidRequestException("invalid_photo_encoding", field, NOT_BASE64);
            }
            declared = declaredFormat(base64.substring(DATA_URL_SCHEME.length(), comma), field);
            start = comma + 1;
        }

        long decodedSize = decodedSizeFromLength(base64, start);
        if (decodedSize > maxBytes) {
            throw new InvalidRequestException("photo_too_large", field,
                    "The photo must be at most " + megabytes(maxBytes) + " MB (" + maxBytes + " bytes) once decoded.");
        }
        if (decodedSize == 0) {
            throw new InvalidRequestException("invalid_photo_encoding", field, "The photo is empty.");
        }

        byte[] content = decode(strictBase64WithoutWhitespace(base64, start, field), field);
        Format format = detectFormat(content, field);
        if (declared != null && declared != format) {
            throw new InvalidRequestException("unsupported_photo_format", field, NOT_AS_DECLARED);
        }
        return new ReferencePhoto(Base64.getEncoder().encodeToString(content), format, content.length);
    }

    private static Format declaredFormat(String header, String field) {
        String h = header.toLowerCase(Locale.ROOT);
        if (!h.endsWith(DATA_URL_BASE64)) {
            throw new InvalidRequestException("invalid_photo_encoding", field, NOT_BASE64);
        }
        String mediaType = h.substring(0, h.length() - DATA_URL_BASE64.length());
        for (Format f : Format.values()) {
            if (f.mediaType.equals(mediaType)) {
                return f;
            }
        }
        throw new InvalidRequestException("unsupported_photo_format", field, NOT_JPEG_OR_PNG);
    }

    /** The decoded size the characters from {@code start} would give, counted without decoding them. */
    private static long decodedSizeFromLength(String s, int start) {
        long significant = 0;
        int padding = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isWhitespace(c)) {
                significant++;
                padding = c == '=' ? Math.min(padding + 1, 2) : 0;
            }
        }
        return significant / 4 * 3 + Math.max(significant % 4 - 1, 0) - padding;
    }

    private static String strictBase64WithoutWhitespace(String s, int start, String field) {
        StringBuilder out = new StringBuilder(s.length() - start);
        int padding = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isWhitespace(c)) {
                continue;
            }
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!alphabet || padding > 0) {
                throw new InvalidRequestException("invalid_photo_encoding", field, NOT_BASE64);
            }
            out.append(c);
        }
        if (out.length() % 4 != 0 || padding > 2) {
            throw new InvalidRequestException("invalid_photo_encoding", field, NOT_BASE64);
        }
        return out.toString();
    }

    private static byte[] decode(String strictBase64, String field) {
        try {
            return Base64.getDecoder().decode(strictBase64);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_photo_encoding", field, NOT_BASE64);
        }
    }

    private static Format detectFormat(byte[] content, String field) {
        for (Format f : Format.values()) {
            if (f.starts(content)) {
                return f;
            }
        }
        throw new InvalidRequestException("unsupported_photo_format", field, NOT_JPEG_OR_PNG);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1024 * 1024), new MathContext(3, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Canonical standard base64 of the image, without prefix or whitespace: what goes upstream. */
    public String base64() {
        return base64;
    }

    public Format format() {
        return format;
    }

    /** The decoded size. */
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String toString() {
        return "ReferencePhoto[" + format + ", " + sizeBytes + " bytes]";
    }
}
