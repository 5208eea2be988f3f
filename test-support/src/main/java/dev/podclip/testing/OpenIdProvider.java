package dev.podclip.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.podclip.support.auth.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider on loopback, as far as the services need one: discovery and a JWKS with one freshly generated
 * RSA key that only this test JVM holds (for bearer tokens), and the authorization-code flow with PKCE (for a
 * sign-in). Its authorization endpoint signs in {@link #SUBJECT} at once, as an editor, without a login form.
 *
 * <p>Points the service's default tenant at itself and clears the development public key, so tokens verify only
 * through the JWKS. With the init argument {@code web-tenant} it also configures that tenant as a web application
 * with {@link #CLIENT_ID} and {@link #CLIENT_SECRET}.
 */
public class OpenIdProvider implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_ID = "local-issuer-key-1";
    public static final String CLIENT_ID = "podclip-pages";
    /** Long enough for quarkus-oidc to derive its session-cookie encryption key from it. */
    public static final String CLIENT_SECRET = "a-test-client-secret-of-forty-characters!";
    public static final String SUBJECT = "oidc-editor";
    public static final String EDITOR_ROLE = "editor";
    static final Duration TOKEN_TTL = Duration.ofMinutes(5);

    public static volatile KeyPair keys;
    public static volatile String issuer;
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();

    private HttpServer server;
    private String webTenant;

    /** What the authorization endpoint was asked for, kept until its code is redeemed once. */
    private record Grant(String redirectUri, String codeChallenge) {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        webTenant = initArgs.get("web-tenant");
    }

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
        server.createContext("/realms/podclip/.well-known/openid-configuration", exchange -> json(exchange, 200,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/token\","
                        + "\"response_types_supported\":[\"code\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/realms/podclip/jwks", exchange -> json(exchange, 200, jwks()));
        server.createContext("/realms/podclip/authorize", OpenIdProvider::authorize);
        server.createContext("/realms/podclip/token", OpenIdProvider::token);
        server.start();
        Map<String, String> config = new HashMap<>(Map.of("quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.issuer", issuer,
                "quarkus.oidc.public-key", ""));
        if (webTenant != null) {
            String prefix = "quarkus.oidc." + webTenant + ".";
            config.put(prefix + "tenant-enabled", "true");
            config.put(prefix + "auth-server-url", issuer);
            config.put(prefix + "client-id", CLIENT_ID);
            config.put(prefix + "credentials.secret", CLIENT_SECRET);
        }
        return config;
    }

    /** Signs in {@link #SUBJECT} without asking, and sends the browser back with a one-time code. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))
                || redirectUri == null
                || !(redirectUri.startsWith("http://127.0.0.1:") || redirectUri.startsWith("http://localhost:"))) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        GRANTS.put(code, new Grant(redirectUri, query.get("code_challenge")));
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Redeems a code once, checking the client's secret, the redirect URI and the PKCE verifier. */
    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = GRANTS.remove(body.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri")) || !clientAuthenticated(exchange, body)
                || !pkceMatches(grant.codeChallenge(), body.get("code_verifier"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = DevTokens.sign(keys.getPrivate(), KEY_ID, issuer, SUBJECT, List.of(EDITOR_ROLE), TOKEN_TTL);
        String idToken = DevTokens.sign(keys.getPrivate(), KEY_ID, issuer, CLIENT_ID, SUBJECT, List.of(), TOKEN_TTL);
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken + "\","
                + "\"token_type\":\"Bearer\",\"expires_in\":" + TOKEN_TTL.toSeconds() + "}");
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(CLIENT_ID + ":" + CLIENT_SECRET);
        }
        return CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
    }

    private static boolean pkceMatches(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The path and query of a URI, for following a redirect to this provider or back to the service. */
    public static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
