package com.alphacast.cli;

/**
 * Exit codes of every {@code ./alphacast} command (BSD sysexits where one fits), documented in cli/README.md.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** A negative answer that is not an error: an invalid signature, a missed bench target, a refused AWS call. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, missing or out-of-range value (EX_USAGE). */
    public static final int USAGE = 64;
    /** An input the user gave is unusable: a file, a settings profile, a template; the message names it (EX_DATAERR). */
    public static final int INPUT = 65;
    /** A defect of ours, not the user's: reported in one line, with the stack trace under ALPHACAST_DEBUG=1 (EX_SOFTWARE). */
    public static final int INTERNAL = 70;
    /** Another run holds what this run needs (the demo's working directory); try again later (EX_TEMPFAIL). */
    public static final int BUSY = 75;

    private ExitCode() {
    }
}
