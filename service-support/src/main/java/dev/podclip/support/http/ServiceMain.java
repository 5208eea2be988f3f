package dev.podclip.support.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Both services' entry point. Before Quarkus starts it turns off Quarkus' own check that a request target parses as
 * a URI: that check answers a bare 400, no body and none of the security headers, before any route runs. The same
 * check is the first of {@link EdgeRules}, whose refusal is problem+json ({@code not-a-uri}), like every other
 * answer of the edge. The property is read once, when Quarkus' HTTP recorder class initialises, so it must be set
 * before {@link Quarkus#run}; an operator's own {@code -Dvertx.disableURIValidation} is kept. Tests and dev mode do
 * not start here: the build passes the same property to test JVMs ({@code test.jvm.flags}).
 */
@QuarkusMain
public final class ServiceMain {

    /** Read by Quarkus' root HTTP handler (VertxHttpRecorder) when its class initialises. */
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private ServiceMain() {
    }

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
        Quarkus.run(args);
    }
}
