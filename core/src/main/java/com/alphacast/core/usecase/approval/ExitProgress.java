package com.alphacast.core.usecase.approval;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * How far the position function, the one owner of exits, has checked open positions against the bars. The risk
 * check waits for it (bounded) before deciding at the open-position limit, so a slot the market freed at a bar before
 * the signal is given back before the signal is counted, as it would be if one process did both.
 *
 * <p>The wait is per position, not per symbol: a check that ran before a position's approval (or fill) says nothing
 * about that position, however late the bars it read. Waiting on a symbol's horizon alone let a check that had not
 * seen the newest approval satisfy the wait, and the signal was rejected at the limit although that position had
 * exited before it.
 */
public interface ExitProgress {

    /**
     * Waits, at most the implementation's bound, until every position in {@code counted} whose exit is still undecided
     * was checked through {@code marketTime}. Whenever a check has passed {@code marketTime} without naming one of
     * them, the positions are counted again with {@code recount}: that one may have closed meanwhile (a later check
     * no longer lists what it closed).
     *
     * @return false when some were still unchecked at the end of the wait (the decision then goes ahead on what is
     *         recorded, as a slow position function must not stop new signals)
     */
    boolean awaitChecked(Instant marketTime, List<CountedPosition> counted, Supplier<List<CountedPosition>> recount);
}
