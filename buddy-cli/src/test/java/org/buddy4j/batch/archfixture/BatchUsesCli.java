package org.buddy4j.batch.archfixture;

import org.buddy4j.cli.BuddyCli;

/** A deliberate violation for ArchitectureRulesCatchViolationsTest: the engine reaching up into the CLI. */
public class BatchUsesCli {
  public BuddyCli cli;
}
