package dev.podclip.catalog.home;

import dev.podclip.support.text.XmlText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/** The catalog's home: its API documents and clip-service's front door, as JSON or as a small page. */
@ApplicationScoped
public class HomeService {

    static final String OPENAPI_PATH = "/q/openapi";
    static final String SWAGGER_UI_PATH = "/q/swagger-ui";

    @Inject
    HomeConfig config;
    @ConfigProperty(name = "quarkus.swagger-ui.enabled", defaultValue = "false")
    boolean swaggerUi;

    public Home home() {
        return new Home("catalog-service", OPENAPI_PATH, swaggerUi ? SWAGGER_UI_PATH : null, config.clipServiceUrl());
    }

    /** The page: static text and the configured URLs, every one escaped; no script, no style. */
    public byte[] page(Home home) {
        StringBuilder out = new StringBuilder(1_024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>podclip catalog-service</title>\n</head>\n<body>\n<main>\n")
                .append("<h1>podclip catalog-service</h1>\n")
                .append("<p>This service keeps shows, episodes and transcripts and publishes every change. ")
                .append("People browse, search and share clips on clip-service's pages:</p>\n")
                .append("<p><a class=\"front-door\" href=\"").append(escape(home.frontDoor())).append("\">")
                .append(escape(home.frontDoor())).append("</a></p>\n<h2>API</h2>\n<ul>\n");
        if (home.swaggerUi() != null) {
            out.append("<li><a class=\"swagger-ui\" href=\"").append(escape(home.swaggerUi()))
                    .append("\">Swagger UI</a>: try the API in the browser</li>\n");
        }
        out.append("<li><a class=\"openapi\" href=\"").append(escape(home.openapi()))
                .append("\">OpenAPI document</a> (YAML; <a href=\"").append(escape(home.openapi()))
                .append("?format=json\">JSON</a>)</li>\n")
                .append("<li>Write calls need a bearer token with the editor role</li>\n</ul>\n</main>\n</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return XmlText.escape(text);
    }
}
