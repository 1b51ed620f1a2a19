// expect-line: 4
// expect: unknown word 'pipline' in project "…" { } | did you mean 'pipeline'?
project "web" {
  pipline "deploy" {
    priority HIGH
  }
}
