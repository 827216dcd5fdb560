package com.alphacast.core.vpin;

/** Receives each completed volume bucket. Called on the thread that fed the volume; must not block. */
@FunctionalInterface
public interface BucketListener {

    /**
     * @param epochMillis time of the volume that completed the bucket
     * @param bucket      0-based index of the completed bucket
     * @param buyVolume   buy volume in the bucket
     * @param sellVolume  sell volume in the bucket
     * @param vpin        VPIN over the last n buckets including this one, NaN until n buckets are complete
     */
    void onBucket(long epochMillis, long bucket, double buyVolume, double sellVolume, double vpin);

    BucketListener NONE = (t, b, buy, sell, v) -> { };
}
