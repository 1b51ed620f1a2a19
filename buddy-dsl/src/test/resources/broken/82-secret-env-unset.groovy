// expect-line: 5
// expect: environment variable NO_SUCH_DEPLOY_KEY_FOR_BUDDY4J is not set
project "web" {
  variable("DEPLOY_KEY") {
    value env("NO_SUCH_DEPLOY_KEY_FOR_BUDDY4J")
    encrypted true
  }
}
