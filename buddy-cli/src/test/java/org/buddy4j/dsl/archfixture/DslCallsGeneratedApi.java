package org.buddy4j.dsl.archfixture;

import org.buddy4j.core.generated.api.PipelinesApi;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: a module other than core on a Feign interface. */
public class DslCallsGeneratedApi {
  public PipelinesApi api;
}
