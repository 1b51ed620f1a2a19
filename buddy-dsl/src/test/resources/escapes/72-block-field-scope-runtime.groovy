// technique: a block object's field holding the engine (and through it the client)
// expect-line: 5
// expect: unknown word 'runtime'
workspace "buddy" {
  def s = runtime
}
run pipeline 2 on branch "master" comment "before the escape"
