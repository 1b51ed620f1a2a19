package org.buddy4j.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json|jsonl} for commands that print Buddy's data. */
final class FormatOption {
  @Option(names = {"-o", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: text, json or jsonl (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.TEXT;
}
