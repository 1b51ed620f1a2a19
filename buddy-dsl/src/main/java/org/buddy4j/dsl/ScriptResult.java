package org.buddy4j.dsl;

import java.time.Duration;
import java.util.List;
import org.buddy4j.core.provision.ApplyReport;

/**
 * How a script run went: what applying its declarations did (nothing applied when it declares nothing),
 * the requests the check run planned for its statements (the real run sent these, in this order, unless a
 * branch of the script went another way), and how long compiling, checking and running took.
 */
public record ScriptResult(ApplyReport applied, List<PlannedRequest> planned, Duration compileTime, Duration checkTime,
                           Duration runTime) {}
