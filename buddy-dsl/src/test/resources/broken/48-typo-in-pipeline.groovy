// expect-line: 5
// expect: unknown word 'prority' in pipeline "…" { } | did you mean 'priority'? | Valid here: identifier, on, refs
project "web" {
  pipeline "deploy" {
    prority HIGH
  }
}
