package dev.podclip.support.routes;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP methods each resource path answers, read from the JAX-RS annotations of resource classes: what a 405 lists
 * in its {@code Allow} header, which RFC 9110 §15.5.6 requires and the framework does not send. Pure (RoutesTest).
 * A path's methods are those of every template it matches, since a request is routed by method first, then by
 * template: a method with any template matching the path would have been answered, not refused with 405.
 */
public final class Routes {

    /** A path template with a parameter: {@code {id}}, or {@code {id: [0-9]+}} with its own expression. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");
    /** Paths longer than this are not matched: a 405's Allow is not worth a long regex run on a hostile path. */
    static final int PATH_MAX_CHARS = 2_048;

    private record Route(Pattern pattern, String method) {
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes of these resource classes (classes without {@code @Path} add none). */
    public static Routes of(Collection<Class<?>> resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                routes.add(new Route(pattern(template), httpMethod));
            }
        }
        return new Routes(routes);
    }

    /**
     * The methods {@code path} answers, with HEAD where it answers GET and OPTIONS where it answers any, in
     * alphabetical order; empty when no template matches it.
     */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        if (path == null || path.length() > PATH_MAX_CHARS) {
            return methods;
        }
        String normalized = normalize(path);
        for (Route route : routes) {
            if (route.pattern().matcher(normalized).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    static String join(String classPath, String methodPath) {
        return normalize("/" + classPath + "/" + methodPath);
    }

    /** One leading slash, no repeated or trailing ones: how both templates and request paths are compared. */
    static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The template as an expression: literal text quoted, each parameter its own expression or one segment. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literalStart = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(literalStart, parameter.start())));
            String expression = parameter.group(2);
            regex.append('(').append(expression == null || expression.isBlank() ? "[^/]+" : expression.trim())
                    .append(')');
            literalStart = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(literalStart)));
        return Pattern.compile(regex.toString());
    }
}
