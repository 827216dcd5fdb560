package com.alphacast.core.feed;

/**
 * Input that cannot be parsed. The message always names the source (file name or stream label), the 1-based line and
 * column, and what was wrong, so a user can open the file at the right place.
 */
public final class InputFormatException extends RuntimeException {

    private final String source;
    private final long line;
    private final long column;
    private final String problem;

    public InputFormatException(String source, long line, long column, String problem) {
        this(source, line, column, problem, null);
    }

    public InputFormatException(String source, long line, long column, String problem, Throwable cause) {
        super(source + ":" + line + ":" + column + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
