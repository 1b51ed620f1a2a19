package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.buddy4j.batch.archfixture.BatchUsesCli;
import org.buddy4j.cli.archfixture.a.A;
import org.buddy4j.cli.archfixture.b.B;
import org.buddy4j.core.archfixture.BadgeSvg;
import org.buddy4j.core.archfixture.CoreNeedsDsl;
import org.buddy4j.core.archfixture.CoreUsesPicocli;
import org.buddy4j.dsl.archfixture.DslCallsGeneratedApi;
import org.buddy4j.dsl.archfixture.DslNeedsCore;
import org.buddy4j.emulator.archfixture.EmulatorUsesCore;
import org.junit.jupiter.api.Test;

/**
 * The negative controls of {@link ArchitectureTest}: each rule, shown one deliberate violation (test-only
 * classes under {@code …archfixture}, which the real check does not import), must report it. A rule that
 * passed these would be passing the real code vacuously.
 */
class ArchitectureRulesCatchViolationsTest {
  @Test
  void coreUsingAFrontEndLibraryOrRenderingIsCaught() {
    assertCaught(ArchitectureTest.coreDependsOnNoOtherModuleAndRendersNothing, CoreUsesPicocli.class);
    assertCaught(ArchitectureTest.coreDependsOnNoOtherModuleAndRendersNothing, BadgeSvg.class);
  }

  @Test
  void aModuleOtherThanCoreOnAGeneratedApiIsCaught() {
    assertCaught(ArchitectureTest.onlyCoreCallsTheGeneratedApis, DslCallsGeneratedApi.class);
  }

  @Test
  void theEngineUsingTheCliIsCaught() {
    assertCaught(ArchitectureTest.engineNeverImportsTheCli, BatchUsesCli.class);
  }

  @Test
  void theEmulatorUsingCoreIsCaught() {
    assertCaught(ArchitectureTest.emulatorNeverImportsCore, EmulatorUsesCore.class);
  }

  @Test
  void aModuleCycleIsCaught() {
    assertCaught(ArchitectureTest.noModuleCycles, CoreNeedsDsl.class, DslNeedsCore.class);
  }

  @Test
  void aPackageCycleIsCaught() {
    assertCaught(ArchitectureTest.noPackageCycles, A.class, B.class);
  }

  @Test
  void theControlsAreViolationsOnlyOfTheirOwnRule() {
    // A package cycle inside one module is not a module cycle: the module rule is not just failing everything.
    assertFalse(ArchitectureTest.noModuleCycles.evaluate(classes(A.class, B.class)).hasViolation());
  }

  private static void assertCaught(ArchRule rule, Class<?>... violators) {
    EvaluationResult result = rule.evaluate(classes(violators));
    assertTrue(result.hasViolation(), () -> "rule did not catch " + java.util.Arrays.toString(violators) + ": " + rule);
  }

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }
}
