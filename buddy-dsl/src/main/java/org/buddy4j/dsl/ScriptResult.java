package org.buddy4j.dsl;

import java.time.Duration;
import java.util.List;

/**
 * How a script run went: the requests the check run planned (the real run sent these, in this order,
 * unless a branch of the script went another way), and how long compiling and checking took.
 */
public record ScriptResult(List<PlannedRequest> planned, Duration compileTime, Duration checkTime, Duration runTime) {}
