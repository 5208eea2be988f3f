package dev.podclip.clip.config;

import dev.podclip.support.limits.LimitsConfig;
import dev.podclip.testing.ConfigReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md lists exactly the settings this service has (see {@link ConfigReference}). */
class ConfigReferenceTest {

    @Test
    void theConfigurationReferenceMatchesTheCode() {
        String expected = ConfigReference.check("clip-service", List.of(LimitsConfig.class));
        assertThat(expected).as("docs/configuration.md, section clip-service, is stale; rewrite it with "
                + "./mvnw test -pl clip-service -Dtest=ConfigReferenceTest -Dconfig.reference.write=true").isNull();
    }
}
