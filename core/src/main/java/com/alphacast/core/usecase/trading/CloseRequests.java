package com.alphacast.core.usecase.trading;

/** Hands operators' close requests to the position function (its close-requests queue). */
public interface CloseRequests {

    void request(CloseRequest request);
}
