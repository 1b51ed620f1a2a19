// technique: reading a URL
// expect-line: 5
// expect: 'toURL' is not available
run pipeline 2 on branch "master" comment "before the escape"
def t = "http://127.0.0.1:9/".toURL().text
