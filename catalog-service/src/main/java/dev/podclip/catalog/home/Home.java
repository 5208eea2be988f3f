package dev.podclip.catalog.home;

/**
 * What the catalog's {@code /} tells a visitor: where its API is described and where people browse.
 *
 * @param openapi     the OpenAPI document's path
 * @param swaggerUi   Swagger UI's path, or null when it is off (production, unless SWAGGER_UI=true)
 * @param frontDoor   clip-service's front door (absolute)
 */
public record Home(String service, String openapi, String swaggerUi, String frontDoor) {
}
