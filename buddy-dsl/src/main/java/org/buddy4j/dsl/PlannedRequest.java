package org.buddy4j.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Redactor;

/**
 * One request a script sends (or, in a dry run, would send): method, API path and JSON body. The body
 * holds the real values; {@link #toString()} and {@link #line(Redactor)} mask secrets.
 *
 * @param method GET, POST, PATCH or DELETE
 * @param path the API path, e.g. {@code /workspaces/buddy/integrations}; {@code {execution_id}} stands for
 *     an ID only the real API knows
 * @param body the JSON body, or null
 * @param note what a dry run cannot know, e.g. "polled until the run is over", or null
 */
public record PlannedRequest(String method, String path, JsonNode body, String note) {

  /** Whether the request changes something (POST, PATCH, PUT, DELETE). */
  public boolean changesState() {
    return !method.equals("GET");
  }

  /** {@code POST /workspaces/buddy/integrations {"type":"AMAZON",…}} with secrets masked. */
  public String line(Redactor redactor) {
    StringBuilder out = new StringBuilder(method).append(' ').append(path);
    if (body != null) {
      try {
        out.append(' ').append(redactor.redactJson(BuddyJson.mapper().writeValueAsString(body)));
      } catch (Exception e) {
        out.append(" {unprintable}");
      }
    }
    if (note != null) {
      out.append("  # ").append(note);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return line(Redactor.standard());
  }
}
