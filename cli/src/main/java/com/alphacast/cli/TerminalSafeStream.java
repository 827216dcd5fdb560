package com.alphacast.cli;

import com.alphacast.core.text.TerminalText;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The stream every command prints to: each string goes through {@link TerminalText#safe}, so nothing a file or a
 * message contains can reach the terminal as a control sequence, and with a print limit (for stderr) one message
 * cannot flood the terminal. The escapes are JSON-valid, so JSON on stdout stays parseable.
 */
final class TerminalSafeStream extends PrintStream {

    private final int printLimit;

    TerminalSafeStream(PrintStream target, int printLimit) {
        super(target, true, StandardCharsets.UTF_8);
        this.printLimit = printLimit;
    }

    @Override
    public void print(String s) {
        String text = TerminalText.safe(s);
        if (text.length() > printLimit) {
            text = text.substring(0, printLimit) + "...(cut: " + text.length() + " characters)";
        }
        super.print(text);
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void println(String s) {
        synchronized (this) {
            print(s);
            println();
        }
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }
}
