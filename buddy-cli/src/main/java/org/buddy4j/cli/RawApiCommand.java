package org.buddy4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.RawCall;
import org.buddy4j.core.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buddy api METHOD PATH [--data JSON|@file] [--paginate]}: any call of Buddy's API, like
 * {@code gh api}, through core's {@link RawCall} (the same token, retries, rate limits and redaction as
 * every command). Prints the answer as indented JSON, secrets masked; an answer that is not JSON as it came.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Call any endpoint of Buddy's API (for what the other commands do not cover yet).",
        "PATH is relative to the endpoint, e.g. /workspaces/buddy/projects (the leading slash is optional).",
        "Example: buddy api POST /workspaces/buddy/projects/web/pipelines/2/executions"
            + " --data '{\"branch\":{\"name\":\"master\"}}'"})
final class RawApiCommand extends SessionCommand {
  @Parameters(index = "0", paramLabel = "METHOD", completionCandidates = Methods.class,
      description = "GET, POST, PUT, PATCH or DELETE.")
  String method;

  @Parameters(index = "1", paramLabel = "PATH", description = "Path and query under the endpoint.")
  String path;

  @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE",
      description = "The JSON request body, or @file to read it from a file.")
  String data;

  @Option(names = "--paginate", description = "GET every page (page, per_page) and print one document with the items of all.")
  boolean paginate;

  private JsonNode body;

  /** The methods, for shell completion. */
  static final class Methods implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return RawCall.METHODS.iterator();
    }
  }

  @Override
  void check() {
    try {
      method = RawCall.method(method);
      path = RawCall.path(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException("buddy api: " + e.getMessage());
    }
    if (data != null) {
      if (method.equals("GET")) {
        throw new UsageException("buddy api: --data: a GET sends no body; use POST, PUT, PATCH or DELETE");
      }
      body = RequestBodies.read(data);
    }
    if (paginate && !method.equals("GET")) {
      throw new UsageException("buddy api: --paginate follows the pages of a GET, not a " + method);
    }
  }

  @Override
  int run(Session session) {
    Redactor redactor = session.client().redactor();
    if (paginate) {
      JsonNode all;
      try {
        all = session.client().raw().paginate(path);
      } catch (IllegalStateException e) {
        context().err().println("buddy: " + redactor.scrub(e.getMessage()));
        return ExitCode.FAILED;
      }
      print(redactor.redactJson(all.toString()));
      return ExitCode.OK;
    }
    byte[] answer = session.client().raw().send(method, path, body);
    if (answer.length > 0) {
      print(redactor.redactJson(new String(answer, StandardCharsets.UTF_8)));
    }
    return ExitCode.OK;
  }

  /** Indented when it is JSON (masked already), as it came otherwise. */
  private void print(String text) {
    String out = text;
    try {
      JsonNode tree = BuddyJson.mapper().readTree(text);
      if (tree != null) {
        out = BuddyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
      }
    } catch (JsonProcessingException notJson) {
      // printed as it came (redactJson masked it textually)
    }
    context().out().println(out);
    context().out().flush();
  }
}
