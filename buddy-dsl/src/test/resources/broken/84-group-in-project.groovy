// expect-line: 4
// expect: group "…" { } cannot be declared in project "…" { } | goes in workspace
project "web" {
  group "developers" {
    description "Devs"
  }
}
