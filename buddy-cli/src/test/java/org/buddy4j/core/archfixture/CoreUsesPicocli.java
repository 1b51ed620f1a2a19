package org.buddy4j.core.archfixture;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: "core" using a front end's library. */
public class CoreUsesPicocli {
  public Object parser() {
    return new picocli.CommandLine(this);
  }
}
