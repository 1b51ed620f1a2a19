// expect-line: 5
// expect: unknown word 'run' in integration { } (type GIT_HUB) | belongs in
integration {
  type GIT_HUB
  run pipeline 2 on branch "master"
}
