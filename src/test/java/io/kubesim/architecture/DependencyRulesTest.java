package io.kubesim.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package dependency arrows of docs/ARCHITECTURE (design/ARCHITECTURE.md), held by tests. */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kubesim");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void storageDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage("io.kubesim.storage..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kubesim.api..", "io.kubesim.registry..", "io.kubesim.watch..",
                        "io.kubesim.selection..", "io.kubesim.patch..", "io.kubesim.controller..",
                        "io.kubesim.controllers..", "io.kubesim.simulation.."));
    }

    @Test
    void watchDependsOnlyOnStorageAndSelection() {
        check(noClasses().that().resideInAPackage("io.kubesim.watch..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kubesim.api..", "io.kubesim.registry..", "io.kubesim.patch..",
                        "io.kubesim.controller..", "io.kubesim.controllers..", "io.kubesim.simulation.."));
    }

    @Test
    void selectionAndPatchArePure() {
        check(noClasses().that().resideInAnyPackage("io.kubesim.selection..", "io.kubesim.patch..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kubesim.api..", "io.kubesim.registry..",
                        "io.kubesim.storage..", "io.kubesim.watch..", "io.kubesim.controller..",
                        "io.kubesim.controllers..", "io.kubesim.simulation..", "org.springframework.."));
    }

    @Test
    void registryNeverReachesUpToTheApiOrTheCluster() {
        check(noClasses().that().resideInAPackage("io.kubesim.registry..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kubesim.api..", "io.kubesim.controller..", "io.kubesim.controllers..",
                        "io.kubesim.simulation.."));
    }

    @Test
    void theApiGoesThroughTheRegistryOnly() {
        check(noClasses().that().resideInAPackage("io.kubesim.api..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kubesim.storage..", "io.kubesim.watch..", "io.kubesim.controller..",
                        "io.kubesim.controllers..", "io.kubesim.simulation.."));
    }

    @Test
    void controllersAndTheSimulationUseTheInProcessClientOnly() {
        check(noClasses().that().resideInAnyPackage("io.kubesim.controllers..", "io.kubesim.simulation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kubesim.api..", "io.kubesim.storage..",
                        "io.kubesim.watch..", "io.kubesim.registry.."));
    }

    @Test
    void theControllerFrameworkNeverTouchesStorageOrTheApi() {
        check(noClasses().that().resideInAPackage("io.kubesim.controller..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kubesim.api..", "io.kubesim.storage..", "io.kubesim.controllers..",
                        "io.kubesim.simulation.."));
    }
}
