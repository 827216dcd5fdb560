package com.alphacast.core.feed;

import com.alphacast.core.text.TerminalText;

/**
 * Input that cannot be parsed. The message always names the source (file name or stream label), the 1-based line and
 * column, and what was wrong, so a user can open the file at the right place. The message is one line of bounded
 * length with control characters escaped, whatever the input contained (it is printed to terminals).
 */
public final class InputFormatException extends RuntimeException {

    /** Longest description of a problem; quoted input inside it is already cut shorter by the readers. */
    static final int PROBLEM_LIMIT = 400;

    private final String source;
    private final long line;
    private final long column;
    private final String problem;

    public InputFormatException(String source, long line, long column, String problem) {
        this(source, line, column, problem, null);
    }

    public InputFormatException(String source, long line, long column, String problem, Throwable cause) {
        super(TerminalText.excerpt(source, 200) + ":" + line + ":" + column + ": "
                + TerminalText.excerpt(problem, PROBLEM_LIMIT), cause);
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
