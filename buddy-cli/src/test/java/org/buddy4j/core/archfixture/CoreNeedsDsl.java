package org.buddy4j.core.archfixture;

import org.buddy4j.dsl.archfixture.DslNeedsCore;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: one half of a core ⇄ dsl module cycle. */
public class CoreNeedsDsl {
  public DslNeedsCore other;
}
