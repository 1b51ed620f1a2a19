// technique: use(Category) { } adds methods
// expect-line: 5
// expect: unknown word 'use'
run pipeline 2 on branch "master" comment "before the escape"
use(groovy.time.TimeCategory) { 1 }
