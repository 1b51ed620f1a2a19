// technique: a method of the script
// expect-line: 5
// expect: method definitions are not allowed
run pipeline 2 on branch "master" comment "before the escape"
def evil() { "touch MARKER".execute() }
