package io.flowgate.flow.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides where the browser may be sent back to: an https URL under one of the configured prefixes
 * ({@code flowgate.return-url.allowed}), or, when {@code allowLocalhostHttp}, any
 * {@code http://localhost} or {@code http://127.0.0.1} URL. A prefix matches by scheme, host (any
 * letter case), effective port and path at a segment boundary; a prefix without a path allows the
 * whole origin. URLs with a fragment are refused: the callback appends its own query parameters. So are paths
 * that a server might read differently from us: with {@code ;} (path parameters, {@code ..;}), encoded dots,
 * slashes or backslashes, or a {@code %25} whose decoding reveals one ({@code %252e}).
 */
public final class ReturnUrlPolicy {

    private static final String PROPERTY = "flowgate.return-url.allowed";
    private static final int MAX_LENGTH = 2048;
    private static final String NOT_ABSOLUTE = "The return URL must be an absolute https URL.";
    private static final String NOT_HTTPS = "The return URL must use https.";
    private static final String NOT_ALLOWED = "The return URL is not under any allowed prefix (" + PROPERTY + ").";

    private final List<Location> allowed;
    private final boolean allowLocalhostHttp;

    /**
     * @param allowedPrefixes the values of {@code flowgate.return-url.allowed}; null or empty allows none
     * @throws IllegalArgumentException for an entry that is not an absolute https URL (http only for
     *     localhost) without user info, query or fragment
     */
    public ReturnUrlPolicy(List<String> allowedPrefixes, boolean allowLocalhostHttp) {
        this.allowed = allowedPrefixes == null ? List.of() : allowedPrefixes.stream().map(ReturnUrlPolicy::entry).toList();
        this.allowLocalhostHttp = allowLocalhostHttp;
    }

    private static Location entry(String prefix) {
        Location location;
        try {
            location = Location.parse(prefix, null);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(PROPERTY + " has an entry that is not usable: " + prefix + " (" + e.getMessage() + ")");
        }
        if (location.rawQuery() != null) {
            throw new IllegalArgumentException(PROPERTY + " has an entry with a query: " + prefix);
        }
        if (location.scheme().equals("http") && !location.isLocalhost()) {
            throw new IllegalArgumentException(PROPERTY + " has an http entry for a host other than localhost: " + prefix);
        }
        return location;
    }

    /**
     * @return empty when no return URL was given, else the URL as it will be used: scheme and host in
     *     lower case, the path without dot segments
     * @throws InvalidRequestException {@code invalid_return_url}, {@code return_url_not_https} or
     *     {@code return_url_not_allowed}
     */
    public Optional<URI> check(String returnUrl, String field) {
        if (returnUrl == null) {
            return Optional.empty();
        }
        Location url = Location.parse(returnUrl, field);
        if (url.scheme().equals("http")) {
            if (allowLocalhostHttp && url.isLocalhost()) {
                return Optional.of(url.toUri());
            }
            throw new InvalidRequestException("return_url_not_https", field, NOT_HTTPS);
        }
        if (allowed.stream().noneMatch(prefix -> prefix.contains(url))) {
            throw new InvalidRequestException("return_url_not_allowed", field, NOT_ALLOWED);
        }
        return Optional.of(url.toUri());
    }

    /** An absolute http(s) URL taken apart, host in lower case, path normalised and never empty. */
    private record Location(String scheme, String host, int port, String path, String rawQuery) {

        static Location parse(String value, String field) {
            if (value.length() > MAX_LENGTH) {
                throw invalid(field, "The return URL must be at most " + MAX_LENGTH + " characters long.");
            }
            if (value.indexOf('\\') >= 0) {
                throw invalid(field, "The return URL must not contain backslashes.");
            }
            if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw invalid(field, NOT_ABSOLUTE);
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw invalid(field, NOT_ABSOLUTE);
            }
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw invalid(field, NOT_ABSOLUTE);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw invalid(field, NOT_ABSOLUTE);
            }
            if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
                throw invalid(field, "The return URL must not contain user information (user@host).");
            }
            if (uri.getHost() == null || uri.getPort() == 0 || uri.getPort() > 65535) {
                throw invalid(field, NOT_ABSOLUTE);
            }
            if (uri.getRawFragment() != null) {
                throw invalid(field, "The return URL must not contain a fragment (#...).");
            }
            return new Location(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(),
                    normalisedPath(uri, field), uri.getRawQuery());
        }

        private static String normalisedPath(URI uri, String field) {
            String raw = uri.getRawPath().toLowerCase(Locale.ROOT);
            if (raw.indexOf(';') >= 0) {
                throw invalid(field, "The return URL's path must not contain semicolons.");
            }
            if (hidesDotsOrSlashes(raw)) {
                throw invalid(field, "The return URL's path must not contain encoded dots, slashes or backslashes.");
            }
            String path = uri.normalize().getRawPath();
            if (path.isEmpty()) {
                return "/";
            }
            if (path.equals("/..") || path.startsWith("/../")) {
                throw invalid(field, "The return URL's path must not climb above the root.");
            }
            return path;
        }

        /**
         * Whether the path holds an encoded dot, slash or backslash, or an encoded percent sign ({@code %25}) whose
         * decoding, once or more, reveals one of these or an encoded semicolon: what a server that decodes twice, or
         * treats {@code ;} as the start of path parameters, may read as a step out of the allowed path.
         */
        private static boolean hidesDotsOrSlashes(String lowerCaseRaw) {
            if (lowerCaseRaw.contains("%2e") || lowerCaseRaw.contains("%2f") || lowerCaseRaw.contains("%5c")) {
                return true;
            }
            for (String decoded = lowerCaseRaw; decoded.contains("%25"); ) {
                decoded = percentDecoded(decoded);
                if (decoded.contains("%2e") || decoded.contains("%2f") || decoded.contains("%5c") || decoded.contains("%3b")) {
                    return true;
                }
            }
            return false;
        }

        /** One round of percent-decoding, in lower case; what is not a well-formed escape is kept as it is. */
        private static String percentDecoded(String lowerCaseRaw) {
            StringBuilder out = new StringBuilder(lowerCaseRaw.length());
            for (int i = 0; i < lowerCaseRaw.length(); i++) {
                char c = lowerCaseRaw.charAt(i);
                if (c == '%' && i + 2 < lowerCaseRaw.length() && isHex(lowerCaseRaw.charAt(i + 1))
                        && isHex(lowerCaseRaw.charAt(i + 2))) {
                    out.append(Character.toLowerCase((char) Integer.parseInt(lowerCaseRaw.substring(i + 1, i + 3), 16)));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }

        private static InvalidRequestException invalid(String field, String detail) {
            return new InvalidRequestException("invalid_return_url", field, detail);
        }

        boolean isLocalhost() {
            return host.equals("localhost") || host.equals("127.0.0.1");
        }

        int effectivePort() {
            if (port != -1) {
                return port;
            }
            return scheme.equals("https") ? 443 : 80;
        }

        /** Whether {@code url} is on this origin and under this path, at a segment boundary. */
        boolean contains(Location url) {
            if (!scheme.equals(url.scheme) || !host.equals(url.host) || effectivePort() != url.effectivePort()) {
                return false;
            }
            if (path.endsWith("/")) {
                return url.path.startsWith(path);
            }
            return url.path.equals(path) || url.path.startsWith(path + "/");
        }

        URI toUri() {
            return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                    + (rawQuery == null ? "" : "?" + rawQuery));
        }
    }
}
