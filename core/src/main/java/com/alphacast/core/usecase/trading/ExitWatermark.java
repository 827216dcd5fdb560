package com.alphacast.core.usecase.trading;

/** Records how far exits on a symbol have been checked, for the risk check to wait on ({@code ExitProgress}). */
public interface ExitWatermark {

    /**
     * Exits on {@code check}'s symbol are decided for its positions through its horizon. A record never moves back:
     * one at an earlier horizon than the stored one changes nothing, one at the same horizon adds its positions.
     */
    void checked(String symbol, ExitCheck check);
}
