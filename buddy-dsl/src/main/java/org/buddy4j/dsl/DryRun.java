package org.buddy4j.dsl;

import java.io.PrintStream;
import java.util.List;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.provision.DesiredState;

/**
 * What a script's statements would send, in order, and what it declares, found by running it against a
 * recorder (nothing is sent).
 * {@link #lines()} prints each request with its secrets masked.
 */
public final class DryRun {
  private final List<PlannedRequest> requests;
  private final DesiredState desired;
  private final Redactor redactor = Redactor.standard();

  DryRun(List<PlannedRequest> requests, DesiredState desired) {
    this.requests = List.copyOf(requests);
    this.desired = desired;
    requests.forEach(r -> redactor.addSecretsOf(r.body()));
  }

  /**
   * What the script declares (applied before its statements run). A dry run reads nothing, so what the
   * declarations will change is the plan's to say ({@link CompiledScript#plan}); they are not requests here.
   */
  public DesiredState desiredState() {
    return desired;
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
