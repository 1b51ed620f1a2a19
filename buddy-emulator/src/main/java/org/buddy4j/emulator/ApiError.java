package org.buddy4j.emulator;

/**
 * A request the emulator refuses, answered with Buddy's error body {@code {"errors":[{"message":…}]}}
 * and the given status (400 bad input, 401 token, 404 not found, 422 wrong state, 429 rate limit…).
 */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError unprocessable(String message) {
    return new ApiError(422, message);
  }
}
