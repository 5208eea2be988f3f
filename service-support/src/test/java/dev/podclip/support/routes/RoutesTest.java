package dev.podclip.support.routes;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    @Path("/api/episodes")
    public static class Episodes {
        @GET
        public String list() {
            return "";
        }

        @POST
        public void create() {
        }

        @GET
        @Path("{id}")
        public String one() {
            return "";
        }

        @PUT
        @Path("/{id}/")
        public void replace() {
        }

        @DELETE
        @Path("{id}")
        public void delete() {
        }

        @GET
        @Path("{id}/chapters/{n: [0-9]+}")
        public String chapter() {
            return "";
        }

        public String notAnOperation() {
            return "";
        }
    }

    @Path("c")
    public static class Clips {
        @GET
        @Path("{id}.mp3")
        public String audio() {
            return "";
        }
    }

    public static class NotAResource {
        @GET
        public String get() {
            return "";
        }
    }

    private static final Routes ROUTES = Routes.of(List.of(Episodes.class, Clips.class, NotAResource.class));

    @Test
    void aPathAllowsTheMethodsOfEveryTemplateItMatchesWithHeadAndOptions() {
        assertThat(ROUTES.allowed("/api/episodes")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(ROUTES.allowed("/api/episodes/")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(ROUTES.allowed("/api/episodes/7f3c")).containsExactly("DELETE", "GET", "HEAD", "OPTIONS", "PUT");
        assertThat(ROUTES.allowed("/c/abc.mp3")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void parametersMatchOneSegmentOrTheirOwnExpressionAndLiteralsAreNotExpressions() {
        assertThat(ROUTES.allowed("/api/episodes/7f3c/chapters/12")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(ROUTES.allowed("/api/episodes/7f3c/chapters/x")).isEmpty();
        assertThat(ROUTES.allowed("/api/episodes/a/b")).isEmpty();
        // The dot of "{id}.mp3" is a literal, not "any character".
        assertThat(ROUTES.allowed("/c/abcXmp3")).isEmpty();
    }

    @Test
    void unknownLongOrMissingPathsAllowNothing() {
        assertThat(ROUTES.allowed("/nowhere")).isEmpty();
        assertThat(ROUTES.allowed("/")).isEmpty();
        assertThat(ROUTES.allowed(null)).isEmpty();
        assertThat(ROUTES.allowed("/api/episodes/" + "x".repeat(Routes.PATH_MAX_CHARS))).isEmpty();
    }

    @Test
    void templatesAreJoinedWithOneSlashBetweenParts() {
        assertThat(Routes.join("/api/episodes/", "/{id}/")).isEqualTo("/api/episodes/{id}");
        assertThat(Routes.join("c", "")).isEqualTo("/c");
        assertThat(Routes.normalize("//a///b/")).isEqualTo("/a/b");
    }
}
