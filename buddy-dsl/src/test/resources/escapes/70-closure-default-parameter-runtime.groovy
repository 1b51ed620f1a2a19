// technique: a closure parameter's default value reaching for a class
// expect-line: 6
// expect: text cannot be indexed by text ('class')
run pipeline 2 on branch "master" comment "before the escape"
def k = "cl" + "ass"
def f = { x = "y"[k] -> x }
f()
