// expect-line: 4
// expect: pipeline "…" { } cannot be declared in workspace "…" { } | a pipeline goes in project "…" { } | Valid here: project, integration
workspace "buddy" {
  pipeline "deploy" {
    priority HIGH
  }
}
