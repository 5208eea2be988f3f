package dev.podclip.support.openapi;

import dev.podclip.support.problem.Problems;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents the error answers every operation can give, as RFC 9457 problems, so generated clients know them
 * (docs/security.md, "Input at the edge"): 400 where it takes parameters or a body, 401/403 where it needs a role, 404 where its
 * path names something, 413 where it takes a body, 429 everywhere (per-client limits) and 503 everywhere (database or
 * broker unavailable). An answer an operation declares itself is kept. Operations that answer only HTML (the embed
 * player, the episode page) answer errors as HTML pages, documented so. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String SCHEMA = "Problem";
    public static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "The request is malformed or a value is out of its limits",
            "401", "No valid bearer token",
            "403", "The token lacks the role this operation needs",
            "404", "Nothing is known by that name",
            "413", "The body is larger than the limit",
            "429", "This client's limit for the route is used up; Retry-After says when to come back",
            "503", "A dependency (database, broker) is unavailable; Retry-After says when to come back");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchema(SCHEMA, problemSchema());
        }
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
            }
        });
    }

    /** Adds the answers {@code operation} can give that it does not declare. */
    static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        String mediaType = htmlOnly(responses) ? "text/html" : PROBLEM_JSON;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (hasParameters || hasBody) {
            add(responses, "400", mediaType);
        }
        if (secured) {
            add(responses, "401", mediaType);
            add(responses, "403", mediaType);
        }
        if (path.contains("{")) {
            add(responses, "404", mediaType);
        }
        if (hasBody) {
            add(responses, "413", mediaType);
        }
        add(responses, "429", mediaType);
        add(responses, "503", mediaType);
        operation.setResponses(responses);
    }

    /** Whether every success answer of the operation is an HTML page. */
    static boolean htmlOnly(APIResponses responses) {
        boolean sawHtml = false;
        if (responses.getAPIResponses() == null) {
            return false;
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (!entry.getKey().startsWith("2") || entry.getValue().getContent() == null
                    || entry.getValue().getContent().getMediaTypes() == null) {
                continue;
            }
            for (String type : entry.getValue().getContent().getMediaTypes().keySet()) {
                if (!type.startsWith("text/html")) {
                    return false;
                }
                sawHtml = true;
            }
        }
        return sawHtml;
    }

    private static void add(APIResponses responses, String status, String mediaType) {
        if (responses.hasAPIResponse(status)) {
            APIResponse declared = responses.getAPIResponse(status);
            if (declared.getContent() == null || declared.getContent().getMediaTypes() == null
                    || declared.getContent().getMediaTypes().isEmpty()) {
                declared.setContent(content(mediaType));
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status))
                .content(content(mediaType)));
    }

    private static Content content(String mediaType) {
        Schema schema = mediaType.equals(PROBLEM_JSON) ? OASFactory.createSchema().ref(SCHEMA_REF)
                : OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI naming the kind of problem: " + Problems.TYPE_BASE
                + "<slug>; docs/problems.md lists every slug with its meaning"));
        properties.put("title", string("A short summary of the kind of problem, the same for every occurrence"));
        properties.put("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                .description("The HTTP status"));
        properties.put("detail", string("What went wrong with this request"));
        properties.put("instance", string("The request path"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem; some carry more members (retryAfterSeconds, errors, limits)")
                .properties(properties).required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
