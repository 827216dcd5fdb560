package com.alphacast.fakes.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) taken apart the strict way a platform's server does: the boundary from the
 * Content-Type, CRLF line ends, every part with a {@code form-data} Content-Disposition naming its field, and a
 * closing delimiter. Anything else is refused with the reason, which the fakes answer as a 400.
 */
public record MultipartForm(List<FormPart> parts) {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};

    public MultipartForm {
        parts = List.copyOf(parts);
    }

    /** The body is malformed; the message says how. */
    public static final class MalformedMultipartException extends IllegalArgumentException {
        public MalformedMultipartException(String message) {
            super(message);
        }
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Parses {@code body} sent with {@code contentType}. */
    public static MultipartForm parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!isMultipart(contentType) || !boundaryMatch.find()) {
            throw new MalformedMultipartException("Content-Type " + contentType + " is not multipart/form-data with a boundary");
        }
        String boundary = boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedMultipartException("the body never opens with its boundary --" + boundary);
        }
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<FormPart> parts = new ArrayList<>();
        position += delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                if (parts.isEmpty()) {
                    throw new MalformedMultipartException("the body has no parts");
                }
                return new MultipartForm(parts);
            }
            if (!startsWith(body, position, CRLF)) {
                throw new MalformedMultipartException("boundary of part " + (parts.size() + 1) + " is not followed by CRLF");
            }
            position += 2;
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, position);
            if (headersEnd < 0) {
                throw new MalformedMultipartException("part " + (parts.size() + 1) + " has no blank line after its headers");
            }
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, separator, contentStart);
            if (contentEnd < 0) {
                throw new MalformedMultipartException("part " + (parts.size() + 1) + " is never closed by --" + boundary
                        + " (truncated body?)");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd), parts.size() + 1));
            position = contentEnd + separator.length;
        }
    }

    private static FormPart part(String headers, byte[] content, int number) {
        String disposition = null;
        String type = "";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("part " + number + " has a malformed header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedMultipartException("part " + number + " has no Content-Disposition: form-data");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find() || name.group(1).isEmpty()) {
            throw new MalformedMultipartException("part " + number + " names no field: " + disposition);
        }
        Matcher filename = FILENAME.matcher(disposition);
        return new FormPart(name.group(1), filename.find() ? filename.group(1) : "", type, content);
    }

    /** The first part of field {@code name}. */
    public Optional<FormPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
