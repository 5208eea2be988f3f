package dev.podclip.support.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * JSON request bodies hold nothing PostgreSQL cannot store and mean one thing: a NUL byte or a NUL escape (backslash,
 * u0000) in a JSON body is a 400 before any resource reads it (PostgreSQL refuses NUL in text, and the request used
 * to fail as a 500 at the first INSERT); an object with a repeated key is a 400 (which value won was the parser's
 * accident). Other bodies are decoded by their resource, which refuses NUL itself (a UTF-16 transcript holds zero
 * bytes legitimately). Tested over every operation by the services' OpenApiFuzzTest.
 */
@Provider
public class JsonInput implements ReaderInterceptor {

    @Singleton
    public static class StrictKeys implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        // Bodies are bounded by quarkus.http.limits.max-body-size before they get here.
        byte[] body = context.getInputStream().readAllBytes();
        String refused = refused(body);
        if (refused != null) {
            throw new ProblemException(CommonProblems.BAD_CHARACTERS, "The body " + refused);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** Why a JSON body cannot be stored, or null: a NUL byte or a NUL escape outside an escaped backslash. */
    static String refused(byte[] body) {
        int backslashes = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == 0) {
                return "holds a NUL byte";
            }
            if (b == 'u' && backslashes % 2 == 1 && nulDigits(body, i + 1)) {
                return "holds a \\u0000 (NUL) escape, which cannot be stored";
            }
            backslashes = b == '\\' ? backslashes + 1 : 0;
        }
        return null;
    }

    private static boolean nulDigits(byte[] body, int from) {
        return from + 4 <= body.length && body[from] == '0' && body[from + 1] == '0' && body[from + 2] == '0'
                && body[from + 3] == '0';
    }
}
