// expect-line: 5
// expect: unknown word 'displayNme' in project "…" { } | did you mean 'displayName'? | Valid here: integration, run, rollback, displayName
workspace "buddy" {
  project "web" {
    displayNme "Web"
  }
}
