// expect-line: 5
// expect: delayUntil expects a date-time with a zone | 2026-11-18T12:38:16Z
run(pipeline: 2) {
  branch "master"
  delayUntil "tomorrow morning"
}
