package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a request against its spec operation on the event loop, in place of the RouterBuilder's own
 * validation handler (which {@code OpenAPIRoute.setDoValidation(false)} turns off). That handler hands
 * every request to a worker thread ({@code executeBlocking}, one at a time per context) and back, and
 * builds fresh schema validators each time; checking a request against validators compiled once
 * ({@link CompiledContract}) takes microseconds, less than the two thread hops. The checks and their
 * errors are vertx-openapi's own ({@link RequestValidatorImpl#validateParameter} and
 * {@link RequestValidatorImpl#validateBody}); a failure reaches the route's failure handler as the
 * same {@code HttpException(400)} wrapping the {@link ValidatorException}, so the answers do not change.
 * {@link io.vertx.ext.web.openapi.router.RouterBuilder} is not used: {@link ApiGateway} calls each
 * operation's chain itself.
 */
final class RequestValidation {
  private static final int REMEMBERED = 256;
  private static final int REMEMBERED_BODY = 4096;

  private final RequestExtractor extractor;
  private final RequestValidatorImpl validator;
  private final Map<Parameter, Map<String, RequestParameter>> checked = new ConcurrentHashMap<>();
  private final Map<Operation, Map<BodyKey, JsonObject>> checkedBodies = new ConcurrentHashMap<>();

  RequestValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor) {
    this.extractor = extractor;
    this.validator = new RequestValidatorImpl(vertx, new CompiledContract(contract));
  }

  /**
   * The handler that validates {@code operation}'s requests, stores the result for {@link ApiRequest} and
   * calls {@code next}; a failure, or an exception {@code next} throws, reaches the router's failure
   * handler as if {@code next} were the route's next handler.
   */
  Handler<RoutingContext> handler(Operation operation, Handler<RoutingContext> next) {
    return rc -> extractor.extractValidatableRequest(rc, operation).onComplete(extracted -> {
      if (extracted.failed()) {
        fail(rc, extracted.cause());
        return;
      }
      try {
        rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validate(extracted.result(), operation));
      } catch (RuntimeException e) {
        fail(rc, e);
        return;
      }
      try {
        next.handle(rc);
      } catch (RuntimeException e) {
        rc.fail(e);
      }
    });
  }

  /** What vertx-openapi's {@code RequestValidatorImpl.validate} does, without the worker thread. */
  ValidatedRequest validate(ValidatableRequest request, Operation operation) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter param : operation.getParameters()) {
      switch (param.getIn()) {
        case COOKIE:
          cookies.put(param.getName(), parameter(param, request.getCookies().get(param.getName())));
          break;
        case HEADER:
          headers.put(param.getName(), parameter(param, request.getHeaders().get(param.getName())));
          break;
        case PATH:
          path.put(param.getName(), parameter(param, request.getPathParameters().get(param.getName())));
          break;
        case QUERY:
          query.put(param.getName(), parameter(param, request.getQuery().get(param.getName())));
          break;
        default:
          break;
      }
    }
    RequestParameter body = body(operation, request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }

  /**
   * A parameter checked and converted ({@code "3"} to 3) by vertx-openapi, remembered per raw value: the
   * check is a pure function of the schema and the text, and each run of it compiled a regular
   * expression and parsed the text as JSON. Only immutable results are kept (not arrays or objects,
   * which a handler could change), at most {@link #REMEMBERED} values per parameter.
   */
  private RequestParameter parameter(Parameter param, RequestParameter raw) {
    Object text = raw == null ? null : raw.get();
    if (!(text instanceof String)) {
      return validator.validateParameter(param, raw);
    }
    Map<String, RequestParameter> seen = checked.computeIfAbsent(param, p -> new ConcurrentHashMap<>());
    RequestParameter known = seen.get(text);
    if (known != null) {
      return known;
    }
    RequestParameter result = validator.validateParameter(param, raw);
    Object value = result.get();
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      if (seen.size() >= REMEMBERED) {
        seen.clear();
      }
      seen.put((String) text, result);
    }
    return result;
  }

  /**
   * The body checked by vertx-openapi, remembered per exact bytes (and content type) for bodies up to
   * {@link #REMEMBERED_BODY} bytes: clients repeat the same body (every run of a batch), and checking it
   * against the schema was most of a run request's time. A remembered body is handed out as a copy, as
   * a handler may change the object it gets.
   */
  private RequestParameter body(Operation operation, ValidatableRequest request) {
    RequestParameter raw = request.getBody();
    Object bytes = raw == null ? null : raw.get();
    if (operation.getRequestBody() == null || !(bytes instanceof Buffer) || ((Buffer) bytes).length() > REMEMBERED_BODY) {
      return validator.validateBody(operation.getRequestBody(), request);
    }
    Map<BodyKey, JsonObject> seen = checkedBodies.computeIfAbsent(operation, o -> new ConcurrentHashMap<>());
    BodyKey key = new BodyKey(request.getContentType(), (Buffer) bytes);
    JsonObject known = seen.get(key);
    if (known != null) {
      return new RequestParameterImpl(known.copy());
    }
    RequestParameter result = validator.validateBody(operation.getRequestBody(), request);
    if (result.get() instanceof JsonObject) {
      if (seen.size() >= REMEMBERED) {
        seen.clear();
      }
      seen.put(key, ((JsonObject) result.get()).copy());
    }
    return result;
  }

  private record BodyKey(String contentType, Buffer bytes) {
  }

  /** As the RouterBuilder's handler fails a request: a validation error is a 400 that keeps its cause. */
  private static void fail(RoutingContext rc, Throwable failure) {
    rc.fail(failure instanceof ValidatorException ? new HttpException(400, failure.getMessage(), failure) : failure);
  }
}
