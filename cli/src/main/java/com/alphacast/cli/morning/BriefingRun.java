package com.alphacast.cli.morning;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.usecase.briefing.BriefingRecord;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.function.schedule.ScheduleFiring;
import com.alphacast.localcloud.function.schedule.ScheduleListing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * One briefing on a running local stack, the way AWS would make it: the schedule clock is moved to the session's
 * day and advanced to the pre-market schedule's occurrence, which invokes MorningAnalysisFunction from its package
 * with Scheduler's input; the stack then drains (DistributionFunction delivers each tier), and what was published
 * is read back from BriefingsTable and the outbox files. Used by {@code ./alphacast morning} and by the demo's
 * closing briefing.
 */
public final class BriefingRun {

    static final String FUNCTION = "MorningAnalysisFunction";
    static final String SCHEDULE = "PreMarketBriefing";

    /** One outbox line of the briefing: a platform request as it would have been sent. */
    public record OutboxMessage(Path file, String channel, String tier, String destination) {
    }

    /** The chart as written for people to open. */
    public record ChartFile(Path file, int bytes, int width, int height) {
    }

    /** What the run found. */
    public sealed interface Result {
        /** The schedule fired (or does not fire that day) and the exchange is closed: nothing published. */
        record Closed(LocalDate session, String reason, Optional<Instant> firedAt) implements Result {
        }

        record Published(LocalDate session, Instant firedAt, BriefingRecord briefing, JsonNode facts,
                         List<OutboxMessage> outbox, Optional<ChartFile> chart) implements Result {
        }
    }

    /** The function failed even after the schedule's retries. */
    public static final class FunctionFailedException extends RuntimeException {
        FunctionFailedException(String message) {
            super(message);
        }
    }

    private final MarketCalendar calendar;
    private final ObjectMapper json = new ObjectMapper();

    public BriefingRun(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Fires the pre-market schedule of {@code session} on {@code cloud}'s schedule clock, waits up to
     * {@code drainTimeout} for the deliveries, and reads back the result.
     *
     * @param outbox   the outbox directory the distribution function writes to
     * @param chartDir where the chart PNG is written ({@code <session>.png})
     */
    public Result run(LocalCloud cloud, LocalDate session, Duration drainTimeout, Path outbox, Path chartDir) {
        ZoneId zone = calendar.exchange().zone();
        cloud.scheduleClock().setTo(session.atStartOfDay(zone).toInstant());
        ScheduleListing schedule = cloud.schedules().stream()
                .filter(s -> s.functionLogicalId().equals(FUNCTION) && s.eventName().equals(SCHEDULE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + FUNCTION + "/" + SCHEDULE
                        + " ScheduleV2 event"));
        Optional<Instant> due = schedule.nextFire().filter(at -> LocalDate.ofInstant(at, zone).equals(session));
        if (due.isEmpty()) {
            return new Result.Closed(session, calendar.closureReason(session).orElse("the pre-market schedule ("
                    + schedule.expression() + ") does not fire that day"), Optional.empty());
        }
        List<ScheduleFiring> fired = cloud.scheduleClock().advanceTo(due.get());
        for (ScheduleFiring firing : fired) {
            if (firing.functionLogicalId().equals(FUNCTION) && firing.error().isPresent()) {
                throw new FunctionFailedException(FUNCTION + " failed on the " + session + " pre-market schedule after "
                        + firing.attempts() + " attempt(s): " + firing.error().get());
            }
        }
        cloud.awaitIdle(drainTimeout);
        Optional<BriefingRecord> briefing = new DynamoBriefingLedger(cloud.dynamoDb(),
                cloud.tableName("BriefingsTable")).find(session);
        if (briefing.isEmpty()) {
            return new Result.Closed(session, calendar.closureReason(session)
                    .orElse("the function published nothing (see its log)"), due);
        }
        try {
            return new Result.Published(session, due.get(), briefing.get(), json.readTree(briefing.get().factsJson()),
                    outboxMessages(outbox, Publication.MorningBriefing.idOf(session)),
                    chart(briefing.get(), chartDir.resolve(session + ".png")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the briefing of " + session, e);
        }
    }

    private List<OutboxMessage> outboxMessages(Path outbox, String publicationId) throws IOException {
        List<OutboxMessage> messages = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Path file = outbox.resolve(channel.key() + ".jsonl");
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (publicationId.equals(node.path("publicationId").asText())) {
                    messages.add(new OutboxMessage(file, channel.key(), node.path("tier").asText(),
                            node.path("destination").asText()));
                }
            }
        }
        return messages;
    }

    private static Optional<ChartFile> chart(BriefingRecord briefing, Path file) throws IOException {
        if (briefing.chart().isEmpty()) {
            return Optional.empty();
        }
        byte[] png = briefing.chart().get();
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IllegalStateException("the chart stored with the briefing of " + briefing.session()
                    + " is not an image ImageIO can read");
        }
        return Optional.of(new ChartFile(file, png.length, image.getWidth(), image.getHeight()));
    }
}
