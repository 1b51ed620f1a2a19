package org.buddy4j.batch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The first line of a journal: the batch's ID (part of every run's marker), the batch file it ran and
 * that file's SHA-256 (resume refuses a changed file), and the defaults the runs were read with.
 */
public record JournalHeader(String batchId, String file, String sha256, int runs, String format,
                            String workspace, String project, Instant started) {

  ObjectNode toJson() {
    ObjectNode n = Journal.JSON.createObjectNode().put("t", "batch").put("v", Journal.VERSION)
        .put("batch", batchId).put("file", file).put("sha256", sha256).put("runs", runs).put("format", format);
    if (workspace != null) {
      n.put("workspace", workspace);
    }
    if (project != null) {
      n.put("project", project);
    }
    return n.put("started", started.toString());
  }

  static JournalHeader fromJson(JsonNode n) {
    return new JournalHeader(n.path("batch").asText(), n.path("file").asText(), n.path("sha256").asText(),
        n.path("runs").asInt(), n.path("format").asText(null),
        n.hasNonNull("workspace") ? n.get("workspace").asText() : null,
        n.hasNonNull("project") ? n.get("project").asText() : null,
        Instant.parse(n.path("started").asText(Instant.EPOCH.toString())));
  }
}
