package org.buddy4j.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/design.md, as tests. buddy-cli sits at the top of the module graph, so its
 * test classpath holds the main classes of every module it is built on (core, insights, dsl, emulator,
 * batch and itself); tests are not checked.
 */
@AnalyzeClasses(packages = "org.buddy4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String GENERATED = "org.buddy4j.core.generated..";

  /** buddy-core is the client only: no other module, no product (insights, reports) and no rendering. */
  @ArchTest
  static final ArchRule coreDependsOnNoOtherModuleAndRendersNothing = noClasses()
      .that().resideInAPackage("org.buddy4j.core..")
      .should().dependOnClassesThat().resideInAnyPackage("org.buddy4j.insights..", "org.buddy4j.dsl..",
          "org.buddy4j.emulator..", "org.buddy4j.batch..", "org.buddy4j.cli..",
          "org.buddy4j.bench..", "org.buddy4j.contract..",
          // the libraries of the products and front ends
          "dev.cdevents..", "io.cloudevents..", "io.vertx..", "groovy..", "org.codehaus.groovy..", "picocli..")
      .orShould().haveSimpleNameContaining("Html").orShould().haveSimpleNameContaining("Svg")
      .because("buddy-core is the client only (DESIGN.md: it must not render anything)");

  /** Only buddy-core talks to the generated Feign interfaces; everyone else goes through its facade. */
  @ArchTest
  static final ArchRule onlyCoreCallsTheGeneratedApis = noClasses()
      .that().resideOutsideOfPackage("org.buddy4j.core..")
      .should().dependOnClassesThat().resideInAnyPackage("org.buddy4j.core.generated.api..",
          "org.buddy4j.core.generated.invoker..")
      .because("nothing outside core calls HTTP itself: add the call to BuddyClient's facade");

  /** The batch engine (buddy-batch) never depends on the command line (buddy-cli) or the script language. */
  @ArchTest
  static final ArchRule engineNeverImportsTheCli = noClasses()
      .that().resideInAPackage("org.buddy4j.batch..")
      .should().dependOnClassesThat().resideInAnyPackage("org.buddy4j.cli..", "picocli..", "org.buddy4j.dsl..",
          "org.buddy4j.insights..", "org.buddy4j.emulator..")
      .because("buddy-batch is a library on buddy-core alone (docs/design.md)");

  /** The emulator is a second, independent implementation of the spec: it may disagree with the client. */
  @ArchTest
  static final ArchRule emulatorNeverImportsCore = noClasses()
      .that().resideInAPackage("org.buddy4j.emulator..")
      .should().dependOnClassesThat().resideInAPackage("org.buddy4j.core..")
      .because("the emulator must be able to disagree with buddy-core");

  /** No two modules depend on each other, directly or round a loop. */
  @ArchTest
  static final ArchRule noModuleCycles = slices().matching("org.buddy4j.(*)..")
      .should().beFreeOfCycles();

  /**
   * No two hand-written packages depend on each other, directly or round a loop (generated code aside).
   * Known debt, left out until it is paid: buddy-core's {@code auth}, {@code http} and
   * {@code integrations} use {@code BuddyJson}, {@code Redactor} and {@code LogLevel} from the root
   * package that uses them; the DSL's {@code compile}, {@code context}, {@code runtime} and
   * {@code boundary} use the root package's types ({@code DslException}, {@code ScriptOptions}, the
   * script-facing {@code Run} and {@code IntegrationRef} the allowlist names, …). Only those upward edges are
   * ignored: any other cycle, and any cycle among the sub-packages, fails.
   */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.buddy4j.(**)")
      .should().beFreeOfCycles()
      .ignoreDependency(resideInAPackage(GENERATED), alwaysTrue())
      .ignoreDependency(alwaysTrue(), resideInAPackage(GENERATED))
      .ignoreDependency(resideInAnyPackage("org.buddy4j.core.auth..", "org.buddy4j.core.http..",
          "org.buddy4j.core.integrations.."), resideInAPackage("org.buddy4j.core"))
      .ignoreDependency(resideInAnyPackage("org.buddy4j.dsl.compile..", "org.buddy4j.dsl.context..",
          "org.buddy4j.dsl.runtime..", "org.buddy4j.dsl.boundary.."), resideInAPackage("org.buddy4j.dsl"));
}
