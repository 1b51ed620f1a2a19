// expect-line: 4
// expect: webhook "…" { } cannot be declared in project "…" { } | goes in workspace "…" { } (or the script's top level)
project "web" {
  webhook "https://example.com/hook" {
    events PUSH
  }
}
