// technique: getAt("class") called by name
// expect-line: 6
// expect: text cannot be indexed by text ('class')
run pipeline 2 on branch "master" comment "before the escape"
def k = "cl" + "ass"
def c = "x".getAt(k)
println c.name
