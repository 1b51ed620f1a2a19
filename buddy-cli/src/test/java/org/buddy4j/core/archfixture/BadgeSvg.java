package org.buddy4j.core.archfixture;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: rendering (by name) inside "core". */
public class BadgeSvg {
}
