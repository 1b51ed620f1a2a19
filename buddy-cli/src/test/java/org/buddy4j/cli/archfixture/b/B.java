package org.buddy4j.cli.archfixture.b;

import org.buddy4j.cli.archfixture.a.A;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: the other half of a package cycle. */
public class B {
  public A a;
}
