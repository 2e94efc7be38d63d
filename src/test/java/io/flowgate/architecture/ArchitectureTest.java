package io.flowgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies the design keeps: functions/web → flow → client/store → config (and the metrics'
 * adapter, {@code metrics} → flow, used by nothing), the
 * capabilities inside {@code flow} without cycles, and no production code that reaches the sandbox or the demo
 * (they are left out of production builds).
 */
class ArchitectureTest {

    /** Imported once for the class, not when JUnit merely discovers it (the small-heap run does). */
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flowgate");
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("functions").definedBy("io.flowgate.functions..")
                .layer("web").definedBy("io.flowgate.web..")
                .layer("flow").definedBy("io.flowgate.flow..")
                .layer("client").definedBy("io.flowgate.client..")
                .layer("store").definedBy("io.flowgate.store..")
                .layer("config").definedBy("io.flowgate.config..")
                .layer("metrics").definedBy("io.flowgate.metrics..")
                .layer("sandbox").definedBy("io.flowgate.sandbox..")
                .layer("demo").definedBy("io.flowgate.demo..")
                .whereLayer("functions").mayNotBeAccessedByAnyLayer()
                .whereLayer("metrics").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("functions", "sandbox", "demo")
                .whereLayer("flow").mayOnlyBeAccessedByLayers("functions", "web", "demo", "metrics")
                .whereLayer("client").mayOnlyBeAccessedByLayers("flow", "web")
                .whereLayer("store").mayOnlyBeAccessedByLayers("flow", "web")
                .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .check(production);
    }

    @Test
    void configDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.flowgate.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowgate.functions..", "io.flowgate.web..",
                        "io.flowgate.flow..", "io.flowgate.client..", "io.flowgate.store..", "io.flowgate.sandbox..",
                        "io.flowgate.demo..", "io.flowgate.metrics..")
                .check(production);
    }

    @Test
    void budgetsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.flowgate.budget..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowgate.functions..", "io.flowgate.web..",
                        "io.flowgate.flow..", "io.flowgate.client..", "io.flowgate.store..", "io.flowgate.config..",
                        "io.flowgate.sandbox..", "io.flowgate.demo..")
                .check(production);
    }

    @Test
    void theLogContextDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.flowgate.logging..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowgate.functions..", "io.flowgate.web..",
                        "io.flowgate.flow..", "io.flowgate.client..", "io.flowgate.store..", "io.flowgate.config..",
                        "io.flowgate.budget..", "io.flowgate.sandbox..", "io.flowgate.demo..")
                .check(production);
    }

    @Test
    void capabilitiesOfTheFlowHaveNoCycles() {
        slices().matching("io.flowgate.flow.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theFlowHoldsCapabilitiesOnly() {
        noClasses().that().doNotHaveSimpleName("package-info").should().resideInAPackage("io.flowgate.flow")
                .because("each class of the domain belongs to the capability it serves")
                .check(production);
    }

    @Test
    void theDomainKnowsNeitherHttpNorFunqyNorDynamoDb() {
        noClasses().that().resideInAPackage("io.flowgate.flow..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.quarkus.funqy..",
                        "io.vertx..", "software.amazon.awssdk..")
                .check(production);
    }

    @Test
    void productionCodeNeverUsesTheSandboxOrTheDemo() {
        noClasses().that().resideOutsideOfPackages("io.flowgate.sandbox..", "io.flowgate.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowgate.sandbox..", "io.flowgate.demo..")
                .check(production);
    }
}
