// expect-line: 4
// expect: Unexpected input: '{' | a block opened here is not closed
run pipeline 2 on branch "master"
integration {
  type GIT_HUB
  name "GitHub"

