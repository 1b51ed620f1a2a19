package org.buddy4j.core.generated.invoker;

/**
 * Hand-written stand-in for the generator's {@code ApiClient}.
 *
 * <p>Every generated Feign interface {@code extends ApiClient.Api}. The generated ApiClient itself is
 * not used: it hard-wires OkHttp and feign-form (neither resolves here) and Feign's default retryer,
 * which re-sends POSTs. buddy4j builds its Feign clients in {@code org.buddy4j.core.http.FeignTransport}.
 */
public final class ApiClient {
  private ApiClient() {}

  /** Marker that every generated API interface extends. */
  public interface Api {}
}
