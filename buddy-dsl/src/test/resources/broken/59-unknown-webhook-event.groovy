// expect-line: 5
// expect: events expects PUSH, EXECUTION_STARTED, EXECUTION_SUCCESSFUL, EXECUTION_FAILED or EXECUTION_FINISHED, not 'PUSHH' | did you mean PUSH?
workspace "buddy" {
  webhook "https://example.com/hook" {
    events PUSHH, EXECUTION_FAILED
  }
}
