// technique: catching a refusal at run time and carrying on
// expect-line: 5
// expect: text cannot be indexed by text ('class')
def k = "cl" + "ass"
try { def c = "x"[k]; println c.name } catch (e) { }
run pipeline 2 on branch "master" comment "before the escape"
