// technique: a closure's owner is the script object
// expect-line: 6
// expect: 'owner' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = { -> 1 }
def s = c.owner
s.evaluate('"touch MARKER".execute()')
