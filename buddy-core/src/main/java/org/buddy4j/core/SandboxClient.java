package org.buddy4j.core;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.generated.api.SandboxesApi;
import org.buddy4j.core.generated.model.Sandbox;
import org.buddy4j.core.generated.model.SandboxRequest;

/**
 * One sandbox, {@code /workspaces/{workspace}/sandboxes/{sandbox_id}}: read, edit, start, stop, delete, and
 * wait for it on the client's clock and sleeper (as a run's {@code waitUntilFinished} does). Buddy moves a
 * sandbox STARTING → RUNNING and STOPPING → STOPPED; FAILED is final.
 */
public final class SandboxClient {
  /** A sandbox that is up. */
  public static final String RUNNING = "RUNNING";
  /** A sandbox that is down (it can be started again). */
  public static final String STOPPED = "STOPPED";
  /** A sandbox that broke; it reaches neither state by waiting. */
  public static final String FAILED = "FAILED";

  private final ClientContext context;
  private final String workspace;
  private final String sandboxId;

  SandboxClient(ClientContext context, String workspace, String sandboxId) {
    this.context = context;
    this.workspace = workspace;
    this.sandboxId = sandboxId;
  }

  /** The sandbox's ID. */
  public String id() {
    return sandboxId;
  }

  /** {@code GET /workspaces/{workspace}/sandboxes/{sandbox_id}}. */
  public Sandbox get() {
    return api().getSandbox(workspace, sandboxId);
  }

  /** {@code PATCH /workspaces/{workspace}/sandboxes/{sandbox_id}}: the sandbox as it is now. */
  public Sandbox update(SandboxRequest changes) {
    return api().updateSandbox(workspace, sandboxId, context.sending(changes));
  }

  /**
   * {@code POST …/sandboxes/{sandbox_id}/start} (an empty object, as Buddy's Go SDK sends): the sandbox,
   * STARTING. Sent once: if the answer is lost, a {@code BuddyOutcomeUnknownException} says so.
   */
  public Sandbox start() {
    return api().startSandbox(workspace, sandboxId, Map.of());
  }

  /** {@code POST …/sandboxes/{sandbox_id}/stop} (an empty object): the sandbox, STOPPING. Sent once. */
  public Sandbox stop() {
    return api().stopSandbox(workspace, sandboxId, Map.of());
  }

  /** {@code DELETE /workspaces/{workspace}/sandboxes/{sandbox_id}}. */
  public void delete() {
    api().deleteSandbox(workspace, sandboxId);
  }

  /**
   * Polls {@code GET …/sandboxes/{sandbox_id}} until the sandbox is RUNNING and returns it.
   *
   * @throws BuddyTimeoutException if it is not RUNNING within {@code timeout} (the message names its status)
   * @throws BuddyException if it became FAILED, which waiting does not mend
   */
  public Sandbox waitUntilRunning(Duration timeout) {
    return waitForStatus(RUNNING, timeout);
  }

  /**
   * Polls until the sandbox is STOPPED and returns it.
   *
   * @throws BuddyTimeoutException if it is not STOPPED within {@code timeout}
   * @throws BuddyException if it became FAILED
   */
  public Sandbox waitUntilStopped(Duration timeout) {
    return waitForStatus(STOPPED, timeout);
  }

  /**
   * Polls until a snapshot meets {@code condition} (the first one is fetched) and returns it, on the client's
   * clock, poll interval and sleeper.
   *
   * @throws BuddyTimeoutException if none did within {@code timeout} (the message names the last status)
   */
  public Sandbox waitUntil(Predicate<? super Sandbox> condition, Duration timeout) {
    return context.await(get(), condition, last -> get(), timeout,
        last -> "sandbox " + sandboxId + " of workspace " + workspace + " is still " + last.getStatus());
  }

  private Sandbox waitForStatus(String status, Duration timeout) {
    Sandbox last = waitUntil(s -> status.equals(s.getStatus()) || FAILED.equals(s.getStatus()), timeout);
    if (!status.equals(last.getStatus())) {
      throw new BuddyException("sandbox " + sandboxId + " of workspace " + workspace + " is " + last.getStatus()
          + " (setup " + last.getSetupStatus() + "); it will not become " + status + " by waiting");
    }
    return last;
  }

  private SandboxesApi api() {
    return context.api(SandboxesApi.class);
  }

  @Override
  public String toString() {
    return "Sandbox[" + workspace + "/" + sandboxId + "]";
  }
}
