// expect-line: 6
// expect: unknown word 'priority' in action "…" { } | belongs in | pipeline "…" { } | Valid here: type, triggerTime
project "web" {
  pipeline "deploy" {
    action "Build" {
      priority HIGH
    }
  }
}
