// expect-line: 4
// expect: action "…" { } cannot be declared in project "…" { } | an action goes in pipeline "…" { }
project "web" {
  action "Build" {
    type "BUILD"
  }
}
