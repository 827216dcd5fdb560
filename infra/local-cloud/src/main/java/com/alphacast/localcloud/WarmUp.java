package com.alphacast.localcloud;

import java.time.Duration;

/**
 * What the local cloud ran before reporting the stack ready ({@link LocalCloudOptions#warmUpRounds()}): every SnapStart
 * function primed {@code rounds} times in each of its environments, and ElasticMQ's message path ran {@code rounds}
 * batches on a scratch queue, both at once.
 *
 * @param rounds       priming rounds per SnapStart function environment, and message batches
 * @param environments execution environments built ahead of traffic, over all functions
 * @param functions    loading every function and building its environments, priming included
 * @param messagePath  ElasticMQ's send, receive and delete batches (beside the functions)
 * @param compiler     then the wait for the JIT to compile what the priming made hot ({@link CompilerQuiet})
 */
public record WarmUp(int rounds, int environments, Duration functions, Duration messagePath, Duration compiler) {

    /** How long the warm-up took: the functions and the message path side by side, then the compiler. */
    public Duration total() {
        return (functions.compareTo(messagePath) >= 0 ? functions : messagePath).plus(compiler);
    }
}
