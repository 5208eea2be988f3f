package dev.podclip.catalog.edge;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.auth.Roles;
import dev.podclip.testing.OpenApiFuzz;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the catalog's OpenAPI document against the classes of bad input (OpenApiFuzz). */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void noBadInputGetsA5xxOrAnAnswerThatIsNotAProblem() throws Exception {
        OpenApiFuzz fuzz = new OpenApiFuzz(root.toString().replaceAll("/$", ""),
                Catalog.token(Roles.EDITOR, Roles.ADMIN), Set.of());
        List<OpenApiFuzz.Finding> findings = fuzz.run();
        assertThat(fuzz.requests()).isGreaterThan(40);
        assertThat(findings).isEmpty();
    }
}
