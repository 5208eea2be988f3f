package dev.podclip.catalog;

import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.media.SyntheticWav;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@TestProfile(CatalogProfile.class)
class DemoMediaTest {

    private static final long DURATION_MS = 61_500;
    private static final String URL = "/media/demo/" + DURATION_MS + "/intro.wav";
    private static final long SIZE = SyntheticWav.sizeBytes(DURATION_MS);

    @Test
    void servesTheWholeFile() {
        byte[] body = given().get(URL).then().statusCode(200).contentType("audio/wav")
                .header("Accept-Ranges", "bytes").header("Content-Length", Long.toString(SIZE))
                .extract().asByteArray();
        assertThat(body).isEqualTo(SyntheticWav.range(DURATION_MS, 0, SIZE));
    }

    @Test
    void servesRanges() {
        byte[] head = given().header("Range", "bytes=0-43").get(URL).then().statusCode(206)
                .header("Content-Range", "bytes 0-43/" + SIZE).header("Content-Length", "44")
                .contentType("audio/wav").extract().asByteArray();
        assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");

        byte[] open = given().header("Range", "bytes=100000-").get(URL).then().statusCode(206)
                .header("Content-Range", "bytes 100000-" + (SIZE - 1) + "/" + SIZE).extract().asByteArray();
        assertThat(open).isEqualTo(SyntheticWav.range(DURATION_MS, 100_000, SIZE));

        byte[] suffix = given().header("Range", "bytes=-10").get(URL).then().statusCode(206)
                .header("Content-Range", "bytes " + (SIZE - 10) + "-" + (SIZE - 1) + "/" + SIZE)
                .extract().asByteArray();
        assertThat(suffix).isEqualTo(SyntheticWav.range(DURATION_MS, SIZE - 10, SIZE));

        given().header("Range", "bytes=" + SIZE + "-").get(URL).then().statusCode(416)
                .header("Content-Range", "bytes */" + SIZE);
        given().header("Range", "bytes=0-" + (SIZE * 2)).get(URL).then().statusCode(206)
                .header("Content-Range", "bytes 0-" + (SIZE - 1) + "/" + SIZE);
    }

    @Test
    void refusesOutOfBoundsDurations() {
        given().get("/media/demo/0/x.wav").then().statusCode(400).contentType("application/problem+json");
        given().get("/media/demo/18000001/x.wav").then().statusCode(400).body("status", is(400));
        given().head(URL).then().statusCode(200).header("Content-Length", Long.toString(SIZE));
    }
}
