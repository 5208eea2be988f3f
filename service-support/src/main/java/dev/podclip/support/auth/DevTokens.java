package dev.podclip.support.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 JWTs with a local key, for the local stack and tests. JDK only, so {@code bin/stack token} runs it
 * without a service on the classpath. Production tokens come from a real identity provider.
 */
public final class DevTokens {

    /** The issuer the services expect unless configured otherwise. */
    public static final String DEV_ISSUER = "https://podclip.dev/local";
    /** The longest a dev token may live. */
    public static final Duration MAX_TTL = Duration.ofDays(1);

    private DevTokens() {
    }

    public static String sign(Path privateKeyPem, String issuer, String subject, List<String> roles, Duration ttl) {
        try {
            return sign(readPrivateKey(privateKeyPem), null, issuer, subject, roles, ttl);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign with " + privateKeyPem + ": " + e.getMessage(), e);
        }
    }

    /** Signs with a key in hand; {@code keyId} (may be null) goes into the header, as an issuer's JWKS expects. */
    public static String sign(PrivateKey key, String keyId, String issuer, String subject, List<String> roles,
                              Duration ttl) {
        return sign(key, keyId, issuer, null, subject, roles, ttl);
    }

    /** As above, with an {@code aud} claim when {@code audience} is not null (an ID token names its client so). */
    public static String sign(PrivateKey key, String keyId, String issuer, String audience, String subject,
                              List<String> roles, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be within (0, " + MAX_TTL + "]");
        }
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (keyId == null ? "" : ",\"kid\":" + quote(keyId)) + "}";
        String claims = "{\"iss\":" + quote(issuer) + (audience == null ? "" : ",\"aud\":" + quote(audience))
                + ",\"sub\":" + quote(subject) + ",\"upn\":" + quote(subject)
                + ",\"groups\":[" + roles.stream().map(DevTokens::quote).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
