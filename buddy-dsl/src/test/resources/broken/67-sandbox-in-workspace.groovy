// expect-line: 4
// expect: sandbox "…" { } cannot be declared in workspace "…" { } | goes in project "…" { }
workspace "buddy" {
  sandbox "preview" {
    os "ubuntu:24.04"
  }
}
