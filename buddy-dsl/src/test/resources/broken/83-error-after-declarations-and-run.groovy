// expect-line: 10
// expect: unknown word 'cpus' in pipeline "…" { } | did you mean 'cpu'?
project "company-website" {
  displayName "Company website"
  run pipeline 2 on branch "master" comment "must not be sent"
  pipeline "deploy" {
    priority HIGH
  }
  pipeline "test" {
    cpus ARM
  }
}
