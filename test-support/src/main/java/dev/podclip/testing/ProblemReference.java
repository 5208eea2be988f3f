package dev.podclip.testing;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The problem type reference (docs/problems.md) as the code defines it: every {@link ProblemType} declared as a
 * constant (a {@code ProblemType} or a {@link FetchRefused.Family}) of a service's compiled classes. A service's test
 * compares its section of the document with this and fails when they differ; {@code -Dproblem.reference.write=true}
 * rewrites the section instead. {@link #madeOutsideConstants} keeps every type a constant, so none can be missed.
 */
public final class ProblemReference {

    static final Path DOCUMENT = Path.of("docs", "problems.md");
    /** Where a type may be made other than a registry's static initializer: the two factories themselves. */
    private static final Set<String> FACTORIES = Set.of(ProblemType.class.getName(),
            FetchRefused.Family.class.getName());

    private ProblemReference() {
    }

    /**
     * Checks (or, with {@code problem.reference.write}, rewrites) the section of docs/problems.md between
     * {@code <!-- <section>:start -->} and {@code <!-- <section>:end -->}.
     *
     * @return null when the document is current, else what the section should be
     */
    public static String check(String section, List<ProblemType> types) {
        return DocSection.check(DOCUMENT, section, section(types), "problem.reference.write");
    }

    /**
     * What is wrong with docs/problems.md for {@code service} (its module folder), one line each; empty when its
     * section and the section of the types both services share are current and no slug is declared twice.
     */
    public static List<String> staleFor(String service) {
        List<Class<?>> own = registries(service);
        List<Class<?>> all = new ArrayList<>(own);
        all.add(CommonProblems.class);
        List<String> stale = new ArrayList<>();
        if (own.isEmpty()) {
            stale.add(service + " declares no problem type: its classes are not compiled?");
        }
        try {
            declaredIn(all);
        } catch (IllegalStateException e) {
            stale.add(e.getMessage());
        }
        String rewrite = "; rewrite it with ./mvnw test -pl " + service + " -Dtest=ProblemTypesTest"
                + " -Dproblem.reference.write=true";
        if (check("common", declaredIn(List.of(CommonProblems.class))) != null) {
            stale.add(DOCUMENT + ", section common, is stale" + rewrite);
        }
        if (check(service, declaredIn(own)) != null) {
            stale.add(DOCUMENT + ", section " + service + ", is stale" + rewrite);
        }
        return stale;
    }

    /** Every type declared as a constant of these classes, by slug; a slug declared twice is an error. */
    public static List<ProblemType> declaredIn(List<Class<?>> classes) {
        Map<String, ProblemType> bySlug = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            for (ProblemType problem : constants(type)) {
                ProblemType before = bySlug.putIfAbsent(problem.slug(), problem);
                if (before != null && before != problem) {
                    throw new IllegalStateException(problem.slug() + " is declared twice, once in " + type.getName());
                }
            }
        }
        return bySlug.values().stream().sorted(Comparator.comparing(ProblemType::slug)).toList();
    }

    /** Every class of the service (its target/classes) that declares a problem type constant. */
    public static List<Class<?>> registries(String service) {
        Path classes = RepoPaths.root().resolve(service).resolve("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ProblemReference.class.getClassLoader());
                if (Stream.of(type.getDeclaredFields()).anyMatch(ProblemReference::isTypeConstant)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * Places in the code under {@code rootPackage} (compiled main classes and the libraries on the class path) that
     * make a problem type anywhere but in a class's static initializer: such a type would be missing from the
     * reference. Empty when there are none.
     */
    public static List<String> madeOutsideConstants(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        List<String> found = new ArrayList<>();
        for (JavaClass type : classes) {
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                String target = access.getTargetOwner().getName();
                boolean makesType = target.equals(ProblemType.class.getName())
                        && (access.getName().equals("of") || access.getName().equals("anyStatus")
                        || access.getName().equals("<init>"))
                        || target.equals(FetchRefused.Family.class.getName()) && access.getName().equals("of");
                if (makesType && !(access.getOrigin() instanceof JavaStaticInitializer)
                        && !FACTORIES.contains(type.getName())) {
                    found.add(access.getDescription());
                }
            }
        }
        return found;
    }

    static String section(List<ProblemType> types) {
        StringBuilder out = new StringBuilder("\n| type | status | title | meaning |\n|---|---|---|---|\n");
        for (ProblemType type : types) {
            String statuses = type.statuses().isEmpty() ? "any"
                    : type.statuses().stream().map(String::valueOf).collect(Collectors.joining(", "));
            out.append("| `").append(type.slug()).append("` | ").append(statuses).append(" | ")
                    .append(escape(type.title())).append(" | ").append(escape(type.meaning())).append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static List<ProblemType> constants(Class<?> type) {
        List<ProblemType> found = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!isTypeConstant(field)) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                if (value instanceof ProblemType problem) {
                    found.add(problem);
                } else if (value instanceof FetchRefused.Family family) {
                    found.addAll(family.types());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static boolean isTypeConstant(Field field) {
        return Modifier.isStatic(field.getModifiers()) && (field.getType() == ProblemType.class
                || field.getType() == FetchRefused.Family.class);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
