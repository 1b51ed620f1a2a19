package org.buddy4j.dsl.archfixture;

import org.buddy4j.core.archfixture.CoreNeedsDsl;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: the other half of a module cycle. */
public class DslNeedsCore {
  public CoreNeedsDsl other;
}
