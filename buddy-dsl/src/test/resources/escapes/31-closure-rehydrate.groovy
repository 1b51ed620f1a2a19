// technique: rehydrating a closure onto another delegate
// expect-line: 6
// expect: 'rehydrate' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = { -> 1 }
c.rehydrate("touch MARKER", null, null).call()
