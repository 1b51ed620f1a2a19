package org.buddy4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one place the CLI words a command-line mistake: one line, a hint, exit 2. A value given to an
 * option that takes a secret ({@code --token}, {@code --secret-var}, {@code --set}) is never repeated:
 * a malformed one is described by its shape ("a value of 12 characters with no '='"), and any other
 * message that would quote it (picocli quotes unmatched and unexpected arguments) has it masked.
 * Also mends picocli's "Value for option option '…'" wording.
 */
final class ParameterErrors implements CommandLine.IParameterExceptionHandler {
  /** Options whose values may be secrets. */
  static final Set<String> SECRET_OPTIONS = secretOptions();

  private static Set<String> secretOptions() {
    Set<String> out = new java.util.HashSet<>(RunFlags.secretFlags());
    out.add("--token");
    out.add("--set");
    out.add("--data"); // buddy api's request body: it may hold credentials
    out.add("-d");
    return Set.copyOf(out);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine c = e.getCommandLine();
    PrintWriter err = c.getErr();
    List<String> secrets = secretValues(args);
    String message = message(e, secrets);
    err.println("buddy: " + message);
    if (secrets.stream().noneMatch(s -> String.valueOf(e.getMessage()).contains(s))) {
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    }
    err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE;
  }

  static String message(ParameterException e, List<String> secrets) {
    ArgSpec spec = e.getArgSpec();
    if (spec instanceof OptionSpec option && isSecret(option) && e.getValue() != null) {
      return shape(option, e.getValue());
    }
    String text = String.valueOf(e.getMessage()).replace("option option", "option");
    for (String secret : secrets) {
      text = text.replace("'" + secret + "'", describe(secret)).replace(secret, describe(secret));
    }
    return text;
  }

  /** What is wrong with a secret option's value, without any of its text. */
  static String shape(OptionSpec option, String value) {
    return option.longestName() + ": " + describe(value) + " is not valid here";
  }

  /**
   * The {@code NAME=VALUE} arguments of a repeatable option, split at the first {@code =}, in order;
   * a malformed one or a name given twice is a usage error that never quotes a value (and quotes a
   * name only when the option is not a secret one).
   */
  static Map<String, String> keyValues(String option, List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean secret = SECRET_OPTIONS.contains(option);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new UsageException(option + " expects NAME=VALUE; got " + describe(arg) + " with no '='"
            + (arg.indexOf(':') >= 0 ? " (NAME and VALUE are separated by '=', not ':')" : ""));
      }
      String name = arg.substring(0, eq);
      if (out.containsKey(name)) {
        throw new UsageException(option + ": " + (secret ? "a name" : "'" + name + "'") + " is given twice; give each once");
      }
      out.put(name, arg.substring(eq + 1));
    }
    return out;
  }

  static String describe(String value) {
    return "a value of " + value.length() + " character" + (value.length() == 1 ? "" : "s");
  }

  private static boolean isSecret(OptionSpec option) {
    for (String n : option.names()) {
      if (SECRET_OPTIONS.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** The values the arguments give to secret options ({@code --token X}, {@code --token=X}), longest first. */
  static List<String> secretValues(String[] args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (SECRET_OPTIONS.contains(a) && i + 1 < args.length) {
        addValue(values, args[i + 1]);
        if (args[i + 1].endsWith("=") && i + 2 < args.length) {
          addValue(values, args[i + 2]); // "--secret-var KEY= VALUE": the shell split the value off
        }
      }
      int eq = a.indexOf('=');
      if (eq > 0 && SECRET_OPTIONS.contains(a.substring(0, eq))) {
        addValue(values, a.substring(eq + 1));
      }
    }
    values.sort(Comparator.comparingInt(String::length).reversed());
    return values;
  }

  private static void addValue(List<String> values, String value) {
    if (value.isEmpty()) {
      return;
    }
    values.add(value);
    int eq = value.indexOf('=');
    if (eq >= 0 && eq + 1 < value.length()) {
      values.add(value.substring(eq + 1)); // the VALUE of NAME=VALUE, quoted alone by some messages
    }
  }
}
