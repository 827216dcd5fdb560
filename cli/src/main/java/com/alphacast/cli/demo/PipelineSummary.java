package com.alphacast.cli.demo;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.aws.trading.DynamoTradingLedger.ClosedPosition;
import com.alphacast.aws.trading.DynamoTradingLedger.Execution;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.trading.Position;
import com.alphacast.localcloud.function.FunctionStats;
import com.alphacast.worker.replay.ReplayReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the demo found in the local cloud after the pipeline went idle.
 *
 * @param replay           what the worker replayed
 * @param decisions        every risk decision
 * @param executions       every order with its fill
 * @param openPositions    positions still open
 * @param closedPositions  positions closed at their stop or target
 * @param lastMarket       the last snapshot, for marking positions
 * @param deliveries       every delivery record
 * @param outboxFiles      outbox file per channel
 * @param functions        per function: invocations and records processed and failed
 * @param deadLetters      messages per dead-letter queue
 * @param multiplier       contract multiplier for P&amp;L
 * @param premiumPaths     each approved signal's stamped way to its premium subscribers
 */
record PipelineSummary(ReplayReport replay, List<RecordedDecision> decisions, List<Execution> executions,
                       List<Position> openPositions, List<ClosedPosition> closedPositions, Optional<MarketSnapshot> lastMarket, List<DeliveryRecord> deliveries,
                       List<Path> outboxFiles, Map<String, FunctionStats> functions, Map<String, Integer> deadLetters,
                       double multiplier, PremiumPaths premiumPaths) {
}
