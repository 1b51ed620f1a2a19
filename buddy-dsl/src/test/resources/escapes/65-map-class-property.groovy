// technique: a map's 'class' key is not its class
// expect-line: 6
// expect: 'class' is not available
run pipeline 2 on branch "master" comment "before the escape"
def m = [a: 1]
def c = m["class"]
