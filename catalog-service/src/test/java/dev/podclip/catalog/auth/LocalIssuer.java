package dev.podclip.catalog.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * An OpenID provider on loopback as far as a service in bearer mode needs one: discovery and a JWKS with one freshly
 * generated RSA key, which only this test JVM holds. Points the catalog's {@code quarkus.oidc.auth-server-url} at it
 * and clears the development public key, so tokens verify only through the JWKS.
 */
public class LocalIssuer implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "local-issuer-key-1";
    static volatile KeyPair keys;
    static volatile String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/podclip";
        server.createContext("/realms/podclip/.well-known/openid-configuration", exchange -> json(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/realms/podclip/jwks", exchange -> json(exchange, jwks()));
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.issuer", issuer,
                "quarkus.oidc.public-key", "");
    }

    private static String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\","
                + "\"n\":\"" + unsigned(key.getModulus().toByteArray()) + "\","
                + "\"e\":\"" + unsigned(key.getPublicExponent().toByteArray()) + "\"}]}";
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    private static String unsigned(byte[] bytes) {
        int from = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
