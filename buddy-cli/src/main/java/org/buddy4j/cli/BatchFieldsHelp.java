package org.buddy4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.buddy4j.batch.file.BatchFields;
import org.buddy4j.core.RunField;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the "Fields of a run" lines of {@code buddy batch --help} from {@link BatchFields} (and so from
 * core's run-request catalogue): a field the spec gains is listed with no edit.
 */
final class BatchFieldsHelp implements CommandLine.IModelTransformer {
  /** The description line this replaces. */
  static final String PLACEHOLDER = "Fields of a run: (the run-request catalogue)";

  private static final int WIDTH = 92;

  @Override
  public CommandSpec transform(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (String line : spec.usageMessage().description()) {
      if (line.equals(PLACEHOLDER)) {
        out.addAll(wrap("Fields of a run: " + String.join(", ", fields()) + ". See README.md for the three formats."));
      } else {
        out.add(line);
      }
    }
    spec.usageMessage().description(out.toArray(String[]::new));
    return spec;
  }

  /** key, …, pipeline (required), branch | tag | pull_request, …, priority (LOW|NORMAL|HIGH), …. */
  static List<String> fields() {
    List<String> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (String name : BatchFields.FIELDS.keySet()) {
      if (done.contains(name)) {
        continue;
      }
      RunField f = BatchFields.run(name).map(BatchFields.Binding::field).orElse(null);
      if (f == null) {
        out.add(name.equals("pipeline") ? "pipeline (required)" : name);
      } else if (f.group() != null) {
        List<String> group = BatchFields.runFields().entrySet().stream()
            .filter(e -> f.group().equals(e.getValue().field().group())).map(java.util.Map.Entry::getKey).toList();
        done.addAll(group);
        out.add(String.join(" | ", group));
      } else {
        out.add(f.kind() == RunField.Kind.CHOICE && name.equals(f.name()) ? name + " (" + String.join("|", f.choices()) + ")" : name);
      }
    }
    return out;
  }

  private static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
