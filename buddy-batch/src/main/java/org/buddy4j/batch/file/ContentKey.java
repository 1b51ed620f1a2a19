package org.buddy4j.batch.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.buddy4j.core.RunField;

/**
 * The key of a batch run that names none, from its content: the journal and the run's marker carry it, so
 * it must never change for the same run, or a resumed batch would start that run again.
 */
final class ContentKey {
  private ContentKey() {}

  /**
   * The content key's fields as buddy4j 0.1 wrote them, frozen: a journal written before keeps its keys
   * (a changed key would start a resumed run again). Fields the catalogue gained since are appended, by
   * name, only when set, so a run that does not use them keeps its key too.
   */
  static final List<String[]> KEY_LAYOUT = List.of(new String[] {"b", "branch"}, new String[] {"t", "tag"},
      new String[] {"p", "pull_request"}, new String[] {"r", "revision"}, new String[] {"c", "comment"},
      new String[] {"P", "priority"}, new String[] {"v", "variables"}, new String[] {"s", "secret_variables"},
      new String[] {"cc", "clear_cache"}, new String[] {"rf", "refresh"}, new String[] {"e", "environment"},
      new String[] {"a", "actions"}, new String[] {"d", "delay_until"});

  /** The key of a run with no {@code key}: same content, same key (secret values are left out of it). */
  static String of(String workspace, String project, Integer pipeline, Map<String, Object> run) {
    StringBuilder s = new StringBuilder();
    s.append(workspace).append('\u0000').append(project).append('\u0000').append(pipeline);
    Set<String> done = new HashSet<>();
    for (String[] tagAndName : KEY_LAYOUT) {
      String name = tagAndName[1];
      done.add(name);
      s.append('\u0000').append(tagAndName[0]).append(':').append(keyText(name, run.get(name)));
    }
    for (String name : BatchFields.runFields().keySet()) {
      if (!done.contains(name) && run.get(name) != null) {
        s.append('\u0000').append(name).append(':').append(keyText(name, run.get(name)));
      }
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return "r" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value as the key shows it: sorted variables, only the names of secret ones, [] for no list. */
  private static String keyText(String name, Object value) {
    BatchFields.Binding b = BatchFields.run(name).orElseThrow();
    if (b.field().kind() == RunField.Kind.VARIABLES) {
      Map<?, ?> m = value == null ? Map.of() : (Map<?, ?>) value;
      return b.secret() ? new TreeMap<>(m).keySet().toString() : new TreeMap<>(m).toString();
    }
    if (b.field().kind() == RunField.Kind.NUMBERS) {
      return String.valueOf(value == null ? List.of() : value);
    }
    return b.field().sensitive() && value != null ? "***" : String.valueOf(value);
  }
}
