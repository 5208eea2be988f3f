package dev.podclip.clip.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.podclip.support.http.ByteRange;
import dev.podclip.support.media.SyntheticWav;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local audio hosts that answer Range requests, each logging what it was asked: {@link #PLAIN} as a media host
 * should, and two the service must not slice from: {@link #WRONG_RANGE} answers any range but the first bytes with
 * another range than asked (and says so in Content-Range), {@link #LONG_LIST} has a 70 KB chunk before the samples,
 * so the data chunk is past the header fetch. Paths end in {@code <durationMs>.wav}: the synthetic demo audio; or,
 * under {@link #PLAIN}, in {@code <durationMs>.mp3}, {@code .vbr.mp3}, {@code .m4a} or {@code .aac}: that audio as
 * a CBR MP3, a VBR MP3, AAC in an MP4, or ADTS AAC ({@link #encoded}).
 */
final class RangedSources {

    static final String PLAIN = "/ranged/";
    static final String WRONG_RANGE = "/wrong-range/";
    static final String LONG_LIST = "/long-list/";
    static final int JUNK_BYTES = 70_000;
    /** How the MP3 copies are made: 22.05 kHz (libmp3lame writes 8 kHz as MPEG-2.5, which is not sliced), CBR. */
    static final List<String> MP3_ENCODING = List.of("-ar", "22050", "-c:a", "libmp3lame", "-b:a", "48k");
    /** AAC in an MP4 with its index after the samples (ffmpeg's default): the service walks past the mdat to it. */
    static final List<String> M4A_ENCODING = List.of("-ar", "22050", "-c:a", "aac", "-b:a", "48k", "-f", "ipod");
    /** VBR: no header says where a clip's frames are, so the service fetches a prefix reaching past the clip. */
    static final List<String> VBR_MP3_ENCODING = List.of("-ar", "22050", "-c:a", "libmp3lame", "-q:a", "6");
    /** AAC as ADTS frames, with no index at all: a prefix too. */
    static final List<String> ADTS_ENCODING = List.of("-ar", "22050", "-c:a", "aac", "-b:a", "48k", "-f", "adts");
    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();

    /** One request: its Range header ("" for none) and the bytes of the answer's body. */
    record Request(String range, long bytes) {
    }

    private static final Map<String, List<Request>> REQUESTS = new ConcurrentHashMap<>();

    /** What a host was asked from the moment this log was taken. */
    record Log(String path, int from) {
        private List<Request> since() {
            List<Request> all = REQUESTS.getOrDefault(path, List.of());
            return all.subList(from, all.size());
        }

        int requests() {
            return since().size();
        }

        List<String> ranges() {
            return since().stream().map(Request::range).filter(range -> !range.isEmpty()).toList();
        }

        long wholeFiles() {
            return since().stream().filter(request -> request.range().isEmpty()).count();
        }

        long bytes() {
            return since().stream().mapToLong(Request::bytes).sum();
        }
    }

    private RangedSources() {
    }

    static Log log(String path) {
        return new Log(path, REQUESTS.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).size());
    }

    static void serve(HttpServer server) {
        for (String path : List.of(PLAIN, WRONG_RANGE, LONG_LIST)) {
            REQUESTS.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
            server.createContext(path, exchange -> answer(path, exchange));
        }
    }

    private static void answer(String path, HttpExchange exchange) throws IOException {
        String file = exchange.getRequestURI().getPath().substring(path.length());
        long durationMs = Long.parseLong(file.replaceAll("\\.(wav|vbr\\.mp3|mp3|m4a|aac)$", ""));
        byte[] body = encoded(file, durationMs);
        if (body == null) {
            byte[] wav = SyntheticWav.range(durationMs, 0, SyntheticWav.sizeBytes(durationMs));
            body = path.equals(LONG_LIST) ? withJunk(wav) : wav;
        }
        String rangeHeader = exchange.getRequestHeaders().getFirst("Range");
        ByteRange.Resolution resolution = ByteRange.resolve(rangeHeader, body.length);
        exchange.getResponseHeaders().set("Content-Type", contentType(file));
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (!(resolution instanceof ByteRange.Partial partial)) {
            send(exchange, path, rangeHeader, 200, body);
            return;
        }
        ByteRange asked = partial.range();
        // A host that rounds ranges to blocks of its own: it says so in Content-Range, but it is not what was asked.
        long shift = path.equals(WRONG_RANGE) && asked.first() > 0 ? -1_000 : 0;
        ByteRange range = new ByteRange(asked.first() + shift, asked.last() + shift);
        exchange.getResponseHeaders().set("Content-Range", range.contentRange(body.length));
        send(exchange, path, rangeHeader, 206, Arrays.copyOfRange(body, (int) range.first(),
                (int) range.last() + 1));
    }

    private static void send(HttpExchange exchange, String path, String range, int status, byte[] body)
            throws IOException {
        REQUESTS.get(path).add(new Request(range == null ? "" : range, body.length));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The service stopped reading (a host without Range, asked for a header): as a real host sees it.
        }
    }

    /** The synthetic audio encoded as the file's name says, or null for the WAV itself. */
    static byte[] encoded(String file, long durationMs) {
        return file.endsWith(".vbr.mp3") ? encoded(durationMs, ".vbr.mp3", VBR_MP3_ENCODING)
                : file.endsWith(".mp3") ? mp3(durationMs)
                : file.endsWith(".m4a") ? m4a(durationMs)
                : file.endsWith(".aac") ? encoded(durationMs, ".aac", ADTS_ENCODING) : null;
    }

    static String contentType(String file) {
        return file.endsWith(".mp3") ? "audio/mpeg" : file.endsWith(".m4a") ? "audio/mp4"
                : file.endsWith(".aac") ? "audio/aac" : "audio/wav";
    }

    /** The synthetic audio of {@code durationMs} as a CBR MP3, made by ffmpeg once a length. */
    static byte[] mp3(long durationMs) {
        return encoded(durationMs, ".mp3", MP3_ENCODING);
    }

    /** The synthetic audio of {@code durationMs} as AAC in an MP4, made by ffmpeg once a length. */
    static byte[] m4a(long durationMs) {
        return encoded(durationMs, ".m4a", M4A_ENCODING);
    }

    private static byte[] encoded(long durationMs, String extension, List<String> encoding) {
        return ENCODED.computeIfAbsent(durationMs + extension, key -> {
            long ms = durationMs;
            try {
                Path wav = Files.createTempFile("synthetic", ".wav");
                Path mp3 = Files.createTempFile("synthetic", extension);
                try {
                    Files.write(wav, SyntheticWav.range(ms, 0, SyntheticWav.sizeBytes(ms)));
                    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i",
                            wav.toString()));
                    command.addAll(encoding);
                    command.add(mp3.toString());
                    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                    String errors = new String(process.getInputStream().readAllBytes());
                    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                        throw new IllegalStateException("ffmpeg: " + errors);
                    }
                    return Files.readAllBytes(mp3);
                } finally {
                    Files.deleteIfExists(wav);
                    Files.deleteIfExists(mp3);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** The same audio with a JUNK chunk between fmt and data, past what the service fetches as the header. */
    private static byte[] withJunk(byte[] wav) {
        int fmtEnd = SyntheticWav.HEADER_BYTES - 8;
        ByteBuffer out = ByteBuffer.allocate(wav.length + 8 + JUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(wav, 0, fmtEnd).put("JUNK".getBytes()).putInt(JUNK_BYTES).put(new byte[JUNK_BYTES]);
        out.put(wav, fmtEnd, wav.length - fmtEnd);
        out.putInt(4, out.capacity() - 8);
        return out.array();
    }
}
