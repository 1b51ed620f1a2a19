// expect-line: 6
// expect: unknown word 'integraton' | did you mean 'integration'?
def deployOnFriday = false
run pipeline 2 on branch "master"
if (deployOnFriday) {
  integraton {
    type GIT_HUB
  }
}
