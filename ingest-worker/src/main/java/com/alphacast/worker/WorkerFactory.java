package com.alphacast.worker;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.worker.pipeline.MarketPipeline;
import com.alphacast.worker.pipeline.SignalSink;
import com.alphacast.worker.pipeline.SnapshotSink;
import com.alphacast.worker.replay.TradeReplay;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the worker's beans from its {@link WorkerEnvironment}. */
@Factory
public class WorkerFactory {

    @Singleton
    AlphacastSettings settings(WorkerEnvironment environment) {
        return SettingsLoader.fromEnvironment(environment.variables()).load(environment.profile());
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
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

    /** Each snapshot is stored first, then announced on the bars queue, so whoever reacts can read it. */
    @Singleton
    SnapshotSink snapshots(DynamoDbClient dynamoDb, SqsClient sqs, WorkerEnvironment environment, JsonCodec json) {
        long days = Long.parseLong(environment.variables().getOrDefault("RETENTION_DAYS", "30"));
        DynamoMarketSnapshots table = new DynamoMarketSnapshots(dynamoDb,
                environment.require("MARKET_SNAPSHOTS_TABLE"), Duration.ofDays(days));
        QueuePublisher bars = new QueuePublisher(sqs, environment.require("MARKET_BARS_QUEUE_URL"), json);
        return snapshot -> {
            table.put(snapshot);
            bars.publish(snapshot.bar(), 0, Map.of("symbol", snapshot.symbol()));
        };
    }

    @Singleton
    SignalSink signals(SqsClient sqs, WorkerEnvironment environment, JsonCodec json) {
        QueuePublisher queue = new QueuePublisher(sqs, environment.require("SIGNALS_QUEUE_URL"), json);
        return signal -> queue.publish(signal, 0, Map.of("signalId", signal.id(), "strategy", signal.strategy()));
    }

    /** A fresh pipeline (bars and strategy state) per feed session. */
    @Prototype
    MarketPipeline pipeline(AlphacastSettings settings, SnapshotSink snapshots, SignalSink signals) {
        return new MarketPipeline(
                new TimeBarBuilder(settings.market().symbol(), Duration.ofSeconds(settings.volumeSpike().barSeconds())),
                new VolumeSpikeStrategy(settings.market(), settings.volumeSpike()), snapshots, signals);
    }

    @Singleton
    TradeReplay replay(AlphacastSettings settings, Clock clock) {
        // The recorded files carry UTC timestamps.
        return new TradeReplay(new TradeCsvReader(settings.market().symbol(), ZoneOffset.UTC), clock);
    }
}
