package com.alphacast.core.quality;

/** Receives the verdict on each print, in arrival order. */
public interface PrintListener {

    void onAccepted(long epochMillis, double price, long size);

    /**
     * @param median the rolling median the print was compared with
     */
    void onRejected(long epochMillis, double price, long size, double median);
}
