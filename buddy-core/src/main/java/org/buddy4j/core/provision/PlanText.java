package org.buddy4j.core.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.buddy4j.core.BuddyJson;

/**
 * The one rendering of a {@link Plan} (and of an {@link ApplyReport}) for people and for {@code -o json}:
 * {@code + create}, {@code ~ update} with {@code field: before → after} lines, {@code - delete},
 * {@code = unchanged}, and a summary line. Secrets are {@code ***}: the plan holds nothing else of them.
 */
public final class PlanText {
  private PlanText() {}

  /** The plan as text, one resource a line (its fields indented below it), then the summary. */
  public static String text(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (Change c : plan.changes()) {
      out.append(symbol(c.action())).append(' ').append(word(c.action())).append(' ').append(c.address()).append('\n');
      for (FieldChange f : c.fields()) {
        out.append("    ").append(f.field()).append(": ");
        if (c.action() == Change.Action.CREATE) {
          out.append(f.after());
        } else {
          out.append(f.before()).append(" → ").append(f.after());
        }
        if (f.note() != null) {
          out.append(" (").append(f.note()).append(')');
        }
        out.append('\n');
      }
    }
    return out.append(summary(plan.changes())).append('\n').toString();
  }

  /** "2 to create, 1 to update, 0 to delete". */
  public static String summary(List<Change> changes) {
    return count(changes, Change.Action.CREATE) + " to create, " + count(changes, Change.Action.UPDATE) + " to update, "
        + count(changes, Change.Action.DELETE) + " to delete";
  }

  /** The plan as JSON: {@code {"changes":[{"action","address","kind","id","fields":[…]}],"summary":{…}}}. */
  public static String json(Plan plan) {
    ObjectNode root = BuddyJson.mapper().createObjectNode();
    root.set("changes", changes(plan.changes()));
    ObjectNode summary = root.putObject("summary");
    for (Change.Action a : Change.Action.values()) {
      summary.put(a.name().toLowerCase(java.util.Locale.ROOT), count(plan.changes(), a));
    }
    return write(root);
  }

  /** What an apply did, as text: each applied change, what was not applied, and the failure's message. */
  public static String text(ApplyReport report) {
    StringBuilder out = new StringBuilder();
    report.applied().forEach(c -> out.append("applied ").append(symbol(c.action())).append(' ').append(word(c.action()))
        .append(' ').append(c.address()).append('\n'));
    report.notApplied().forEach(c -> out.append("not applied ").append(symbol(c.action())).append(' ')
        .append(word(c.action())).append(' ').append(c.address()).append('\n'));
    report.failure().ifPresent(e -> out.append("failed: ").append(e.getMessage()).append('\n'));
    return out.append("applied: ").append(summary(report.applied())).append('\n').toString();
  }

  /** What an apply did, as JSON: {@code {"applied":[…],"notApplied":[…],"failure":"…"|null}}. */
  public static String json(ApplyReport report) {
    ObjectNode root = BuddyJson.mapper().createObjectNode();
    root.set("applied", changes(report.applied()));
    root.set("notApplied", changes(report.notApplied()));
    root.put("failure", report.failure().map(Throwable::getMessage).orElse(null));
    return write(root);
  }

  private static ArrayNode changes(List<Change> changes) {
    ArrayNode out = BuddyJson.mapper().createArrayNode();
    for (Change c : changes) {
      ObjectNode n = out.addObject();
      n.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
      n.put("address", c.address().toString());
      n.put("kind", c.kind().word());
      n.put("key", c.address().key());
      n.put("id", c.liveId());
      if (c.declared() != null && c.declared().source() != null) {
        n.put("source", c.declared().source());
      }
      ArrayNode fields = n.putArray("fields");
      for (FieldChange f : c.fields()) {
        ObjectNode fn = fields.addObject();
        fn.put("field", f.field());
        fn.put("before", f.before());
        fn.put("after", f.after());
        fn.put("secret", f.secret());
        if (f.note() != null) {
          fn.put("note", f.note());
        }
      }
    }
    return out;
  }

  private static String write(ObjectNode root) {
    try {
      return BuddyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of text never fails to write
    }
  }

  private static long count(List<Change> changes, Change.Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  private static char symbol(Change.Action a) {
    return switch (a) {
      case CREATE -> '+';
      case UPDATE -> '~';
      case DELETE -> '-';
      case UNCHANGED -> '=';
    };
  }

  private static String word(Change.Action a) {
    return a.name().toLowerCase(java.util.Locale.ROOT);
  }
}
