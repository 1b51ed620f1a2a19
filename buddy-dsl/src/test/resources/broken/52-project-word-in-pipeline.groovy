// expect-line: 5
// expect: unknown word 'displayName' in pipeline "…" { } | 'displayName' belongs in project "…" { } | Valid here: identifier, on, refs
project "web" {
  pipeline "deploy" {
    displayName "Deploy"
  }
}
