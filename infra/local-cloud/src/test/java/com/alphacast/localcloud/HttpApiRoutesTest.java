package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.testing.HttpRouteHandlers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpApiRoutesTest {

    private static final CopyOnWriteArrayList<String> FUNCTION_LOG = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.path("http-stack.yaml"))
            .functionLog((function, line) -> FUNCTION_LOG.add(function + ": " + line))
            .loadHandlersFrom(HttpApiRoutesTest.class.getClassLoader())
            .build();

    private static URI url(String pathAndQuery) {
        return URI.create(CLOUD.get().httpEndpoint().orElseThrow() + pathAndQuery);
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void invokesTheRouteWithPayloadFormat2Event() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/echo/42?tier=premium&tier=basic&q=a%20b"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "s3cret")
                .header("Cookie", "lang=en; theme=dark")
                .header("User-Agent", "curl/8.5.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":1}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-route")).hasValue("POST /echo/{id}");
        assertThat(response.headers().allValues("x-tier")).containsExactly("premium", "basic");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; Path=/");
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /echo/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo/42");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("tier=premium&tier=basic&q=a%20b");
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("lang=en", "theme=dark");
        assertThat(event.get("headers").get("x-telegram-bot-api-secret-token").asText()).isEqualTo("s3cret");
        assertThat(event.get("headers").get("content-type").asText()).isEqualTo("application/json");
        assertThat(event.get("headers").has("cookie")).as("cookies move out of the headers").isFalse();
        assertThat(event.get("queryStringParameters").get("tier").asText()).isEqualTo("premium,basic");
        assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("a b");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
        assertThat(event.get("body").asText()).isEqualTo("{\"update_id\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(context.get("http").get("path").asText()).isEqualTo("/echo/42");
        assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("http").get("userAgent").asText()).isEqualTo("curl/8.5.0");
        assertThat(context.get("requestId").asText()).isNotBlank();
        assertThat(context.get("routeKey").asText()).isEqualTo("POST /echo/{id}");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(Instant.ofEpochMilli(context.get("timeEpoch").asLong())).isBetween(before, Instant.now());
    }

    @Test
    void passesANonTextBodyBase64Encoded() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/echo/7"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());

        JsonNode event = JSON.readTree(response.body());
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(bytes);
    }

    @Test
    void decodesABase64ResponseBody() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/pixel.png")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(response.body()).isEqualTo(HttpRouteHandlers.PIXEL);
    }

    @Test
    void answersABareResultAs200Json() throws Exception {
        HttpResponse<byte[]> object = send(HttpRequest.newBuilder(url("/echo/fixed"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<byte[]> string = send(HttpRequest.newBuilder(url("/greet/ada")).GET().build());

        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(JSON.readTree(object.body()).get("status").asText()).isEqualTo("ok");
        assertThat(string.statusCode()).isEqualTo(200);
        assertThat(text(string)).isEqualTo("hello ada");
    }

    @Test
    void picksTheMostSpecificRouteAndFillsGreedyParameters() throws Exception {
        HttpResponse<byte[]> literal = send(HttpRequest.newBuilder(url("/echo/fixed"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<byte[]> greedy = send(HttpRequest.newBuilder(url("/files/reports/2026/q1.csv"))
                .DELETE().build());

        assertThat(JSON.readTree(literal.body()).get("path").asText()).as("literal /echo/fixed beats /echo/{id}")
                .isEqualTo("/echo/fixed");
        JsonNode event = JSON.readTree(greedy.body());
        assertThat(event.get("routeKey").asText()).isEqualTo("ANY /files/{proxy+}");
        assertThat(event.get("requestContext").get("http").get("method").asText()).isEqualTo("DELETE");
        assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("reports/2026/q1.csv");
    }

    @Test
    void servesANamedStageUnderItsPrefixWithItsDefaultRoute() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/v1/anything/at/all")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("/v1/anything/at/all");
    }

    @Test
    void answersNotFoundForARouteNoEventDeclares() throws Exception {
        HttpResponse<byte[]> unknownPath = send(HttpRequest.newBuilder(url("/nowhere")).GET().build());
        HttpResponse<byte[]> wrongMethod = send(HttpRequest.newBuilder(url("/echo/42")).GET().build());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(text(unknownPath)).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void answersInternalServerErrorWhenTheHandlerThrows() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/fail"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(FUNCTION_LOG).anyMatch(line -> line.startsWith("FailingFunction: handler threw")
                && line.contains("order book unavailable"));
    }

    @Test
    void answersGatewayTimeoutWhenTheFunctionOverrunsItsTimeout() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/sleep")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("3000")).build());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(CLOUD.get().functionStats("SleepyFunction").lastError()).hasValue("Task timed out after 1 seconds");
    }

    @Test
    void answersGatewayTimeoutPastTheRouteIntegrationTimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/impatient")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("700")).build());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered at the 200 ms integration timeout")
                .isLessThan(650);
    }

    @Test
    void refusesABodyOverTheTenMegabyteLimit() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url("/echo/1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(CLOUD.get().functionStats("EchoFunction").errors()).isZero();
    }

    @Test
    void throttlesARoutePastItsStageBurst() throws Exception {
        int[] statuses = new int[3];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = send(HttpRequest.newBuilder(url("/limited/ping")).GET().build()).statusCode();
        }
        HttpResponse<byte[]> throttled = send(HttpRequest.newBuilder(url("/limited/ping")).GET().build());

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(text(throttled)).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void listsEveryRouteWithItsLoopbackUrlAndFunction() {
        String endpoint = CLOUD.get().httpEndpoint().orElseThrow().toString();

        assertThat(CLOUD.get().httpRoutes()).contains(
                new HttpRouteListing("POST", "POST /echo/{id}", endpoint + "/echo/{id}", "EchoFunction", "Echo"),
                new HttpRouteListing("GET", "GET /ping", endpoint + "/limited/ping", "BareFunction", "Limited"),
                new HttpRouteListing("ANY", "$default", endpoint + "/v1/", "BareFunction", "CatchAll"));
        assertThat(CLOUD.get().httpRoutes()).hasSize(10);
    }
}
