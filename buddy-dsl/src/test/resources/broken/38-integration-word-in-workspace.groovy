// expect-line: 4
// expect: unknown word 'type' in workspace "…" { } | belongs in integration { }
workspace "buddy" {
  type AMAZON
}
