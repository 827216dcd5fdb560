package com.alphacast.core.text;

/**
 * Makes text from files, messages or the command line safe to show to a person in a terminal. Control characters
 * (C0 except tab and newline, DEL, C1) and bidirectional overrides are shown as backslash-u escapes (ESC becomes the six characters backslash, u, 0, 0, 1, B),
 * so an escape sequence hidden in an input file cannot recolour, move the cursor, retitle the window or reorder the
 * text; quoted input is cut to a bounded length so one huge field cannot flood the terminal.
 */
public final class TerminalText {

    /** Longest excerpt of quoted input an error message carries. */
    public static final int EXCERPT_LIMIT = 80;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TerminalText() {
    }

    /** {@code text} with every unsafe character escaped; newlines and tabs are kept. */
    public static String safe(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        int i = 0;
        while (i < n && !unsafe(text.charAt(i), true)) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(text, 0, i);
        appendEscaped(out, text, i, n, true);
        return out.toString();
    }

    /**
     * A one-line excerpt of user input for an error message: unsafe characters (newlines included) escaped and at most
     * {@link #EXCERPT_LIMIT} characters, with the full length named when it was cut.
     */
    public static String excerpt(CharSequence text) {
        return excerpt(text, EXCERPT_LIMIT);
    }

    public static String excerpt(CharSequence text, int limit) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        int end = Math.min(n, limit);
        if (end < n && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 32);
        appendEscaped(out, text, 0, end, false);
        if (end < n) {
            out.append("...(").append(n).append(" characters)");
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, CharSequence text, int from, int to, boolean keepLines) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepLines)) {
                out.append(c);
            } else {
                // backslash-u and four hex digits: the same escape is also valid inside a JSON string
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (c < 0x20) {
            return !(keepLines && (c == '\n' || c == '\t'));
        }
        return (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
