package com.alphacast.cli.backtest;

/** A backtest that cannot run as asked: the exit code ({@code ExitCode}) and the one line that says why. */
final class BacktestRefusal extends RuntimeException {

    private final int code;

    BacktestRefusal(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
