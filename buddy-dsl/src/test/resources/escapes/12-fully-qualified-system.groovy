// technique: java.lang.System spelled out
// expect-line: 4
// expect: 'System' is not available
def t = java.lang.System.getenv("BUDDY_TOKEN")
run pipeline 2 on branch "master" comment t
