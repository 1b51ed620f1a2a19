package org.buddy4j.bench;

import java.io.IOException;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * Encoding the seed-002 run ({@code executions-run.response.json}, decoded once by the SDK) back to
 * JSON. Every binder writes the same bytes; The floor replays their token stream.
 */
public class RunResponseEncode extends EncodeBenchmarks {
  @Override
  protected Object model() throws IOException {
    return Binders.SDK.readValue(Payloads.runResponse(), ExecutionData.class);
  }
}
