// technique: a subscript whose key is computed at run time
// expect-line: 6
// expect: text cannot be indexed by text ('class')
run pipeline 2 on branch "master" comment "before the escape"
def k = "cl" + "ass"
def c = "x"[k]
println c.name
