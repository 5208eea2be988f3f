package dev.podclip.catalog.media;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.support.http.ByteRange;
import dev.podclip.support.media.SyntheticWav;
import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Clearly synthetic audio for the local stack and tests ({@code catalog.demo-media.enabled}): any duration's WAV,
 * computed per requested byte range, with the Range support browsers need to seek. Public.
 */
@Path("/media/demo")
@Tag(name = "demo media")
public class DemoMediaResource {

    static final String AUDIO_WAV = "audio/wav";
    /** Bytes computed and written per step, so a 5-hour file streams in bounded memory. */
    static final int CHUNK_BYTES = 64 * 1024;
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";

    @Inject
    CatalogConfig config;

    @GET
    @Path("{durationMs}/{name}.wav")
    public Response get(@PathParam("durationMs") long durationMs, @PathParam("name") String name,
                        @HeaderParam("Range") String range) {
        return respond(durationMs, name, range, true);
    }

    @HEAD
    @Path("{durationMs}/{name}.wav")
    public Response head(@PathParam("durationMs") long durationMs, @PathParam("name") String name,
                         @HeaderParam("Range") String range) {
        return respond(durationMs, name, range, false);
    }

    private Response respond(long durationMs, String name, String rangeHeader, boolean withBody) {
        check(durationMs, name);
        long size = SyntheticWav.sizeBytes(durationMs);
        ByteRange.Resolution resolution = ByteRange.resolve(rangeHeader, size);
        if (resolution instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes").build();
        }
        ByteRange range = resolution instanceof ByteRange.Partial partial ? partial.range()
                : new ByteRange(0, size - 1);
        Response.ResponseBuilder builder = resolution instanceof ByteRange.Partial
                ? Response.status(206).header("Content-Range", range.contentRange(size))
                : Response.ok();
        builder.type(AUDIO_WAV).header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, range.length())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        if (withBody) {
            builder.entity((StreamingOutput) out -> {
                for (long from = range.first(); from <= range.last(); from += CHUNK_BYTES) {
                    long toExclusive = Math.min(range.last() + 1, from + CHUNK_BYTES);
                    out.write(SyntheticWav.range(durationMs, from, toExclusive));
                }
            });
        }
        return builder.build();
    }

    private void check(long durationMs, String name) {
        if (!config.demoMedia().enabled()) {
            throw ProblemException.notFound("demo media", "(disabled: set CATALOG_DEMO_MEDIA=true)");
        }
        long maxMs = Math.min(config.demoMedia().maxDurationMs(), SyntheticWav.MAX_DURATION_MS);
        if (durationMs < 1 || durationMs > maxMs) {
            throw ProblemException.invalidField("durationMs", "must be within 1.." + maxMs + ", was " + durationMs);
        }
        if (!name.matches(NAME_PATTERN)) {
            throw ProblemException.invalidField("name", "must match " + NAME_PATTERN);
        }
    }
}
