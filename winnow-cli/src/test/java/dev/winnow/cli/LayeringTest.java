package dev.winnow.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' layering, stated once: each module's packages ({@code dev.winnow.<module>..}) may
 * use only the modules listed for it, so a front end that takes one engine (validate, scores, run)
 * gets only what that engine needs. The Maven dependencies say the same; this checks the code.
 */
@AnalyzeClasses(packages = "dev.winnow", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule modulesUseOnlyTheModulesBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("format")
            .definedBy("dev.winnow.format..")
            .layer("datasource")
            .definedBy("dev.winnow.datasource..")
            .layer("cloud")
            .definedBy("dev.winnow.cloud..")
            .layer("media")
            .definedBy("dev.winnow.media..")
            .layer("config")
            .definedBy("dev.winnow.config..")
            .layer("convert")
            .definedBy("dev.winnow.convert..")
            .layer("validate")
            .definedBy("dev.winnow.validate..")
            .layer("scores")
            .definedBy("dev.winnow.scores..")
            .layer("embed")
            .definedBy("dev.winnow.embed..")
            .layer("select")
            .definedBy("dev.winnow.select..")
            .layer("report")
            .definedBy("dev.winnow.report..")
            .layer("demo")
            .definedBy("dev.winnow.demo..")
            .layer("run")
            .definedBy("dev.winnow.run..")
            .layer("serve")
            .definedBy("dev.winnow.serve..")
            .layer("cli")
            .definedBy("dev.winnow.cli..")
            .whereLayer("format")
            .mayNotAccessAnyLayer()
            .whereLayer("datasource")
            .mayOnlyAccessLayers("format")
            .whereLayer("cloud")
            .mayOnlyAccessLayers("format", "datasource")
            .whereLayer("cloud")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("media")
            .mayOnlyAccessLayers("format", "datasource")
            .whereLayer("config")
            .mayNotAccessAnyLayer()
            .whereLayer("convert")
            .mayOnlyAccessLayers("format", "datasource", "media")
            .whereLayer("validate")
            .mayOnlyAccessLayers("format", "datasource", "media")
            .whereLayer("scores")
            .mayOnlyAccessLayers("format", "datasource", "media")
            .whereLayer("embed")
            .mayOnlyAccessLayers("format", "config")
            .whereLayer("select")
            .mayOnlyAccessLayers("config")
            .whereLayer("report")
            .mayOnlyAccessLayers("format", "datasource", "media")
            .whereLayer("demo")
            .mayOnlyAccessLayers("format", "datasource")
            .whereLayer("run")
            .mayOnlyAccessLayers("format", "datasource", "media", "config", "scores", "embed", "select", "report")
            .whereLayer("serve")
            .mayOnlyAccessLayers("format", "datasource", "media", "convert", "scores", "embed", "report", "run")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule modulesHaveNoCycles =
            slices().matching("dev.winnow.(*)..").should().beFreeOfCycles();

    /** Only the embedders load ONNX Runtime, so validate, scores and convert run without its native library. */
    @ArchTest
    static final ArchRule onlyEmbedUsesOnnxRuntime = noClasses()
            .that()
            .resideOutsideOfPackage("dev.winnow.embed..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.onnxruntime..");

    /** Cloud SDKs stay inside their cloud's module, found through LocationProvider; the rest compiles against none. */
    @ArchTest
    static final ArchRule onlyCloudModulesUseCloudSdks = noClasses()
            .that()
            .resideOutsideOfPackage("dev.winnow.cloud..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "com.azure..", "com.google.cloud..");

    /** The incubating Vector API stays inside selection's int8 kernel, the one place that needs it. */
    @ArchTest
    static final ArchRule onlySelectUsesTheVectorApi = noClasses()
            .that()
            .resideOutsideOfPackage("dev.winnow.select..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jdk.incubator.vector..");
}
