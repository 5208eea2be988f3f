package dev.podclip.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features depend on each other one way only: no package of catalog-service imports, directly or around a circle, a
 * package that imports it back. Read from the compiled classes, tests left out.
 */
class PackageCyclesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.podclip.catalog");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.podclip.catalog.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
