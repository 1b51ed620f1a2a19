// technique: List.getAt(String) reads a property of every element
// expect-line: 6
// expect: a list cannot be indexed by text ('class')
run pipeline 2 on branch "master" comment "before the escape"
def k = "cl" + "ass"
def c = ["x"].getAt(k)
println c[0].name
