package dev.podclip.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The receiving end of OTLP over HTTP ({@code http/protobuf}, {@code POST /v1/traces}), as an OpenTelemetry collector
 * would be: it keeps each span's service, trace id, span id, parent and name. It reads only those fields of the
 * protobuf messages (opentelemetry-proto's trace.proto field numbers), so the test needs no protobuf library.
 */
final class OtlpCollector implements AutoCloseable {

    /** Largest export request taken; the services send far smaller batches. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw) : raw;
                spans.addAll(exportRequest(body.readNBytes(MAX_REQUEST_BYTES)));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** What the services' {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} should be. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** ExportTraceServiceRequest: 1 = ResourceSpans. */
    static List<ReceivedSpan> exportRequest(byte[] message) {
        List<ReceivedSpan> found = new ArrayList<>();
        for (Field field : Field.all(message)) {
            if (field.number == 1) {
                resourceSpans(field.bytes, found);
            }
        }
        return found;
    }

    /** ResourceSpans: 1 = Resource (1 = attributes), 2 = ScopeSpans (2 = spans). */
    private static void resourceSpans(byte[] message, List<ReceivedSpan> found) {
        String service = null;
        List<byte[]> spanMessages = new ArrayList<>();
        for (Field field : Field.all(message)) {
            if (field.number == 1) {
                service = serviceName(field.bytes);
            } else if (field.number == 2) {
                for (Field scoped : Field.all(field.bytes)) {
                    if (scoped.number == 2) {
                        spanMessages.add(scoped.bytes);
                    }
                }
            }
        }
        for (byte[] span : spanMessages) {
            found.add(span(service, span));
        }
    }

    /** Resource.attributes: KeyValue (1 = key, 2 = AnyValue (1 = string_value)). */
    private static String serviceName(byte[] resource) {
        for (Field attribute : Field.all(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field part : Field.all(attribute.bytes)) {
                if (part.number == 1) {
                    key = part.text();
                } else if (part.number == 2) {
                    for (Field any : Field.all(part.bytes)) {
                        value = any.number == 1 ? any.text() : value;
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return null;
    }

    /** Span: 1 = trace_id, 2 = span_id, 4 = parent_span_id, 5 = name, 6 = kind. */
    private static ReceivedSpan span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        HexFormat hex = HexFormat.of();
        for (Field field : Field.all(message)) {
            switch (field.number) {
                case 1 -> traceId = hex.formatHex(field.bytes);
                case 2 -> spanId = hex.formatHex(field.bytes);
                case 4 -> parent = hex.formatHex(field.bytes);
                case 5 -> name = field.text();
                case 6 -> kind = (int) field.varint;
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** One field of a protobuf message: its number and, by wire type, its varint or its bytes. */
    private record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(message, at), null));
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        if (length < 0 || at[0] + length > message.length) {
                            throw new IllegalArgumentException("field " + number + " runs past its message");
                        }
                        byte[] bytes = new byte[length];
                        System.arraycopy(message, at[0], bytes, 0, length);
                        at[0] += length;
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " not in OTLP");
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= message.length) {
                    throw new IllegalArgumentException("varint runs past the message");
                }
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 64 bits");
        }
    }
}
