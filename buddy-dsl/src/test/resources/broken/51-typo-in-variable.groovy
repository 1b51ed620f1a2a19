// expect-line: 5
// expect: unknown word 'encryted' in variable "…" { } | did you mean 'encrypted'? | Valid here: value, type, encrypted
project "web" {
  variable("DEPLOY_KEY") {
    encryted true
  }
}
