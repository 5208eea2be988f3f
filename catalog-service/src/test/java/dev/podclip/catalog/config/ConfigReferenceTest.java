package dev.podclip.catalog.config;

import dev.podclip.support.limits.LimitsConfig;
import dev.podclip.testing.ConfigReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md lists exactly the settings this service has (see {@link ConfigReference}). */
class ConfigReferenceTest {

    @Test
    void theConfigurationReferenceMatchesTheCode() {
        String expected = ConfigReference.check("catalog-service", List.of(LimitsConfig.class));
        assertThat(expected).as("docs/configuration.md, section catalog-service, is stale; rewrite it with "
                + "./mvnw test -pl catalog-service -Dtest=ConfigReferenceTest -Dconfig.reference.write=true").isNull();
    }
}
