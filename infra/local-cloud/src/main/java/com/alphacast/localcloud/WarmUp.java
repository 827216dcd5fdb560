package com.alphacast.localcloud;

import java.time.Duration;

/**
 * What the local cloud ran before reporting the stack ready ({@link LocalCloudOptions#warmUpRounds()}): every SnapStart
 * function primed {@code rounds} times in each of its environments while the servers ran the pipeline's requests
 * {@code rounds} times on scratch queues ({@link MessagePathWarmUp}), then on a scratch table ({@link TablePathWarmUp}).
 *
 * @param rounds       priming rounds per SnapStart function environment, and rounds of each server path
 * @param environments execution environments built ahead of traffic, over all functions
 * @param functions    loading every function and building its environments, priming included
 * @param messagePath  ElasticMQ's send, receive and delete batches (beside the functions)
 * @param tablePath    then the embedded DynamoDB's writes and reads (beside the functions)
 * @param compiler     then the wait for the JIT to compile what the priming made hot ({@link CompilerQuiet})
 */
public record WarmUp(int rounds, int environments, Duration functions, Duration messagePath, Duration tablePath,
                     Duration compiler) {

    /** How long the warm-up took: the functions and the servers' paths side by side, then the compiler. */
    public Duration total() {
        Duration servers = messagePath.plus(tablePath);
        return (functions.compareTo(servers) >= 0 ? functions : servers).plus(compiler);
    }
}
