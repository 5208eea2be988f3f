package dev.podclip.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shared module's packages depend on each other one way only, as the services' packages do: no package imports,
 * directly or around a circle, a package that imports it back. Read from the compiled classes, tests left out.
 */
class PackageCyclesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.podclip.support");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.podclip.support.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
