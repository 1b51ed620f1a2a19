package org.buddy4j.emulator.archfixture;

import org.buddy4j.core.BuddyClient;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: the emulator agreeing with core by construction. */
public class EmulatorUsesCore {
  public BuddyClient client;
}
