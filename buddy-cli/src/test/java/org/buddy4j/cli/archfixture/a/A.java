package org.buddy4j.cli.archfixture.a;

import org.buddy4j.cli.archfixture.b.B;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: one half of a package cycle. */
public class A {
  public B b;
}
