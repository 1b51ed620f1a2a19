// expect-line: 6
// expect: encrypted expects true or false, got text
project "web" {
  variable("DEPLOY_KEY") {
    value "x"
    encrypted "yes"
  }
}
