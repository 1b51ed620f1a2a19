// expect-line: 4
// expect: environment expects its identifier and a block: environment "…" { … }
project "web" {
  environment "production"
}
