// technique: a method pointer
// expect-line: 5
// expect: method pointers
run pipeline 2 on branch "master" comment "before the escape"
def m = "touch MARKER".&execute
m()
