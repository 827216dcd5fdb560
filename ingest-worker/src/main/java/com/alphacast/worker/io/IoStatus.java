package com.alphacast.worker.io;

/**
 * Back-pressure and progress of the I/O executor, for the worker's status.
 *
 * @param queueDepth       writes waiting now
 * @param maxQueueDepth    the most that ever waited
 * @param capacity         the queue's bound
 * @param snapshotsWritten snapshots stored
 * @param signalsSent      signals sent
 * @param snapshotsDropped snapshots dropped because the queue was full (the feed thread never waits for them)
 * @param signalBlocks     times a signal found the queue full and the feed thread waited for room
 * @param blockedNanos     total time feed threads waited for room
 * @param batches          write batches taken off the queue
 * @param failedWrites     chains, snapshots, signals and rejections given up after retries
 * @param lastFailure      the last failure's message, empty if none
 * @param rejectionsWritten candidates that lost a strategy conflict, recorded
 * @param rejectionsDropped such records dropped because the queue was full
 * @param chainsWritten    option chains stored (one each time an instrument's chain changed)
 */
public record IoStatus(int queueDepth, int maxQueueDepth, int capacity, long snapshotsWritten, long signalsSent,
                       long snapshotsDropped, long signalBlocks, long blockedNanos, long batches, long failedWrites,
                       String lastFailure, long rejectionsWritten, long rejectionsDropped, long chainsWritten) {
}
