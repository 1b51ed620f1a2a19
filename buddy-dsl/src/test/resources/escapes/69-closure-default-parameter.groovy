// technique: code in a closure parameter's default value
// expect-line: 5
// expect: 'execute' is not available
run pipeline 2 on branch "master" comment "before the escape"
def f = { x = "touch MARKER".execute() -> x }
f()
