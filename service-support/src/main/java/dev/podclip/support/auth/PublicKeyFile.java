package dev.podclip.support.auth;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code JWT_PUBLIC_KEY_LOCATION} (a PEM file, as the services have always been configured) into
 * {@code quarkus.oidc.public-key}, which takes the key itself: deployments keep mounting a key file, and the services
 * verify with quarkus-oidc whether the key is configured or fetched from an issuer's JWKS. Its ordinal sits below
 * environment variables and system properties, so an explicit {@code QUARKUS_OIDC_PUBLIC_KEY} wins.
 *
 * <p>It also says whether the environment configures any verification ({@code podclip.auth.configured}): the
 * production profile enables quarkus-oidc's default tenant only then, because quarkus-oidc alone would stop a service
 * with no setting configured by naming only its own property, before {@link KeyGuard} can say what to set.
 */
public final class PublicKeyFile implements ConfigSource {

    static final String LOCATION_ENV = "JWT_PUBLIC_KEY_LOCATION";
    static final String CONFIGURED_PROPERTY = "podclip.auth.configured";
    /** Environment variables and system properties that configure token verification. */
    private static final java.util.List<String> VERIFICATION_SETTINGS = java.util.List.of(LOCATION_ENV,
            "OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_PUBLIC_KEY", "QUARKUS_OIDC_AUTH_SERVER_URL");
    static final String KEY_PROPERTY = "quarkus.oidc.public-key";
    /** A PEM public key is under 2 KiB even at RSA 8192; anything far larger is not a key file. */
    static final long KEY_FILE_MAX_BYTES = 64 * 1024;

    private final Map<String, String> properties;

    public PublicKeyFile() {
        this(System.getenv(LOCATION_ENV), VERIFICATION_SETTINGS.stream().anyMatch(PublicKeyFile::isSet));
    }

    PublicKeyFile(String location, boolean verificationConfigured) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put(CONFIGURED_PROPERTY, Boolean.toString(verificationConfigured));
        if (location != null && !location.isBlank()) {
            values.put(KEY_PROPERTY, pemBody(read(Path.of(location))));
        }
        this.properties = Map.copyOf(values);
    }

    private static boolean isSet(String name) {
        String value = System.getenv(name);
        if (value == null) {
            value = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return value != null && !value.isBlank();
    }

    /** The base64 body of a PEM block: what {@code quarkus.oidc.public-key} takes. */
    static String pemBody(String pem) {
        return pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > KEY_FILE_MAX_BYTES) {
                throw new IllegalStateException(LOCATION_ENV + "=" + file + " is larger than a public key file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(LOCATION_ENV + "=" + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "JWT_PUBLIC_KEY_LOCATION";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
