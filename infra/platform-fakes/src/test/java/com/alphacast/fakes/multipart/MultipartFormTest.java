package com.alphacast.fakes.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsFieldsAndFileParts() {
        MultipartForm form = MultipartForm.parse(TYPE, bytes("--XyZ\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42"
                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"chart.png\"\r\nContent-Type: image/png"
                + "\r\n\r\n\u0089PNG\r\n\u001a\n\r\n--XyZ--\r\n"));
        assertThat(form.part("chat_id")).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("42"));
        assertThat(form.part("photo")).hasValueSatisfying(p -> {
            assertThat(p.filename()).isEqualTo("chart.png");
            assertThat(p.contentType()).isEqualTo("image/png");
            assertThat(p.size()).isEqualTo(8);
        });
    }

    @Test
    void refusesATruncatedBodyNamingThePart() {
        assertThatThrownBy(() -> MultipartForm.parse(TYPE,
                bytes("--XyZ\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42")))
                .isInstanceOf(MultipartForm.MalformedMultipartException.class).hasMessageContaining("part 1 is never closed");
    }

    @Test
    void refusesAPartWithoutFormDataDisposition() {
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, bytes("--XyZ\r\nContent-Type: text/plain\r\n\r\n42\r\n--XyZ--")))
                .hasMessageContaining("part 1 has no Content-Disposition: form-data");
    }

    @Test
    void refusesAContentTypeWithoutBoundary() {
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", bytes("--XyZ--")))
                .hasMessageContaining("not multipart/form-data with a boundary");
    }
}
