package com.alphacast.worker;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.config.StrategyProfilesLoader;
import com.alphacast.aws.feed.DynamoFeedStatusBoard;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.market.DynamoOptionChains;
import com.alphacast.aws.strategy.DynamoRejectedSignals;
import com.alphacast.aws.sqs.FifoOrdering;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.WorkerStrategies;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.usecase.feed.FeedStatusBoard;
import com.alphacast.worker.io.ChainStore;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.io.RejectionStore;
import com.alphacast.worker.io.SignalOutlet;
import com.alphacast.worker.io.SnapshotStore;
import com.alphacast.worker.live.FeedAlertOutbox;
import com.alphacast.worker.live.LiveFeeds;
import com.alphacast.worker.live.OperatorChat;
import com.alphacast.worker.live.TelegramOperatorChat;
import com.alphacast.worker.pipeline.InstrumentDesks;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the worker's beans from its {@link WorkerEnvironment}. */
@Factory
public class WorkerFactory {

    /** Items per I/O batch: one SendMessageBatch of signals, or a few BatchWriteItem requests of snapshots. */
    static final int IO_BATCH = 100;
    static final long IO_RETRY_PAUSE_MILLIS = 200;
    /** Feed alerts waiting for the outbox thread (a failover makes three or four). */
    static final int FEED_ALERT_QUEUE = 256;
    static final Duration OPERATOR_CHAT_TIMEOUT = Duration.ofSeconds(10);

    @Singleton
    AlphacastSettings settings(WorkerEnvironment environment) {
        return SettingsLoader.fromEnvironment(environment.variables()).load(environment.profile());
    }

    @Singleton
    JsonCodec json() {
        return new JsonCodec();
    }

    @Singleton
    AwsClients awsClients(WorkerEnvironment environment) {
        return new AwsClients(environment.variables());
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDb(AwsClients clients) {
        return clients.dynamoDb();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqs(AwsClients clients) {
        return clients.sqs();
    }

    /** Each batch of snapshots is stored first, then announced on the bars queue, so whoever reacts can read it. */
    @Singleton
    SnapshotStore snapshots(DynamoDbClient dynamoDb, SqsClient sqs, WorkerEnvironment environment, JsonCodec json) {
        long days = Long.parseLong(environment.variables().getOrDefault("RETENTION_DAYS", "30"));
        DynamoMarketSnapshots table = new DynamoMarketSnapshots(dynamoDb,
                environment.require("MARKET_SNAPSHOTS_TABLE"), Duration.ofDays(days));
        QueuePublisher bars = new QueuePublisher(sqs, environment.require("MARKET_BARS_QUEUE_URL"), json);
        return snapshots -> {
            table.putAll(snapshots);
            bars.publishAll(snapshots.stream().map(snapshot -> new QueuePublisher.Outgoing(snapshot.bar(),
                    Map.of("symbol", snapshot.symbol()))).toList());
        };
    }

    /**
     * Candidates go to the FIFO SignalsQueue in one message group, deduplicated by signal id: the risk check decides
     * them one at a time in send order (template.yaml); a standard queue's URL is refused.
     */
    @Singleton
    SignalOutlet signals(SqsClient sqs, WorkerEnvironment environment, JsonCodec json) {
        QueuePublisher queue = new QueuePublisher(sqs, environment.require("SIGNALS_QUEUE_URL"), json,
                FifoOrdering.signals());
        return signals -> queue.publishAll(signals.stream().map(signal -> new QueuePublisher.Outgoing(signal,
                Map.of("signalId", signal.id(), "strategy", signal.strategy()))).toList());
    }

    /** Candidates that lost a strategy conflict, kept for audit (key documented on DynamoRejectedSignals). */
    @Singleton
    RejectionStore rejections(DynamoDbClient dynamoDb, WorkerEnvironment environment, JsonCodec json) {
        long days = Long.parseLong(environment.variables().getOrDefault("RETENTION_DAYS", "30"));
        DynamoRejectedSignals table = new DynamoRejectedSignals(dynamoDb,
                environment.require("REJECTED_SIGNALS_TABLE"), Duration.ofDays(days), json);
        return table::putAll;
    }

    /** Chains the worker is handed, beside the snapshots (item shape documented on DynamoOptionChains). */
    @Singleton
    ChainStore chains(DynamoDbClient dynamoDb, WorkerEnvironment environment) {
        long days = Long.parseLong(environment.variables().getOrDefault("RETENTION_DAYS", "30"));
        DynamoOptionChains table = new DynamoOptionChains(dynamoDb, environment.require("MARKET_SNAPSHOTS_TABLE"),
                Duration.ofDays(days));
        return chains -> table.putAll(chains.stream().map(held -> new DynamoOptionChains.ChainWrite(
                held.underlying(), held.chain(), held.observedAt())).toList());
    }

    @Singleton
    @Bean(preDestroy = "close")
    OutboundWrites outboundWrites(AlphacastSettings settings, SnapshotStore snapshots, SignalOutlet signals,
                                  RejectionStore rejections, ChainStore chains) {
        return new OutboundWrites(settings.worker().ioQueueCapacity(), IO_BATCH, IO_RETRY_PAUSE_MILLIS, snapshots,
                signals, rejections, chains);
    }

    @Singleton
    LiveFeeds liveFeeds(WorkerEnvironment environment) {
        return new LiveFeeds(environment.variables(), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    /** Feed status records in the control table (CONTROL_TABLE), beside the kill switch the risk check reads. */
    @Singleton
    FeedStatusBoard feedStatusBoard(DynamoDbClient dynamoDb, WorkerEnvironment environment) {
        return new DynamoFeedStatusBoard(dynamoDb, environment.require("CONTROL_TABLE"));
    }

    /**
     * The operator chat: Telegram's {@code sendMessage} to {@code subscriptions.operatorChat} with the bot token the
     * profile's live Telegram channel names (a secret reference); empty when either is missing (an outbox profile).
     */
    static Optional<OperatorChat> operatorChat(AlphacastSettings settings, WorkerEnvironment environment,
                                               AwsClients clients) {
        Optional<String> chat = settings.subscriptions().operatorChat();
        ChannelSettings telegram = settings.distribution().channels().get(Channel.TELEGRAM);
        if (chat.isEmpty() || telegram == null || telegram.sink() != ChannelSettings.SinkKind.LIVE
                || telegram.credentialRef().isEmpty()) {
            return Optional.empty();
        }
        String token = new SecretResolver(environment.variables(), clients::ssm, clients::secretsManager)
                .resolve(telegram.credentialRef().get());
        return Optional.of(new TelegramOperatorChat(TelegramTransport.create(token,
                URI.create(telegram.apiBaseUrl()), OPERATOR_CHAT_TIMEOUT), chat.get()));
    }

    /** Where the supervisor's alerts go (LiveSession's {@code OperatorAlerts}): control table and operator chat. */
    @Singleton
    @Bean(preDestroy = "close")
    FeedAlertOutbox feedAlertOutbox(FeedStatusBoard board, AlphacastSettings settings, WorkerEnvironment environment,
                                    AwsClients clients) {
        return new FeedAlertOutbox(board, operatorChat(settings, environment, clients), FEED_ALERT_QUEUE);
    }

    /** The instruments' strategy desks; a bad or unknown {@code worker.strategies.profile} stops the worker here. */
    @Singleton
    InstrumentDesks desks(AlphacastSettings settings, WorkerEnvironment environment) {
        WorkerStrategies selection = settings.worker().strategies();
        Optional<StrategyProfile> profile = selection.profile()
                .map(name -> new StrategyProfilesLoader().load(environment.variables(), name));
        StrategyCatalog catalog = new StrategyCatalog(new ShippedCalendars().calendar(selection.exchange()),
                new GammaExposure(GexConvention.DEFAULT));
        return new InstrumentDesks(settings, profile, catalog);
    }

    @Singleton
    ChainAnalytics chains() {
        return new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);
    }
}
