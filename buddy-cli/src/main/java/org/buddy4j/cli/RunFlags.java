package org.buddy4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunFields;
import org.buddy4j.core.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The flags of {@code buddy runs start}, one per field of core's run-request catalogue ({@link RunFields},
 * generated from the spec): {@code --NAME} with the field's name in kebab case ({@code --pull-request},
 * {@code --delay-until}), a boolean as a switch, a list of IDs repeatable or comma separated, variables
 * as {@code --var NAME=VALUE} and {@code --secret-var NAME=VALUE}; an exclusive group's flags exclude each
 * other. A field the spec gains is a flag with no edit here. Added to the command by picocli as a model
 * transformer, read back by {@link #apply}.
 */
final class RunFlags implements CommandLine.IModelTransformer {
  @Override
  public CommandSpec transform(CommandSpec spec) {
    Map<String, ArgGroupSpec.Builder> groups = new LinkedHashMap<>();
    for (RunField f : RunFields.get().all()) {
      if (f.kind() == RunField.Kind.VARIABLES) {
        spec.addOption(repeatable(f.cliName(), f.label(), f.cliHelp()));
        spec.addOption(repeatable(f.secret().cliName(), f.label(), f.secret().cliHelp()));
        continue;
      }
      OptionSpec option = option(f);
      if (f.group() != null) {
        groups.computeIfAbsent(f.group(), g -> ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")).addArg(option);
      } else {
        spec.addOption(option);
      }
    }
    groups.values().forEach(g -> spec.addArgGroup(g.build()));
    return spec;
  }

  private static OptionSpec option(RunField f) {
    List<String> names = new ArrayList<>(f.cliAliases());
    names.add("--" + f.cliName());
    OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new)).description(f.cliHelp());
    switch (f.kind()) {
      case BOOLEAN -> b.type(boolean.class).arity("0..1");
      case NUMBERS -> b.type(List.class).auxiliaryTypes(String.class).splitRegex(",").paramLabel(f.label());
      default -> b.type(String.class).paramLabel(f.label()).description(f.cliHelp()
          + (f.kind() == RunField.Kind.CHOICE && !f.cliHelp().contains(f.choices().get(0)) ? " (" + String.join(", ", f.choices()) + ")" : ""));
    }
    return b.build();
  }

  private static OptionSpec repeatable(String name, String label, String help) {
    return OptionSpec.builder("--" + name).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
        .description(help).build();
  }

  /** The flags whose values may be secrets (the encrypted variables, sensitive fields). */
  static Set<String> secretFlags() {
    Set<String> out = new LinkedHashSet<>();
    for (RunField f : RunFields.get().all()) {
      if (f.secret() != null) {
        out.add("--" + f.secret().cliName());
      }
      if (f.sensitive()) {
        out.add("--" + f.cliName());
      }
    }
    return out;
  }

  /**
   * Sets on {@code o} every run field given on the command line, checked by the field's rule; a mistake is a
   * {@link UsageException} naming the flag ("--priority: 'ASAP' is not a priority; valid choices: …").
   */
  static RunOptions apply(CommandSpec spec, RunOptions o) {
    for (RunField f : RunFields.get().all()) {
      if (f.kind() == RunField.Kind.VARIABLES) {
        variables(spec, f.cliName(), false, o);
        variables(spec, f.secret().cliName(), true, o);
        continue;
      }
      OptionSpec option = spec.findOption("--" + f.cliName());
      if (option == null || !spec.commandLine().getParseResult().hasMatchedOption(option)) {
        continue;
      }
      Object value = option.getValue();
      try {
        o.set(f.name(), value);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + f.cliName() + ": " + e.getMessage());
      }
    }
    return o;
  }

  private static void variables(CommandSpec spec, String flag, boolean secret, RunOptions o) {
    List<String> given = spec.findOption("--" + flag).getValue();
    Map<String, String> values = ParameterErrors.keyValues("--" + flag, given == null ? List.of() : given);
    try {
      values.forEach(secret ? o::encryptedVariable : o::variable);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + flag + ": " + e.getMessage());
    }
  }
}
