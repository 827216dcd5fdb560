package com.alphacast.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code ./alphacast} subcommand group. */
public interface Command {

    /** @return the process exit code: 0 ok, 2 bad input, 64 usage error */
    int run(List<String> args, PrintStream out, PrintStream err);
}
