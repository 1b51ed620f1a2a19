package org.buddy4j.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.Map;

/**
 * Checks a response the emulator sent against the spec with Vert.x's {@link ResponseValidator}, by the
 * operationId its method and path map to. One Vert.x instance and contract serve the whole test run.
 */
final class SpecResponseValidator {
  private static SpecResponseValidator instance;

  private final SpecContract spec;
  private final ResponseValidator validator;

  private SpecResponseValidator() {
    Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(2));
    this.spec = SpecContract.load(vertx).await();
    this.validator = ResponseValidator.create(vertx, spec.contract());
  }

  static synchronized SpecResponseValidator get() {
    if (instance == null) {
      instance = new SpecResponseValidator();
    }
    return instance;
  }

  SpecContract spec() {
    return spec;
  }

  /** The operationId of a request, or null when the spec has no such path and method. */
  String operationId(String method, String path) {
    Operation op = spec.contract().findOperation(BuddyEmulator.asOneSegment(path), HttpMethod.valueOf(method));
    return op == null ? null : op.getOperationId();
  }

  /**
   * Validates one response. A response to a path outside the spec (a 404) is checked against the shared
   * error response, which every operation declares (getWorkspaces stands in for all of them). The
   * emulator's own 501, for an operation it has no logic for yet, is no answer Buddy gives, so the spec
   * does not declare it; it is checked against the operation's 500 (Buddy's error body and headers).
   */
  void validate(String method, String path, int status, Map<String, String> headers, String body, String contentType) {
    String operationId = operationId(method, path);
    String checkedAs = operationId == null ? "getWorkspaces" : operationId;
    int checkedStatus = status == 501 ? 500 : status;
    ValidatableResponse response = body == null || body.isEmpty()
      ? ValidatableResponse.create(checkedStatus, headers)
      : ValidatableResponse.create(checkedStatus, headers, Buffer.buffer(body), contentType);
    try {
      validator.validate(response, checkedAs).await();
    } catch (RuntimeException e) {
      throw new AssertionError("Response to " + method + " " + path + " (" + checkedAs + ", HTTP " + status
        + ") breaks the spec: " + e.getMessage() + "\nbody: " + body, e);
    }
  }
}
