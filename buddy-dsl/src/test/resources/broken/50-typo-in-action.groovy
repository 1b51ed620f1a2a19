// expect-line: 6
// expect: unknown word 'triggerTme' in action "…" { } | did you mean 'triggerTime'? | Valid here: type, triggerTime, runNext
project "web" {
  pipeline "deploy" {
    action "Build" {
      triggerTme ON_SUCCESS
    }
  }
}
