package dev.podclip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration reference (docs/configuration.md) as the code defines it: every property of a service's
 * {@code @ConfigMapping} interfaces (name, environment variable, default, the javadoc of its method) and every
 * environment variable its application.properties reads. A service's test compares its section of the document
 * with this and fails when they differ, so the reference cannot drift; {@code -Dconfig.reference.write=true}
 * rewrites the section instead.
 */
public final class ConfigReference {

    static final Path DOCUMENT = Path.of("docs", "configuration.md");
    /** Deepest nesting of mapping groups followed (a cycle of groups would otherwise never end). */
    static final int MAX_DEPTH = 6;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** One row of the reference. */
    public record Setting(String property, String env, String defaultValue, String description) {
    }

    private ConfigReference() {
    }

    /**
     * Checks (or, with {@code config.reference.write}, rewrites) the section of docs/configuration.md between
     * {@code <!-- <service>:start -->} and {@code <!-- <service>:end -->}.
     *
     * @param shared the mappings of shared modules the service uses; its own are found in its compiled classes, so a
     *               new one cannot be left out of the reference
     * @return null when the document is current, else what the section should be
     */
    public static String check(String service, List<Class<?>> shared) {
        List<Class<?>> mappings = new ArrayList<>(shared);
        mappings.addAll(ownMappings(service));
        return DocSection.check(DOCUMENT, service, section(service, mappings), "config.reference.write");
    }

    /** Every {@code @ConfigMapping} interface among the service's compiled classes. */
    static List<Class<?>> ownMappings(String service) {
        Path classes = RepoPaths.root().resolve(service).resolve("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConfigReference.class.getClassLoader());
                if (type.isInterface() && annotationValue(type.getAnnotations(),
                        "io.smallrye.config.ConfigMapping") != null) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    /** The section's Markdown: the mapped properties, then the variables application.properties reads. */
    static String section(String service, List<Class<?>> mappings) {
        StringBuilder out = new StringBuilder();
        out.append("\n| property | environment variable | default | meaning |\n|---|---|---|---|\n");
        List<Setting> settings = new ArrayList<>();
        for (Class<?> mapping : mappings) {
            settings.addAll(settings(mapping));
        }
        settings.sort(Comparator.comparing(Setting::property));
        for (Setting s : settings) {
            out.append(row(s.property, s.env, s.defaultValue, s.description));
        }
        List<Setting> variables = variables(service);
        if (!variables.isEmpty()) {
            out.append("\nRead by `").append(service).append("/src/main/resources/application.properties`:\n\n")
                    .append("| environment variable | sets | default |\n|---|---|---|\n");
            for (Setting v : variables) {
                out.append("| `").append(v.env).append("` | `").append(v.property).append("` | ")
                        .append(v.defaultValue.isEmpty() ? "" : "`" + escape(v.defaultValue) + "`").append(" |\n");
            }
        }
        return out.append('\n').toString();
    }

    /** Every property a {@code @ConfigMapping} interface defines, groups and maps followed. */
    public static List<Setting> settings(Class<?> mapping) {
        String prefix = prefixOf(mapping);
        List<Setting> found = new ArrayList<>();
        collect(mapping, prefix, sourceOf(mapping), 0, found);
        return found;
    }

    private static void collect(Class<?> group, String prefix, String source, int depth, List<Setting> found) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("configuration groups nest deeper than " + MAX_DEPTH + " at " + prefix);
        }
        Method[] methods = group.getDeclaredMethods();
        java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.isDefault() || method.isSynthetic() || method.getParameterCount() > 0
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = prefix + "." + nameOf(method);
            Type type = method.getGenericReturnType();
            Class<?> valueGroup = groupOf(type);
            if (valueGroup != null) {
                collect(valueGroup, name, source, depth + 1, found);
                continue;
            }
            Class<?> mapGroup = mapValueGroup(type);
            if (mapGroup != null) {
                collect(mapGroup, name + ".<name>", source, depth + 1, found);
                continue;
            }
            if (isMap(type)) {
                name = name + ".<key>";
            }
            found.add(new Setting(name, envOf(name), defaultOf(method), javadoc(source, group, method.getName())));
        }
    }

    /** The variables {@code ${VAR}} / {@code ${VAR:default}} in the service's application.properties, by name. */
    static List<Setting> variables(String service) {
        Path properties = RepoPaths.root().resolve(service).resolve("src/main/resources/application.properties");
        List<Setting> found = new ArrayList<>();
        for (String line : DocSection.read(properties).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("%") || !trimmed.contains("=")) {
                continue; // profile lines (%dev, %test) are not what production reads
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
            Matcher placeholder = PLACEHOLDER.matcher(trimmed.substring(trimmed.indexOf('=') + 1));
            while (placeholder.find()) {
                String variable = placeholder.group(1);
                if (found.stream().noneMatch(s -> s.env.equals(variable) && s.property.equals(key))) {
                    found.add(new Setting(key, variable, placeholder.group(2) == null ? "" : placeholder.group(2),
                            ""));
                }
            }
        }
        found.sort(Comparator.comparing(Setting::env).thenComparing(Setting::property));
        return found;
    }

    static String envOf(String property) {
        return property.replace(".<name>", "").replace(".<key>", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "_") + (property.contains("<") ? "_…" : "");
    }

    /** SmallRye's default naming: {@code maxSize} → {@code max-size}, unless {@code @WithName} says otherwise. */
    static String nameOf(Method method) {
        Object named = annotationValue(method.getAnnotations(), "io.smallrye.config.WithName");
        if (named != null) {
            return (String) named;
        }
        return method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String defaultOf(Method method) {
        Object value = annotationValue(method.getAnnotations(), "io.smallrye.config.WithDefault");
        return value == null ? "" : (String) value;
    }

    private static String prefixOf(Class<?> mapping) {
        Object prefix = annotationValue(mapping.getAnnotations(), "io.smallrye.config.ConfigMapping");
        if (prefix == null) {
            throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
        }
        return (String) prefix;
    }

    private static Object annotationValue(Annotation[] annotations, String type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type)) {
                try {
                    Method value = annotation.annotationType().getMethod(type.endsWith("ConfigMapping")
                            ? "prefix" : "value");
                    return value.invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** A nested configuration group: an interface of the project (not a JDK type), possibly in an Optional. */
    private static Class<?> groupOf(Type type) {
        Type inner = type;
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            inner = p.getActualTypeArguments()[0];
        }
        return inner instanceof Class<?> c && c.isInterface() && c.getName().startsWith("dev.podclip.") ? c : null;
    }

    private static boolean isMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class;
    }

    private static Class<?> mapValueGroup(Type type) {
        return isMap(type) ? groupOf(((ParameterizedType) type).getActualTypeArguments()[1]) : null;
    }

    /** The source of the file declaring {@code mapping} (its top-level class), found under any module. */
    private static String sourceOf(Class<?> mapping) {
        Class<?> top = mapping;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String relative = "src/main/java/" + top.getName().replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(RepoPaths.root())) {
            Path file = modules.map(module -> module.resolve(relative)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source for " + mapping.getName()));
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sentence-block of the javadoc right above {@code method()} in the body of {@code group}. */
    static String javadoc(String source, Class<?> group, String method) {
        String body = bodyOf(source, group);
        Matcher doc = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[^\\n]*\\n\\s*)*[\\w<>?, .]+\\s+"
                + Pattern.quote(method) + "\\(\\)\\s*;", Pattern.DOTALL).matcher(body);
        if (!doc.find()) {
            return "";
        }
        String text = doc.group(1).replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").strip();
        text = text.replaceAll("\\{@(?:code|link|value) ([^}]*)}", "`$1`");
        // A reference to a sibling setting ({@link #maxSize()}) reads as that setting's name.
        Matcher sibling = Pattern.compile("`#(\\w+)\\(\\)`").matcher(text);
        StringBuilder named = new StringBuilder();
        while (sibling.find()) {
            String kebab = sibling.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            sibling.appendReplacement(named, Matcher.quoteReplacement("`" + kebab + "`"));
        }
        return sibling.appendTail(named).toString();
    }

    /** The text between the braces of {@code interface Name {…}} (the whole source for a top-level interface). */
    private static String bodyOf(String source, Class<?> group) {
        if (group.getEnclosingClass() == null) {
            return source;
        }
        Matcher start = Pattern.compile("\\binterface\\s+" + Pattern.quote(group.getSimpleName()) + "\\b[^{]*\\{")
                .matcher(source);
        if (!start.find()) {
            return source;
        }
        int depth = 1;
        for (int i = start.end(); i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return source.substring(start.end(), i);
            }
        }
        return source.substring(start.end());
    }

    private static String row(String property, String env, String defaultValue, String description) {
        return "| `" + property + "` | `" + env + "` | " + (defaultValue.isEmpty() ? "" : "`" + escape(defaultValue)
                + "`") + " | " + escape(description) + " |\n";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
