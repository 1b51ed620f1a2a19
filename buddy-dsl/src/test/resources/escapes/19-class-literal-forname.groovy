// technique: an allowed class literal (String) used as a receiver for forName
// expect-line: 6
// expect: 'forName' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = String
c.forName("java.lang.Runtime")
