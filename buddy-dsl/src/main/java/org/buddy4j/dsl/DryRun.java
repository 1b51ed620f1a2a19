package org.buddy4j.dsl;

import java.io.PrintStream;
import java.util.List;
import org.buddy4j.core.Redactor;

/**
 * What a script would send, in order, found by running it against a recorder (nothing is sent).
 * {@link #lines()} prints each request with its secrets masked.
 */
public final class DryRun {
  private final List<PlannedRequest> requests;
  private final Redactor redactor = Redactor.standard();

  DryRun(List<PlannedRequest> requests) {
    this.requests = List.copyOf(requests);
    requests.forEach(r -> redactor.addSecretsOf(r.body()));
  }

  /** The requests, with real values (do not print these bodies; use {@link #lines()}). */
  public List<PlannedRequest> requests() {
    return requests;
  }

  /** {@code POST /workspaces/buddy/integrations {…}}, one per request, secrets masked. */
  public List<String> lines() {
    return requests.stream().map(r -> r.line(redactor)).toList();
  }

  public void print(PrintStream out) {
    lines().forEach(out::println);
    out.flush();
  }

  @Override
  public String toString() {
    return String.join("\n", lines());
  }
}
