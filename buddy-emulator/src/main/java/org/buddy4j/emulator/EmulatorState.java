package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the emulated Buddy knows, in memory: workspaces, projects, pipelines and their executions,
 * integrations, members, the accepted tokens and the OAuth clients ({@link SeedLoader} builds it from a
 * seed). It is only touched from the emulator's event loop, so it needs no locking.
 */
final class EmulatorState {
  /** An OAuth access token and when it stops working (on the simulated clock). */
  static final class IssuedToken {
    final String clientId;
    final Instant expiresAt;

    IssuedToken(String clientId, Instant expiresAt) {
      this.clientId = clientId;
      this.expiresAt = expiresAt;
    }
  }

  final SimulatedClock clock;
  final Ids ids;
  final Map<String, WorkspaceRecord> workspaces = new LinkedHashMap<>();
  final Set<String> staticTokens = new LinkedHashSet<>();
  final Map<String, String> oauthClients = new LinkedHashMap<>();
  /** OIDC provider id to the web identity token it accepts ({@code POST /user/oidc/tokens}). */
  final Map<String, String> oidcProviders = new LinkedHashMap<>();
  final Map<String, IssuedToken> accessTokens = new HashMap<>();
  final Map<String, String> refreshTokens = new HashMap<>();
  /** Authorization codes of {@code GET /oauth2/authorize} to their client, each good for one token request. */
  final Map<String, String> authorizationCodes = new HashMap<>();
  final Map<Integer, JsonObject> members = new LinkedHashMap<>();
  /** The generic store's items (variables, environments, groups, sandboxes…; see {@link ResourceApi}). */
  final ResourceStore resources;
  final long tokenExpiresIn;
  JsonObject user;
  int nextPipelineId = 1;
  int nextActionId = 1;
  /** Each member's JSON as a run's answer shows it (its creator and commit authors), by member id. */
  final Map<Integer, EncodedJson> encodedMembers = new HashMap<>();
  /** How many runs each pipeline keeps (the newest; see {@link #newExecution}). */
  int runHistory = Integer.MAX_VALUE;
  /** Bumped around every request that may change state; a cached answer is good while it is unchanged. */
  private long version;

  EmulatorState(SimulatedClock clock, long randomSeed, long tokenExpiresIn) {
    this.clock = clock;
    this.ids = new Ids(randomSeed);
    this.resources = new ResourceStore(ids);
    this.tokenExpiresIn = tokenExpiresIn;
  }

  Instant now() {
    return clock.now();
  }

  /** Marks that the state may have changed (see {@code ExecutionViews.executionBuffer}). */
  void changed() {
    version++;
  }

  long version() {
    return version;
  }

  // ── lookups: a missing object is a 404 naming it ──

  WorkspaceRecord workspace(String domain) {
    WorkspaceRecord ws = workspaces.get(domain);
    if (ws == null) {
      throw ApiError.notFound("Workspace '" + domain + "' not found");
    }
    return ws;
  }

  ProjectRecord project(String domain, String projectName) {
    ProjectRecord project = workspace(domain).projects.get(projectName);
    if (project == null) {
      throw ApiError.notFound("Project '" + projectName + "' not found in workspace '" + domain + "'");
    }
    return project;
  }

  PipelineRecord pipeline(String domain, String projectName, int pipelineId) {
    PipelineRecord pipeline = project(domain, projectName).pipelines.get(pipelineId);
    if (pipeline == null) {
      throw ApiError.notFound("Pipeline " + pipelineId + " not found in project '" + projectName + "'");
    }
    return pipeline;
  }

  ExecutionRecord execution(String domain, String projectName, int pipelineId, int executionId) {
    ExecutionRecord execution = pipeline(domain, projectName, pipelineId).executions.get(executionId);
    if (execution == null) {
      throw ApiError.notFound("Execution " + executionId + " not found in pipeline " + pipelineId);
    }
    execution.advance(now());
    return execution;
  }

  IntegrationRecord integration(String domain, String hashId) {
    IntegrationRecord integration = workspace(domain).integrations.get(hashId);
    if (integration == null) {
      throw ApiError.notFound("Integration '" + hashId + "' not found");
    }
    return integration;
  }

  JsonObject member(int id) {
    return members.getOrDefault(id, user);
  }

  // ── tokens ──

  /** Null when the token is accepted, else why not. */
  String rejectToken(String token) {
    if (token == null || token.isBlank()) {
      return "Missing bearer token (send 'Authorization: Bearer <token>')";
    }
    if (staticTokens.contains(token)) {
      return null;
    }
    IssuedToken issued = accessTokens.get(token);
    if (issued == null) {
      return "Invalid token";
    }
    return now().isBefore(issued.expiresAt) ? null : "Token expired";
  }

  /** Issues an access and refresh token pair for {@code POST /oauth2/token}. */
  JsonObject issueTokens(String clientId, String scope) {
    String access = ids.token("bdy-oauth-");
    String refresh = ids.token("bdy-refresh-");
    accessTokens.put(access, new IssuedToken(clientId, now().plusSeconds(tokenExpiresIn)));
    refreshTokens.put(refresh, clientId);
    return new JsonObject()
      .put("access_token", access)
      .put("token_type", "Bearer")
      .put("expires_in", tokenExpiresIn)
      .put("refresh_token", refresh)
      .put("refresh_token_expires_in", tokenExpiresIn * 24)
      .put("scope", scope == null ? "WORKSPACE EXECUTION_INFO EXECUTION_RUN" : scope);
  }

  // ── executions ──

  /** Creates a run of {@code pipeline} at {@code created}; the caller fills in the request's options. */
  ExecutionRecord newExecution(PipelineRecord pipeline, Instant created, Set<Integer> actionsToRun) {
    List<ActionRun> runs = new ArrayList<>();
    List<ActionRecord> actions = pipeline.actions;
    for (int i = 0; i < actions.size(); i++) {
      ActionRecord action = actions.get(i);
      ActionRun.Gate gate = Integer.valueOf(i).equals(pipeline.waitForApprovalAt) ? ActionRun.Gate.APPLY
        : Integer.valueOf(i).equals(pipeline.waitForVariablesAt) ? ActionRun.Gate.VARIABLES : ActionRun.Gate.NONE;
      boolean selected = actionsToRun == null || actionsToRun.contains(action.id);
      boolean fails = Integer.valueOf(i).equals(pipeline.failAt);
      runs.add(new ActionRun(ids.actionExecutionId(), action, selected, gate, fails));
    }
    ExecutionRecord execution = new ExecutionRecord(pipeline.nextExecutionId++, pipeline, created, runs,
      pipeline.queueSeconds, pipeline.failAlways);
    execution.branch = pipeline.project.defaultBranch;
    execution.toRevision = revisionOf(pipeline.project, execution.branch);
    ExecutionRecord previous = pipeline.latest();
    execution.fromRevision = previous == null ? execution.toRevision : previous.toRevision;
    execution.creatorId = user.getInteger("id", 1);
    pipeline.executions.put(execution.id, execution);
    pipeline.retention.added(execution);
    pipeline.dropOldestFinished(runHistory, created);
    return execution;
  }

  /** A stable fake 40-hex commit SHA for a branch, tag or revision name. */
  static String revisionOf(ProjectRecord project, String ref) {
    String base = project.workspace + "/" + project.name + "@" + ref;
    StringBuilder sb = new StringBuilder();
    int h = base.hashCode();
    for (int i = 0; sb.length() < 40; i++) {
      h = h * 31 + i + base.length();
      String hex = Integer.toHexString(h); // String.format("%08x", h), without the formatter's cost per run
      sb.append("00000000", hex.length(), 8).append(hex);
    }
    return sb.substring(0, 40);
  }
}
