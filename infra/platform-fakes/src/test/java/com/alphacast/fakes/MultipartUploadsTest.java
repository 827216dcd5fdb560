package com.alphacast.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.x.FakeX;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the fakes refuse in a multipart upload: each case is one way a real client could get it wrong. */
class MultipartUploadsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final String BOUNDARY = "b0undary";
    private final HttpClient http = HttpClient.newHttpClient();

    /** A multipart body: a value of type byte[] is a file part named chart.png, a String a plain field. */
    private static byte[] multipart(Map<String, Object> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parts.forEach((name, value) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"").getBytes(StandardCharsets.UTF_8));
            if (value instanceof byte[] file) {
                body.writeBytes("; filename=\"chart.png\"\r\nContent-Type: image/png\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
            } else {
                body.writeBytes(("\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> post(URI uri, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> parts(Object... nameValue) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parts.put((String) nameValue[i], nameValue[i + 1]);
        }
        return parts;
    }

    @Test
    void discordTakesAPayloadJsonMessageWithItsFileAndKeepsTheBytes() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start("bot")) {
            String url = discord.addWebhook("111", "secret");
            HttpResponse<String> response = post(URI.create(url + "?wait=true"), multipart(parts(
                    "payload_json", "{\"embeds\":[{\"title\":\"Levels\",\"image\":{\"url\":\"attachment://chart.png\"}}],"
                            + "\"attachments\":[{\"id\":\"0\",\"filename\":\"chart.png\"}]}",
                    "files[0]", PNG)), null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(discord.posted()).singleElement().satisfies(posted -> {
                assertThat(posted.files()).singleElement().satisfies(file -> assertThat(file.bytes()).isEqualTo(PNG));
                assertThat(posted.body().get("embeds").get(0).get("title").asText()).isEqualTo("Levels");
            });
        }
    }

    @Test
    void discordRefusesAnImageNamingNoUploadedFileAnAttachmentWithoutItsFileAndAStrayPart() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start("bot")) {
            URI url = URI.create(discord.addWebhook("111", "secret"));
            HttpResponse<String> wrongName = post(url, multipart(parts(
                    "payload_json", "{\"embeds\":[{\"title\":\"Levels\",\"image\":{\"url\":\"attachment://gex.png\"}}]}",
                    "files[0]", PNG)), null);
            HttpResponse<String> missingFile = post(url, multipart(parts(
                    "payload_json", "{\"content\":\"x\",\"attachments\":[{\"id\":\"1\",\"filename\":\"chart.png\"}]}",
                    "files[0]", PNG)), null);
            HttpResponse<String> stray = post(url, multipart(parts("content", "x", "files[0]", PNG)), null);

            assertThat(wrongName.statusCode()).isEqualTo(400);
            assertThat(wrongName.body()).contains("attachment://gex.png names no uploaded file");
            assertThat(missingFile.body()).contains("id 1 names no uploaded files[n] part");
            assertThat(stray.body()).contains("a multipart message needs its JSON in a payload_json field");
            assertThat(discord.posted()).isEmpty();
        }
    }

    @Test
    void xRefusesAnUploadThatIsNotAnImageOrHasAnUnknownFieldAndAPostNamingMediaItNeverGot() throws Exception {
        try (FakeX x = FakeX.start(new FakeX.Credentials("ck", "cs", "at", "ats", "user-token"))) {
            URI upload = URI.create(x.baseUri() + "/2/media/upload");
            HttpResponse<String> notAnImage = post(upload, multipart(parts(
                    "media", "plain text".getBytes(StandardCharsets.UTF_8), "media_category", "tweet_image")), "Bearer user-token");
            HttpResponse<String> unknownField = post(upload, multipart(parts(
                    "media", PNG, "media_category", "tweet_image", "media_type", "image/png")), "Bearer user-token");
            HttpResponse<String> accepted = post(upload, multipart(parts(
                    "media", PNG, "media_category", "tweet_image")), "Bearer user-token");
            HttpResponse<String> unknownMedia = http.send(HttpRequest.newBuilder(URI.create(x.baseUri() + "/2/tweets"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer user-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Levels\",\"media\":{\"media_ids\":[\"42\"]}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(notAnImage.statusCode()).isEqualTo(400);
            assertThat(notAnImage.body()).contains("not a PNG, JPEG, GIF or WebP image");
            assertThat(unknownField.statusCode()).isEqualTo(400);
            assertThat(unknownField.body()).contains("media_type");
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.body()).contains("\"image_type\":\"image/png\"");
            assertThat(x.uploads()).singleElement().satisfies(kept -> assertThat(kept.bytes()).isEqualTo(PNG));
            assertThat(unknownMedia.statusCode()).isEqualTo(400);
            assertThat(unknownMedia.body()).contains("42 was never uploaded");
            assertThat(x.posts()).isEmpty();
        }
    }
}
