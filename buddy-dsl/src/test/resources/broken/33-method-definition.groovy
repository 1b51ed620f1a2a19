// expect-line: 3
// expect: method definitions are not allowed | def deploy = { … }
def deploy() {
  run pipeline 2 on branch "master"
}
deploy()
