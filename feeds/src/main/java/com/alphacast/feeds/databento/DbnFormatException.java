package com.alphacast.feeds.databento;

/**
 * A DBN recording that cannot be read as DBN: names the file, the byte offset in the decompressed stream and what was
 * wrong, so a bad file never passes as a shorter good one.
 */
public final class DbnFormatException extends RuntimeException {

    private final String file;
    private final long offset;

    public DbnFormatException(String file, long offset, String problem) {
        super(file + " at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public DbnFormatException(String file, long offset, String problem, Throwable cause) {
        super(file + " at byte " + offset + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    /** Offset in the decompressed DBN stream. */
    public long offset() {
        return offset;
    }
}
