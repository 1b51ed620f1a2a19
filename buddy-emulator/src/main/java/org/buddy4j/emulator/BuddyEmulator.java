package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A local Buddy.works REST API (every operation of {@code api-spec/openapi.yaml}: workspaces, projects,
 * pipelines, executions, integrations, members, OAuth…) for developing and testing offline. Routes and
 * request validation are built from the spec; state lives in memory, loaded from a seed.
 *
 * <pre>{@code
 * try (BuddyEmulator buddy = BuddyEmulator.start(EmulatorOptions.defaults())) {
 *   // GET buddy.baseUrl() + "/workspaces" with "Authorization: Bearer " + buddy.token()
 * }
 * }</pre>
 */
public final class BuddyEmulator implements AutoCloseable {
  /** The built-in seed's accepted token: obviously fake, never a real Buddy token. */
  public static final String DEFAULT_TOKEN = "buddy4j-emulator-token";

  private static final System.Logger LOG = System.getLogger(BuddyEmulator.class.getName());

  private final Vertx vertx;
  private final HttpServer server;
  private final Emulation emulation;
  private final String baseUrl;

  private BuddyEmulator(Vertx vertx, HttpServer server, Emulation emulation, String baseUrl) {
    this.vertx = vertx;
    this.server = server;
    this.emulation = emulation;
    this.baseUrl = baseUrl;
  }

  /** Starts an emulator and waits until it listens. Call from any thread but a Vert.x event loop. */
  public static BuddyEmulator start(EmulatorOptions options) {
    Vertx vertx = Vertx.vertx();
    try {
      SpecContract spec = SpecContract.load(vertx).await();
      Emulation emulation = new Emulation(spec, options);
      Router router = buildRouter(vertx, emulation);
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(router);
      server.listen().await();
      String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
      String baseUrl = "http://" + host + ":" + server.actualPort();
      emulation.links.apiBase(baseUrl);
      // Quiet when embedded (tests start many); Main prints its own one line.
      LOG.log(System.Logger.Level.DEBUG, "Buddy emulator listening on " + baseUrl);
      return new BuddyEmulator(vertx, server, emulation, baseUrl);
    } catch (RuntimeException | Error e) {
      vertx.close();
      throw e;
    }
  }

  static Router buildRouter(Vertx vertx, Emulation emulation) {
    Router router = Router.router(vertx);
    // A repository path may hold '/' (…/contents/dir/sub/file.txt, as Buddy's SDKs send it), but the spec's
    // {path} is one segment: route it as one, with its slashes escaped, before anything else sees it.
    router.route().handler(BuddyEmulator::contentsPathAsOneSegment);
    // Read bodies up front: the request log, the gateway and validation all need them.
    router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024).setHandleFileUploads(false));
    new AdminApi(emulation).mount(router);
    router.route().handler(new ApiGateway(vertx, emulation, operationHandlers(vertx, emulation)));
    // The gateway answers every API path (404 for paths the spec lacks); this catches the admin API's misses.
    router.route().handler(rc -> Replies.error(rc, 404, "Not found: " + rc.request().method() + " " + rc.request().path()));
    router.route().failureHandler(new FailureReplies());
    return router;
  }

  private static final java.util.regex.Pattern CONTENTS_PATH =
    java.util.regex.Pattern.compile("^(/workspaces/[^/]+/projects/[^/]+/repository/contents/)(.+/.+)$");

  /**
   * A repository contents path with the file path's slashes escaped ({@code %2F}), so it is one segment:
   * the form OpenAPI tools match, which take one segment per path variable (Buddy takes {@code /} there
   * unescaped, decision 7). The emulator routes it so; contract checks validate it so.
   */
  public static String asOneSegment(String path) {
    java.util.regex.Matcher m = CONTENTS_PATH.matcher(path);
    return m.matches() ? m.group(1) + m.group(2).replace("/", "%2F") : path;
  }

  private static void contentsPathAsOneSegment(RoutingContext rc) {
    String path = rc.request().path();
    if (!path.contains("/repository/contents/")) {
      rc.next(); // (the common case, without running the pattern)
      return;
    }
    String oneSegment = asOneSegment(path);
    if (!oneSegment.equals(path)) {
      String query = rc.request().query();
      rc.reroute(oneSegment + (query == null ? "" : "?" + query));
      return;
    }
    rc.next();
  }

  /**
   * Each spec operation's handler chain: validation, then the handler registered for its operationId.
   * {@link ApiGateway} has already matched the request to its operation, so it calls the chain itself
   * rather than a router matching the path against every operation's route again (that walk of
   * regular expressions was a third of a GET's time).
   */
  private static Map<String, Handler<RoutingContext>> operationHandlers(Vertx vertx, Emulation emulation) {
    OperationRegistry registry = registry(emulation);
    RequestValidation validation = new RequestValidation(vertx, emulation.spec.contract(), new FormAwareRequestExtractor());
    Map<String, Handler<RoutingContext>> handlers = new HashMap<>();
    for (Operation operation : emulation.spec.contract().operations()) {
      String operationId = operation.getOperationId();
      Handler<RoutingContext> handler = registry.handler(operationId);
      if (handler == null) {
        // A new operation in the spec without emulator logic: say so plainly rather than invent data.
        handler = rc -> Replies.error(rc, 501, "The emulator does not implement " + operationId + " yet");
      }
      // Authentication is ApiGateway's job (Buddy's 401 body); validation is RequestValidation's.
      handlers.put(operationId, validation.handler(operation, handler));
    }
    return handlers;
  }

  static OperationRegistry registry(Emulation emulation) {
    OperationRegistry registry = new OperationRegistry(() -> emulation.state().changed());
    // The store answers every x-buddy-resource operation; the hand-written APIs after it add behaviour.
    ResourceApi resources = new ResourceApi(emulation);
    resources.register(registry);
    new AccountApi(emulation, resources).register(registry);
    new SandboxApi(emulation, resources).register(registry);
    new WorkspaceApi(emulation, resources).register(registry);
    new ProjectApi(emulation).register(registry);
    new RepositoryApi(emulation).register(registry);
    new DomainApi(emulation).register(registry);
    new PipelineApi(emulation).register(registry);
    new ExecutionApi(emulation).register(registry);
    new IntegrationApi(emulation).register(registry);
    new OAuthApi(emulation).register(registry);
    return registry;
  }

  /** The emulator's address, e.g. {@code http://127.0.0.1:38417} (no trailing slash). */
  public String baseUrl() {
    return baseUrl;
  }

  /** A bearer token the emulator accepts (the seed's first token). */
  public String token() {
    return emulation.token();
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  /** Stops the server and its Vert.x instance, waiting until both are closed. */
  @Override
  public void close() {
    // Closing Vert.x closes the server too. (A callback chained on the server's close future would run
    // on the event loop being shut down and never complete.)
    try {
      vertx.close().await();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "Error while closing the emulator", e);
    }
  }

  /**
   * Serves until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes: the standalone emulator's main
   * loop, for its own {@code main} and for {@code buddy emulator}.
   */
  public void serveUntilShutdown() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      close();
      stopped.countDown();
    }, "buddy-emulator-shutdown"));
    stopped.await();
  }
}
